package io.tipdata.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.KeyRingLoader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoKeysTest {

    @Test
    void theDemoKeyFileIsReadableByItsOwnerOnlyAndHoldsAUsableKey(@TempDir Path dir) throws Exception {
        Path file = DemoKeys.ensureFile(dir.resolve("sub").resolve("tip-demo.keys"));

        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(KeyRingLoader.fromFile(file).load().signingKeyId()).isEqualTo("demo");
        String first = Files.readString(file);
        DemoKeys.ensureFile(file);
        assertThat(Files.readString(file)).as("an existing file is kept").isEqualTo(first);
    }
}
