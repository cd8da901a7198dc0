package io.tipdata.core;

/** Prints what the global kill switch is after reading this JVM's configuration; run in a forked JVM. */
public final class KillSwitchProbe {

    private KillSwitchProbe() {
    }

    /** Prints {@code engaged: <reason>} or {@code released}; a configuration it cannot read exits with 3. */
    public static void main(String[] args) {
        try {
            KillSwitch k = KillSwitch.global();
            System.out.println(k.isEngaged() ? "engaged: " + k.reason() : "released");
        } catch (IllegalArgumentException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
        }
    }
}
