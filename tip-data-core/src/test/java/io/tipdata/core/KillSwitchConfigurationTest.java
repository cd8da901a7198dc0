package io.tipdata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The kill switch's settings fail closed, and the system property wins over the environment variable. */
class KillSwitchConfigurationTest {

    @Test
    void everyDocumentedSpellingIsReadInAnyCase() {
        for (String on : List.of("true", "TRUE", "1", "yes", "Yes", "on", " ON ")) {
            assertThat(KillSwitch.isOn("tip.kill", on)).as(on).isTrue();
        }
        for (String off : List.of("false", "False", "0", "no", "NO", "off", "Off\n")) {
            assertThat(KillSwitch.isOn("tip.kill", off)).as(off).isFalse();
        }
    }

    @Test
    void anyOtherValueIsRefusedNamingIt() {
        for (String bad : List.of("maybe", "", " ", "2", "tru", "enabled", "-1", "y")) {
            assertThatThrownBy(() -> KillSwitch.isOn("TIP_KILL", bad)).as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("TIP_KILL='" + bad + "'").hasMessageContaining("true/false, 1/0");
        }
    }

    @Test
    void thePropertyWinsOverTheEnvironmentVariable() {
        assertThat(KillSwitch.configuredReason(null, null)).isNull();
        assertThat(KillSwitch.configuredReason(null, "1")).contains("environment variable TIP_KILL=1");
        assertThat(KillSwitch.configuredReason(null, "off")).isNull();
        assertThat(KillSwitch.configuredReason("off", "1")).isNull();
        assertThat(KillSwitch.configuredReason("yes", "0")).contains("system property tip.kill=yes");
        assertThat(KillSwitch.configuredReason("on", "garbage")).as("an unread variable is not read")
                .contains("tip.kill=on");
        assertThatThrownBy(() -> KillSwitch.configuredReason("maybe", "0")).hasMessageContaining("tip.kill='maybe'");
        assertThatThrownBy(() -> KillSwitch.configuredReason(null, "enable")).hasMessageContaining("TIP_KILL='enable'");
    }

    @Test
    void theGlobalSwitchReadsTheRealEnvironmentAndPropertyAtStartUp() throws Exception {
        Probe engaged = probe("1", null);
        assertThat(engaged.out).contains("engaged: engaged by configuration (environment variable TIP_KILL=1)");
        assertThat(engaged.err).contains("WARN").contains("kill switch engaged");
        assertThat(probe("1", "off").out).as("property over variable").contains("released");
        assertThat(probe(null, "On").out).contains("engaged: engaged by configuration (system property tip.kill=On)");
        Probe refused = probe("maybe", null);
        assertThat(refused.exit).isEqualTo(3);
        assertThat(refused.out).contains("TIP_KILL='maybe'");
    }

    private record Probe(int exit, String out, String err) {
    }

    private static Probe probe(String environment, String property) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        if (property != null) {
            cmd.add("-Dtip.kill=" + property);
        }
        cmd.add(KillSwitchProbe.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("TIP_KILL");
        if (environment != null) {
            pb.environment().put("TIP_KILL", environment);
        }
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe JVM did not finish in 30 s");
        }
        return new Probe(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
