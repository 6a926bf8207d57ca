package io.watchkeeper.core.secrets;

import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of secrets (HMAC-SHA256) and the fingerprints built on it. A plain hash of a short
 * secret can be reversed by guessing; a keyed one cannot without the key, which lives in one
 * owner-only file ({@code WATCHKEEPER_HOME/code-scan.key} by default, or a configured file so that
 * CI runs share fingerprints): 32 random bytes in base64, made once, mode 0600 before a byte is
 * written.
 */
public final class SecretHasher {

    /** The default key file's name under WATCHKEEPER_HOME. */
    public static final String KEY_FILE = "code-scan.key";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final SecretKeySpec key;

    public SecretHasher(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the hash key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /**
     * The key in {@code file}: read, or made when {@code create} and the file does not exist. A key
     * file others may read is narrowed to 0600.
     */
    public static SecretHasher fromFile(Path file, boolean create) {
        try {
            if (!Files.exists(file)) {
                if (!create) {
                    throw new InvalidInputException("hash key file " + file + " does not exist");
                }
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null && !Files.isDirectory(dir)) {
                    if (posix(dir)) {
                        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                    } else {
                        Files.createDirectories(dir);
                    }
                }
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                try {
                    if (posix(dir)) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.US_ASCII,
                            StandardOpenOption.TRUNCATE_EXISTING);
                    return new SecretHasher(random);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: read theirs
                }
            }
            if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            String text = "";
            for (int i = 0; i < 20 && text.isEmpty(); i++) {
                text = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (text.isEmpty()) {
                    sleep(); // the process that made it is writing it
                }
            }
            try {
                return new SecretHasher(Base64.getDecoder().decode(text));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("hash key file " + file + " must hold at least 32 bytes in base64");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the hash key " + file, e);
        }
    }

    private static boolean posix(Path p) {
        return p == null || p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** HMAC-SHA256 of the normalised secret, hex. */
    public String hash(String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The finding's identity: rule, keyed hash of the secret and path, never the line number, so it
     * survives rebases, force pushes and edits elsewhere in the file. 32 hex characters.
     */
    public static String fingerprint(String ruleId, String secretHash, String path) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((ruleId + '\0' + secretHash + '\0' + path).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The masked form shown to people: at most a quarter of the secret and never more than 6
     * characters (4 leading, 2 trailing), the rest elided.
     */
    public static String mask(String secret) {
        int n = secret.length();
        int reveal = Math.min(6, n / 4);
        int head = (reveal * 2 + 2) / 3;
        int tail = reveal - head;
        return secret.substring(0, head) + "…" + (tail > 0 ? secret.substring(n - tail) : "") + " (" + n + " chars)";
    }
}
