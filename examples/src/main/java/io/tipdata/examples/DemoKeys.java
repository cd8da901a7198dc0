package io.tipdata.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Creates a key file with one random demo key, for trying the example without configuring keys. */
final class DemoKeys {

    private DemoKeys() {
    }

    /** Creates the empty file readable and writable by its owner only (where the file system has permissions). */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    /** Returns the file, writing a fresh random key {@code demo=<base64>} into it if it does not exist. */
    static Path ensureFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.toAbsolutePath().getParent());
                createOwnerOnly(file);
                Files.writeString(file, "demo=" + Base64.getEncoder().encodeToString(key) + "\n",
                        StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo key file " + file.toAbsolutePath()
                    + "; set TIP_DATA_KEYS instead", e);
        }
    }
}
