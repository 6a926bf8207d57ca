package io.watchkeeper.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AppKeyTest {

    @Test
    void readsPkcs8AndPkcs1PemAndSignsAJwtTheKeyVerifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String body = Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded());
        PrivateKey pkcs8 = AppKey.parse(("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(pkcs8.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());

        // PKCS#1 is what GitHub hands out: the same key wrapped back must be read identically
        byte[] pkcs1 = stripPkcs8(pair.getPrivate().getEncoded());
        assertThat(AppKey.wrapPkcs1(pkcs1)).isEqualTo(pair.getPrivate().getEncoded());
        PrivateKey fromPkcs1 = AppKey.parse(("-----BEGIN RSA PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(fromPkcs1.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());

        String jwt = new AppJwt(42, fromPkcs1, Clock.systemUTC()).create();
        String[] parts = jwt.split("\\.");
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(pair.getPublic());
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verify.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).contains("\"iss\":42");
    }

    @Test
    void refusesAnythingElseWithoutRepeatingTheFile() {
        assertThatThrownBy(() -> AppKey.parse("ghp_notakey".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("ghp_notakey");
        assertThatThrownBy(() -> AppKey.parse("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"
                .getBytes(StandardCharsets.US_ASCII))).isInstanceOf(InvalidInputException.class);
    }

    /** The PKCS#1 key inside a PKCS#8 encoding (short-form tests: the 2048-bit key's lengths are long-form). */
    private static byte[] stripPkcs8(byte[] der) {
        int at = 1;
        at += lengthBytes(der, at);                    // outer SEQUENCE header
        at += 3;                                       // INTEGER 0
        at += 2 + (der[at + 1] & 0xff);                // AlgorithmIdentifier
        at++;                                          // OCTET STRING tag
        int lengthOfLength = (der[at] & 0x80) == 0 ? 0 : der[at] & 0x7f;
        int length = 0;
        if (lengthOfLength == 0) {
            length = der[at] & 0xff;
        } else {
            for (int i = 1; i <= lengthOfLength; i++) {
                length = (length << 8) | (der[at + i] & 0xff);
            }
        }
        at += 1 + lengthOfLength;
        return java.util.Arrays.copyOfRange(der, at, at + length);
    }

    private static int lengthBytes(byte[] der, int at) {
        return (der[at] & 0x80) == 0 ? 1 : 1 + (der[at] & 0x7f);
    }
}
