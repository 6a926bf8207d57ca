package io.watchkeeper.web.cli;

import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files that hold a secret given on the command line ({@code --token-file}, {@code --app-key}): read
 * once, and only when no one but the owner may read or write them (a secret others can read is
 * already leaked, so it is refused rather than sealed). The content is never repeated in messages.
 */
final class SecretFiles {

    private static final int MAX = 64 * 1024;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretFiles() {}

    /** The file's bytes (the caller wipes them), or bad input naming the file and what to change. */
    static byte[] read(Path file, String option) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInputException(option + " " + file + ": not a regular file");
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new InvalidInputException(option + " " + file + " may be read or changed by others; make it "
                        + "owner-only first (chmod 600 " + file + ")");
            }
            if (Files.size(file) > MAX) {
                throw new InvalidInputException(option + " " + file + ": larger than " + MAX + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new InvalidInputException(option + " " + file + " is empty");
            }
            return bytes;
        } catch (UnsupportedOperationException e) {
            throw new InvalidInputException(option + ": the file system cannot show whether " + file + " is owner-only");
        } catch (IOException e) {
            throw new InvalidInputException(option + " " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
