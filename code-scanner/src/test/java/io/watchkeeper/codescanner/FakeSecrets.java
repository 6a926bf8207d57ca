package io.watchkeeper.codescanner;

import io.watchkeeper.core.secrets.StructureChecks;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.spec.ECGenParameterSpec;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.spec.SecretKeySpec;

/**
 * Format-valid FAKE secrets, made at test time from a seeded random source: right prefixes,
 * lengths, alphabets and checksums, never issued by any provider. Nothing here is a real secret.
 */
public final class FakeSecrets {

    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final String B64 = ALNUM + "+/";
    static final String B64URL = ALNUM + "-_";
    static final String HEX = "0123456789abcdef";

    private final Random random;

    public FakeSecrets(long seed) {
        this.random = new Random(seed);
    }

    public String chars(String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A checksummed GitHub token ({@code ghp_}, {@code gho_}, …). */
    public String github(String prefix) {
        String r = chars(ALNUM, 30);
        return prefix + r + StructureChecks.crc32Base62(r);
    }

    /** The same shape with a wrong checksum: not a token. */
    public String githubBadChecksum() {
        String t = github("ghp_");
        char last = t.charAt(t.length() - 1);
        return t.substring(0, t.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    public String githubFineGrained() {
        return "github_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59);
    }

    public String npm() {
        String r = chars(ALNUM, 30);
        return "npm_" + r + StructureChecks.crc32Base62(r);
    }

    public String awsKeyId() {
        return "AKIA" + chars(BASE32, 16);
    }

    public String awsSecret() {
        return chars(B64, 40);
    }

    public String slackBot() {
        return "xoxb-" + digits(11) + "-" + digits(12) + "-" + chars(ALNUM, 24);
    }

    public String slackWebhook() {
        return "https://hooks.slack.com/services/T" + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 9) + "/B"
                + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 9) + "/" + chars(ALNUM, 24);
    }

    public String stripeLive() {
        return "sk_live_" + chars(ALNUM, 32);
    }

    public String twilioApiKey() {
        return "SK" + chars(HEX, 32);
    }

    public String hex(int n) {
        return chars(HEX, n);
    }

    public String sendgrid() {
        return "SG." + chars(B64URL, 22) + "." + chars(B64URL, 43);
    }

    public String pypi() {
        return "pypi-AgEIcHlwaS5vcmc" + chars(B64URL, 70);
    }

    public String azureKey() {
        byte[] key = new byte[64];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String googleApiKey() {
        return "AIza" + chars(B64URL, 35);
    }

    public String digits(int n) {
        return chars("0123456789", n);
    }

    /** An HS256-shaped JWT (random signature bytes), optionally with a secret claim. */
    public String jwt(boolean secretClaim) {
        String header = b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = b64url("{\"sub\":\"" + digits(8) + "\",\"iat\":" + (1700000000 + random.nextInt(10000000))
                + (secretClaim ? ",\"client_secret\":\"" + chars(ALNUM, 24) + "\"" : "") + "}");
        byte[] sig = new byte[32];
        random.nextBytes(sig);
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    /** An unsigned JWT ({@code alg: none}): not a credential. */
    public String jwtUnsigned() {
        return b64url("{\"alg\":\"none\"}") + "." + b64url("{\"sub\":\"" + digits(8) + "\"}") + "." + chars(B64URL, 20);
    }

    static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A PKCS#8 EC private key in PEM (a real key pair made now and thrown away). */
    public static String pemPrivateKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] der = g.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unencrypted OpenSSH private key container with random key material. */
    public String opensshPrivateKey() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
        sshString(b, "none".getBytes(StandardCharsets.US_ASCII));
        sshString(b, "none".getBytes(StandardCharsets.US_ASCII));
        sshString(b, new byte[0]);
        b.writeBytes(new byte[] {0, 0, 0, 1});
        byte[] pub = new byte[51];
        random.nextBytes(pub);
        sshString(b, pub);
        byte[] priv = new byte[160];
        random.nextBytes(priv);
        sshString(b, priv);
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(b.toByteArray()) + "\n-----END OPENSSH PRIVATE KEY-----\n";
    }

    private static void sshString(ByteArrayOutputStream b, byte[] s) {
        b.writeBytes(new byte[] {(byte) (s.length >>> 24), (byte) (s.length >>> 16), (byte) (s.length >>> 8), (byte) s.length});
        b.writeBytes(s);
    }

    /** A Google service-account key file (JSON) around a fresh private key. */
    public String gcpServiceAccount(String project) {
        String pem = pemPrivateKey().replace("\n", "\\n");
        return "{\n  \"type\": \"service_account\",\n  \"project_id\": \"" + project + "\",\n  \"private_key_id\": \"" + hex(40)
                + "\",\n  \"private_key\": \"" + pem + "\",\n  \"client_email\": \"deployer@" + project
                + ".iam.gserviceaccount.com\",\n  \"client_id\": \"" + digits(21) + "\",\n  \"token_uri\": \"https://oauth2.googleapis.com/token\"\n}\n";
    }

    /** A PKCS#12 key store holding one AES key (a container with key material). */
    public byte[] pkcs12() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            byte[] k = new byte[32];
            random.nextBytes(k);
            char[] pw = chars(ALNUM, 12).toCharArray();
            ks.setEntry("k", new KeyStore.SecretKeyEntry(new SecretKeySpec(k, "AES")), new KeyStore.PasswordProtection(pw));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, pw);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20) + "-" + h.substring(20);
    }

    public static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
