package io.watchkeeper.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Provider secrets in configuration values: found, masked and hashed; placeholders and look-alikes stay clean. */
class ConfigSecretsTest {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final Random random = new Random(14);

    private String chars(String alphabet, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private String github() {
        String r = chars(ALNUM, 30);
        return "ghp_" + r + StructureChecks.crc32Base62(r);
    }

    @Test
    void findsProviderKeysInEnvironmentValuesAndNamesTheVariable() {
        String keyId = "AKIA" + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        String secret = chars(ALNUM + "+/", 40);
        String token = github();
        String slack = "xoxb-" + chars("0123456789", 11) + "-" + chars("0123456789", 12) + "-" + chars(ALNUM, 24);
        String stripe = "sk_live_" + chars(ALNUM, 32);
        String dbPassword = chars(ALNUM, 18);
        Map<String, String> env = new TreeMap<>(Map.of("AWS_ACCESS_KEY_ID", keyId, "AWS_SECRET_ACCESS_KEY", secret,
                "GH_TOKEN", token, "SLACK", slack, "STRIPE_KEY", stripe,
                "DATABASE_URL", "postgres://app:" + dbPassword + "@db.internal:5432/app", "LOG_LEVEL", "debug"));

        List<FoundSecret> found = ConfigSecrets.scanEnvironment(env);

        assertThat(found).extracting(FoundSecret::location).contains("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                "GH_TOKEN", "SLACK", "STRIPE_KEY", "DATABASE_URL").doesNotContain("LOG_LEVEL");
        assertThat(found).extracting(FoundSecret::ruleId).contains("aws-access-key-id", "aws-secret-access-key",
                "github-pat", "slack-token", "stripe-live-secret-key", "database-url-password");
        for (FoundSecret f : found) {
            assertThat(f.toString()).doesNotContain(keyId.substring(6), secret.substring(4, 30), token.substring(6),
                    slack.substring(10), stripe.substring(10), dbPassword.substring(4));
            assertThat(f.hash()).matches("[0-9a-f]{64}");
            assertThat(f.masked()).contains("…").contains("chars)");
        }
    }

    @Test
    void theHashFollowsTheSecretSoAChangeShowsWithoutStoringIt() {
        String a = github();
        String b = github();
        String first = ConfigSecrets.scanEnvironment(Map.of("T", a)).getFirst().hash();
        assertThat(ConfigSecrets.scanEnvironment(Map.of("T", a)).getFirst().hash()).isEqualTo(first);
        assertThat(ConfigSecrets.scanEnvironment(Map.of("T", b)).getFirst().hash()).isNotEqualTo(first);
    }

    @Test
    void findsAPrivateKeyInUserDataByLine() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(g.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        String userData = "#!/bin/bash\nyum install -y nginx\ncat > /etc/key.pem <<EOF\n" + pem + "EOF\n";
        List<FoundSecret> found = ConfigSecrets.scanUserData(userData);
        assertThat(found).extracting(FoundSecret::ruleId).containsExactly("private-key");
        assertThat(found.getFirst().location()).isEqualTo("userData:4");
    }

    @Test
    void placeholdersTemplatesExamplesAndLookAlikesStayClean() {
        String bad = github();
        String wrongChecksum = bad.substring(0, bad.length() - 1) + (bad.endsWith("A") ? "B" : "A");
        Map<String, String> env = new TreeMap<>();
        env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "${AWS_SECRET_ACCESS_KEY}");
        env.put("DATABASE_URL", "postgres://app:${DB_PASSWORD}@db.internal:5432/app");
        env.put("OTHER_DB", "mysql://root:password@localhost/app");
        env.put("GH_TOKEN", wrongChecksum);
        env.put("STRIPE_KEY", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        env.put("DB_PASSWORD", chars(ALNUM, 20)); // a random password with no provider shape: the generic rules are off
        env.put("SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:111111111111:secret:app-db-AbCdEf");
        assertThat(ConfigSecrets.scanEnvironment(env)).isEmpty();
        assertThat(ConfigSecrets.scanUserData("#!/bin/bash\nexport TOKEN=$(aws secretsmanager get-secret-value"
                + " --secret-id app --query SecretString --output text)\n")).isEmpty();
        assertThat(ConfigSecrets.scanEnvironment(Map.of())).isEmpty();
        assertThat(ConfigSecrets.scanUserData(null)).isEmpty();
    }
}
