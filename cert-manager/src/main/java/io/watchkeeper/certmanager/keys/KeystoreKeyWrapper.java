package io.watchkeeper.certmanager.keys;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Master keys in a PKCS#12 keystore file: AES-256 secret keys under the aliases {@code master-1},
 * {@code master-2}, …; the highest is current. Data keys are wrapped with AES-256-GCM (12-byte
 * nonce, the version and the owner as associated data).
 *
 * <p>Created on first use with a random password written next to it ({@code <file>.password},
 * mode 0600), or opened with a password file given by settings. Nothing is read until a key is
 * sealed or opened, so commands that never touch keys never create it. Rotation appends a version
 * and replaces the file atomically, under a lock file shared with other processes.
 */
public final class KeystoreKeyWrapper implements KeyWrapper {

    public static final String PROVIDER = "keystore";
    private static final String PREFIX = "master-";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Path passwordFile;
    private final boolean ownPasswordFile;
    private KeyStore keystore;
    private java.nio.file.attribute.FileTime loadedModified;
    private char[] password;
    /** Master keys read from the keystore (each read runs its PBKDF2), kept for the process's life. */
    private final java.util.Map<Integer, SecretKey> keys = new java.util.HashMap<>();

    /**
     * @param file the keystore ({@code WATCHKEEPER_HOME/master-keys.p12} by default)
     * @param passwordFile its password file; null means {@code <file>.password}, created with the keystore
     */
    public KeystoreKeyWrapper(Path file, Path passwordFile) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.passwordFile = passwordFile == null ? Path.of(this.file + ".password") : passwordFile.toAbsolutePath();
        this.ownPasswordFile = passwordFile == null;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public synchronized String currentVersion() {
        return String.valueOf(latest(loaded()));
    }

    @Override
    public synchronized Wrapped wrap(byte[] dataKey, String context) {
        KeyStore ks = loaded();
        int version = latest(ks);
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(ks, version), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad(String.valueOf(version), context));
            byte[] sealed = cipher.doFinal(dataKey);
            byte[] out = new byte[12 + sealed.length];
            System.arraycopy(nonce, 0, out, 0, 12);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return new Wrapped(out, String.valueOf(version));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a data key", e);
        }
    }

    @Override
    public synchronized byte[] unwrap(byte[] wrapped, String version, String context) {
        KeyStore ks = loaded();
        int v = parseVersion(version);
        if (v > latest(ks)) {
            keystore = null; // another process rotated: read the file again
            ks = loaded();
        }
        SecretKey key = v >= 1 && v <= latest(ks) ? key(ks, v) : null;
        if (key == null || wrapped.length <= 12) {
            throw new WatchkeeperException(ErrorCategory.INTERNAL, "master key version " + version + " is not in " + file);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, wrapped, 0, 12));
            cipher.updateAAD(aad(version, context));
            return cipher.doFinal(wrapped, 12, wrapped.length - 12);
        } catch (GeneralSecurityException e) {
            throw new WatchkeeperException(ErrorCategory.INTERNAL,
                    "a data key for " + context + " does not unwrap with master key version " + version + " (tampered?)");
        }
    }

    @Override
    public synchronized String rotate() {
        try {
            return locked(() -> {
                keystore = null;
                KeyStore ks = loaded();
                int next = latest(ks) + 1;
                ks.setEntry(PREFIX + next, new KeyStore.SecretKeyEntry(newMasterKey()),
                        new KeyStore.PasswordProtection(password));
                save(ks);
                return String.valueOf(next);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the master key in " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot rotate the master key in " + file, e);
        }
    }

    /** Work that reads and writes the keystore file. */
    private interface FileWork<T> {
        T run() throws IOException, GeneralSecurityException;
    }

    /** Runs {@code work} holding the lock file shared with other processes. */
    private <T> T locked(FileWork<T> work) throws IOException, GeneralSecurityException {
        try (FileChannel channel = FileChannel.open(Path.of(file + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                return work.run();
            } finally {
                lock.release();
            }
        }
    }

    /** The keystore file. */
    public Path file() {
        return file;
    }

    private KeyStore loaded() {
        try {
            if (keystore != null && Files.getLastModifiedTime(file).equals(loadedModified)) {
                return keystore; // unchanged; a rotation by another process replaces the file and is read again
            }
            if (!Files.exists(file)) {
                create();
            }
            password = readPassword();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
            try (InputStream in = Files.newInputStream(file)) {
                ks.load(in, password);
            }
            loadedModified = modified;
            if (latest(ks) == 0) {
                throw new InvalidInputException(file + " holds no master key (aliases master-1, master-2, …)");
            }
            keystore = ks;
            return ks;
        } catch (IOException e) {
            throw new WatchkeeperException(ErrorCategory.INTERNAL, "cannot open the master keystore " + file + ": "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the master keystore " + file, e);
        }
    }

    private void create() throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        locked(() -> {
            if (Files.exists(file)) {
                return null; // another process created it meanwhile
            }
            if (ownPasswordFile && Files.exists(passwordFile)) {
                // a password without its keystore: the keystore was lost; a new one would orphan every sealed key
                throw new InvalidInputException("the master keystore " + file + " is missing but its password file exists: "
                        + "restore the keystore from a backup (a new master key could not open the stored keys)");
            }
            if (!Files.exists(passwordFile)) {
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                OwnerOnlyFiles.write(passwordFile, Base64.getUrlEncoder().withoutPadding().encodeToString(random)
                        .getBytes(StandardCharsets.US_ASCII));
            }
            password = readPassword();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, password);
            ks.setEntry(PREFIX + 1, new KeyStore.SecretKeyEntry(newMasterKey()), new KeyStore.PasswordProtection(password));
            save(ks);
            return null;
        });
    }

    private void save(KeyStore ks) throws IOException, GeneralSecurityException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING)) {
            ks.store(out, password);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private char[] readPassword() throws IOException {
        if (!Files.exists(passwordFile)) {
            throw new InvalidInputException("the master keystore password file " + passwordFile + " is missing");
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(passwordFile);
        if (!Collections.disjoint(perms, Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE))) {
            throw new InvalidInputException(passwordFile + " is readable or writable by others: chmod 600 it");
        }
        byte[] bytes = Files.readAllBytes(passwordFile);
        try {
            return new String(bytes, StandardCharsets.UTF_8).strip().toCharArray();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static SecretKey newMasterKey() throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, RANDOM);
        return generator.generateKey();
    }

    private SecretKey key(KeyStore ks, int version) {
        SecretKey cached = keys.get(version);
        if (cached != null) {
            return cached;
        }
        try {
            SecretKey key = (SecretKey) ks.getKey(PREFIX + version, password);
            if (key != null) {
                keys.put(version, key);
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read master key version " + version, e);
        }
    }

    private static int latest(KeyStore ks) {
        try {
            return Collections.list(ks.aliases()).stream().filter(a -> a.startsWith(PREFIX))
                    .mapToInt(a -> parseVersion(a.substring(PREFIX.length()))).max().orElse(0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int parseVersion(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] aad(String version, String context) {
        return ("watchkeeper-data-key|" + PROVIDER + "|" + version + "|" + context).getBytes(StandardCharsets.UTF_8);
    }
}
