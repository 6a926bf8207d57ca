package io.watchkeeper.certmanager.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.SealedKey;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envelope encryption: round trips, tampering, associated data, master key files and rotation. */
class KeySealerTest {

    @TempDir
    Path dir;

    private KeystoreKeyWrapper wrapper() {
        return new KeystoreKeyWrapper(dir.resolve("master-keys.p12"), null);
    }

    @Test
    void sealedKeysOpenForTheirOwnerOnly() {
        KeySealer sealer = new KeySealer(wrapper());
        for (KeyType type : new KeyType[] {KeyType.EC_P256, KeyType.RSA_2048}) {
            KeyPair pair = Keys.generate(type);
            SealedKey sealed = sealer.seal(pair.getPrivate(), KeyOwner.certificate(7));
            assertThat(sealed.algorithm()).isEqualTo("AES-256-GCM");
            assertThat(sealed.provider()).isEqualTo("keystore");
            assertThat(sealed.masterKeyVersion()).isEqualTo("1");
            assertThat(new String(sealed.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(new String(pair.getPrivate().getEncoded(), java.nio.charset.StandardCharsets.ISO_8859_1));
            PrivateKey opened = sealer.open(sealed, KeyOwner.certificate(7));
            assertThat(opened.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
            assertThat(Keys.matches(opened, pair.getPublic())).isTrue();
            // the same sealed key moved to another owner's row does not open
            assertThatThrownBy(() -> sealer.open(sealed, KeyOwner.certificate(8))).isInstanceOf(WatchkeeperException.class);
            assertThatThrownBy(() -> sealer.open(sealed, KeyOwner.authority(7))).isInstanceOf(WatchkeeperException.class);
        }
    }

    @Test
    void tamperedCiphertextOrWrappedKeyFails() {
        KeySealer sealer = new KeySealer(wrapper());
        SealedKey sealed = sealer.seal(Keys.generate(KeyType.EC_P256).getPrivate(), KeyOwner.certificate(1));
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[ciphertext.length / 2] ^= 1;
        SealedKey badCiphertext = new SealedKey(sealed.algorithm(), ciphertext, sealed.wrappedKey(), "keystore", "1");
        assertThatThrownBy(() -> sealer.open(badCiphertext, KeyOwner.certificate(1)))
                .isInstanceOf(WatchkeeperException.class).hasMessageContaining("does not decrypt");
        byte[] wrapped = sealed.wrappedKey();
        wrapped[wrapped.length - 1] ^= 1;
        SealedKey badWrap = new SealedKey(sealed.algorithm(), sealed.ciphertext(), wrapped, "keystore", "1");
        assertThatThrownBy(() -> sealer.open(badWrap, KeyOwner.certificate(1)))
                .isInstanceOf(WatchkeeperException.class).hasMessageContaining("does not unwrap");
        SealedKey wrongVersion = new SealedKey(sealed.algorithm(), sealed.ciphertext(), sealed.wrappedKey(), "keystore", "9");
        assertThatThrownBy(() -> sealer.open(wrongVersion, KeyOwner.certificate(1))).isInstanceOf(WatchkeeperException.class);
        SealedKey otherProvider = new SealedKey(sealed.algorithm(), sealed.ciphertext(), sealed.wrappedKey(), "aws-kms", "1");
        assertThatThrownBy(() -> sealer.open(otherProvider, KeyOwner.certificate(1)))
                .hasMessageContaining("provider 'aws-kms' is not configured");
    }

    @Test
    void theKeystoreIsCreatedOnFirstUseWithAnOwnerOnlyPassword() throws Exception {
        KeystoreKeyWrapper wrapper = wrapper();
        assertThat(dir.resolve("master-keys.p12")).doesNotExist();
        SealedKey sealed = new KeySealer(wrapper).seal(Keys.generate(KeyType.EC_P256).getPrivate(), KeyOwner.certificate(1));
        Path password = dir.resolve("master-keys.p12.password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master-keys.p12"))))
                .isEqualTo("rw-------");
        // another process (a new wrapper on the same files) opens it
        assertThat(new KeySealer(wrapper()).open(sealed, KeyOwner.certificate(1))).isNotNull();
        // a lost keystore is not silently replaced by a new one (it would orphan every sealed key)
        Path keystore = dir.resolve("master-keys.p12");
        Files.move(keystore, dir.resolve("backup.p12"));
        assertThatThrownBy(() -> new KeySealer(wrapper()).open(sealed, KeyOwner.certificate(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("restore the keystore");
        Files.move(dir.resolve("backup.p12"), keystore);
        // a password file others can read is refused
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> new KeySealer(wrapper()).open(sealed, KeyOwner.certificate(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("chmod 600");
    }

    @Test
    void rotationKeepsOldVersionsReadableAndRewrapsWithoutTouchingTheCiphertext() {
        KeystoreKeyWrapper wrapper = wrapper();
        KeySealer sealer = new KeySealer(wrapper);
        KeyPair pair = Keys.generate(KeyType.RSA_2048);
        SealedKey v1 = sealer.seal(pair.getPrivate(), KeyOwner.certificate(3));
        assertThat(wrapper.rotate()).isEqualTo("2");
        assertThat(wrapper.currentVersion()).isEqualTo("2");
        // not yet rewrapped: still readable with version 1
        assertThat(sealer.open(v1, KeyOwner.certificate(3)).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        SealedKey v2 = sealer.rewrap(v1, KeyOwner.certificate(3));
        assertThat(v2.masterKeyVersion()).isEqualTo("2");
        assertThat(v2.ciphertext()).isEqualTo(v1.ciphertext());
        assertThat(v2.wrappedKey()).isNotEqualTo(v1.wrappedKey());
        assertThat(sealer.open(v2, KeyOwner.certificate(3)).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        // a process that opened the keystore before the rotation still reads version 2 keys
        KeystoreKeyWrapper stale = new KeystoreKeyWrapper(dir.resolve("master-keys.p12"), null);
        stale.currentVersion();
        wrapper.rotate();
        SealedKey v3 = sealer.rewrap(v2, KeyOwner.certificate(3));
        assertThat(new KeySealer(stale).open(v3, KeyOwner.certificate(3)).getEncoded())
                .isEqualTo(pair.getPrivate().getEncoded());
    }
}
