package io.watchkeeper.certmanager.keys;

import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that hold secrets: created new with mode 0600 before a byte is written. */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {}

    /** Writes {@code content} to {@code path}, which must not exist yet; mode 0600 from the start. */
    public static void write(Path path, byte[] content) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new InvalidInputException("folder " + parent + " does not exist");
            }
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(path, content, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException(path + " already exists; choose another file (nothing was overwritten)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
