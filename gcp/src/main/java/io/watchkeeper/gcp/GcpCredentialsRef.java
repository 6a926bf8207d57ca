package io.watchkeeper.gcp;

import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a GCP project's credential comes from, as stored in {@code AccountAccess.credentialsRef}:
 * null (Application Default Credentials), {@code none} (no credential at all: only with an endpoint
 * set) or {@code file:/absolute/path} (a service-account key file, which must be a regular file
 * readable by its owner only, owned by the user Watchkeeper runs as). Never the key itself.
 */
public sealed interface GcpCredentialsRef {

    /** The largest key file read (a service-account key is about 2.5 KB). */
    long MAX_KEY_BYTES = 64 * 1024;

    /** Application Default Credentials (environment, gcloud, metadata server, workload identity federation). */
    record Adc() implements GcpCredentialsRef {}

    /** No credential: requests carry no Authorization header (emulators and test servers). */
    record None() implements GcpCredentialsRef {}

    /** A service-account key file. */
    record KeyFile(Path path) implements GcpCredentialsRef {}

    static GcpCredentialsRef parse(String ref) {
        if (ref == null || ref.isBlank() || ref.equals("adc")) {
            return new Adc();
        }
        if (ref.equals("none")) {
            return new None();
        }
        if (ref.startsWith("file:")) {
            Path path = Path.of(ref.substring("file:".length()));
            if (!path.isAbsolute()) {
                throw new InvalidInputException("credentials file must be an absolute path: " + ref);
            }
            return new KeyFile(path.normalize());
        }
        throw new InvalidInputException("unknown GCP credentials reference '" + ref
                + "' (expected none, or file:/absolute/path to a service-account key)");
    }

    /** The stored reference for what a person typed after {@code --credentials}: a file path or {@code none}. */
    static String reference(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String value = given.strip();
        if (value.equals("none")) {
            return "none";
        }
        Path path = Path.of(value.startsWith("file:") ? value.substring(5) : value).toAbsolutePath().normalize();
        requireOwnerOnly(path);
        return "file:" + path;
    }

    /**
     * Refuses a key file that is not a regular file, is a symbolic link, is readable or writable by
     * group or others, is not owned by the user Watchkeeper runs as, or is larger than {@link #MAX_KEY_BYTES}.
     */
    static void requireOwnerOnly(Path path) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            throw new InvalidInputException("cannot check the permissions of " + path + " (no POSIX file system)");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read credentials file " + path + ": " + e.getClass().getSimpleName());
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidInputException("credentials file " + path + " is not a regular file (links are refused)");
        }
        Set<PosixFilePermission> others = EnumSet.copyOf(attributes.permissions().isEmpty()
                ? EnumSet.of(PosixFilePermission.OWNER_READ) : attributes.permissions());
        others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        if (!others.isEmpty()) {
            throw new InvalidInputException("credentials file " + path
                    + " must be readable by its owner only (chmod 600); it allows " + others);
        }
        String user = System.getProperty("user.name");
        if (user != null && !user.equals(attributes.owner().getName())) {
            throw new InvalidInputException("credentials file " + path + " is owned by " + attributes.owner().getName()
                    + ", not by " + user + " (the user Watchkeeper runs as)");
        }
        if (attributes.size() > MAX_KEY_BYTES) {
            throw new InvalidInputException("credentials file " + path + " is larger than " + MAX_KEY_BYTES + " bytes");
        }
    }
}
