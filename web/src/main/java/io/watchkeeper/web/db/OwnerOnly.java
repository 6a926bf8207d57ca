package io.watchkeeper.web.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/** Folders and secret files under {@code WATCHKEEPER_HOME} that only their owner may read. */
final class OwnerOnly {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code dir} (mode 0700) or narrows an existing one of ours to 0700. */
    static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        }
        if (!Files.getPosixFilePermissions(dir).equals(DIRECTORY)) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
        return dir;
    }

    /**
     * The database password: read from {@code file}, or made (32 random bytes, mode 0600 before a byte
     * is written) when the cluster in {@code data} does not exist yet or still trusts everyone. A
     * password-protected cluster whose file is lost cannot be opened; saying so beats guessing.
     */
    static String secret(Path file, Path data) throws IOException {
        if (!Files.exists(file)) {
            boolean protectedCluster = Files.isRegularFile(data.resolve("pg_hba.conf"))
                    && !EmbeddedDatabase.trusts(data.resolve("pg_hba.conf"));
            if (protectedCluster) {
                throw new IllegalStateException("the embedded database in " + data + " needs its password, but "
                        + file + " is missing: restore it from a backup of WATCHKEEPER_HOME");
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                Files.writeString(file, secret, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                return secret;
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            }
        }
        if (!Files.getPosixFilePermissions(file).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        for (int i = 0; secret.isEmpty() && i < 20; i++) { // a process that made it a moment ago is writing it
            sleep();
            secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        if (secret.isEmpty()) {
            throw new IllegalStateException(file + " is empty: restore it from a backup of WATCHKEEPER_HOME");
        }
        return secret;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
