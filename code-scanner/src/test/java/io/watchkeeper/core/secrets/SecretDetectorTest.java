package io.watchkeeper.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.codescanner.FakeSecrets;
import io.watchkeeper.core.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretDetectorTest {

    private static final SecretDetector DETECTOR = new SecretDetector(SecretRules.builtIn(), 4096);
    private final FakeSecrets fake = new FakeSecrets(42);

    private static List<Candidate> detect(String path, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return DETECTOR.detect(path, b, b.length);
    }

    private static List<String> rules(String path, String text) {
        return detect(path, text).stream().map(c -> c.rule().id()).toList();
    }

    @Test
    void githubTokensNeedTheirChecksum() {
        String good = fake.github("ghp_");
        assertThat(rules("app.py", "TOKEN = '" + good + "'\n")).containsExactly("github-pat");
        assertThat(rules("app.py", "TOKEN = '" + fake.githubBadChecksum() + "'\n")).isEmpty();
        assertThat(rules("app.py", "t = \"" + fake.github("ghs_") + "\"\n")).containsExactly("github-oauth-token");
        assertThat(StructureChecks.crc32Base62("")).isEqualTo("000000");
    }

    @Test
    void npmTokensNeedTheirChecksum() {
        String good = fake.npm();
        assertThat(rules(".npmrc", "//registry.npmjs.org/:_authToken=" + good + "\n")).containsExactly("npm-access-token");
        String bad = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
        assertThat(rules(".npmrc", "//registry.npmjs.org/:_authToken=" + bad + "\n")).isEmpty();
    }

    @Test
    void anAwsKeyIdWithItsSecretNearbyRanksHigherThanAlone() {
        String id = fake.awsKeyId();
        String secret = fake.awsSecret();
        List<Candidate> pair = detect("config.ini", "[default]\naws_access_key_id = " + id + "\naws_secret_access_key = " + secret + "\n");
        assertThat(pair).extracting(c -> c.rule().id()).containsExactly("aws-access-key-id", "aws-secret-access-key");
        assertThat(pair.getFirst().severity()).isEqualTo(Severity.HIGH);
        assertThat(pair.getFirst().note()).contains("secret access key");
        List<Candidate> alone = detect("deploy.sh", "export KEY_ID=" + id + "\n");
        assertThat(alone).singleElement().satisfies(c -> assertThat(c.severity()).isEqualTo(Severity.MEDIUM));
        assertThat(rules("README.txt", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n")).isEmpty();
    }

    @Test
    void privateKeysInPemOpensshAndServiceAccountJsonAreOneFindingEach() {
        assertThat(rules("id_ec.pem", FakeSecrets.pemPrivateKey())).containsExactly("private-key");
        assertThat(rules("id_ed25519", fake.opensshPrivateKey())).containsExactly("private-key");
        assertThat(rules("deploy/sa.json", fake.gcpServiceAccount("billing-prod"))).containsExactly("gcp-service-account-key");
        // a PEM armour around something that is not a key
        assertThat(rules("x.pem", "-----BEGIN PRIVATE KEY-----\nnot base64 at all, just words in a row here\n-----END PRIVATE KEY-----\n")).isEmpty();
        String encrypted = FakeSecrets.pemPrivateKey().replace("BEGIN PRIVATE", "BEGIN ENCRYPTED PRIVATE").replace("END PRIVATE", "END ENCRYPTED PRIVATE");
        assertThat(detect("k.pem", encrypted)).singleElement().satisfies(c -> assertThat(c.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void providerFormats() {
        assertThat(rules("bot.js", "const slack = '" + fake.slackBot() + "';\n")).containsExactly("slack-token");
        assertThat(rules("hooks.yaml", "url: " + fake.slackWebhook() + "\n")).containsExactly("slack-webhook-url");
        assertThat(rules("pay.rb", "Stripe.api_key = '" + fake.stripeLive() + "'\n")).containsExactly("stripe-live-secret-key");
        assertThat(rules("sms.py", "# twilio\nclient_key = '" + fake.twilioApiKey() + "'\n")).containsExactly("twilio-api-key");
        assertThat(rules("sms.env", "TWILIO_AUTH_TOKEN=" + fake.hex(32) + "\n")).containsExactly("twilio-auth-token");
        assertThat(rules("mail.go", "key := \"" + fake.sendgrid() + "\"\n")).containsExactly("sendgrid-api-key");
        assertThat(rules(".pypirc", "password = " + fake.pypi() + "\n")).containsExactly("pypi-upload-token");
        assertThat(rules("app.config", "DefaultEndpointsProtocol=https;AccountName=billing;AccountKey=" + fake.azureKey()
                + ";EndpointSuffix=core.windows.net\n")).containsExactly("azure-storage-account-key");
        assertThat(rules("client.kt", "val auth = \"Bearer " + fake.jwt(false) + "\"\n")).containsExactly("jwt");
        assertThat(detect("client.kt", "val auth = \"" + fake.jwt(true) + "\"\n"))
                .singleElement().satisfies(c -> assertThat(c.severity()).isEqualTo(Severity.HIGH));
        assertThat(rules("client.kt", "val t = \"" + fake.jwtUnsigned() + "\"\n")).isEmpty();
        assertThat(rules("settings.py", "DATABASE_URL = 'postgres://billing:" + fake.chars("abcdefghjkmnpqrstuvwxyz23456789", 20)
                + "@db.internal:5432/billing'\n")).containsExactly("database-url-password");
        assertThat(rules("maps.js", "const key = '" + fake.googleApiKey() + "';\n")).containsExactly("google-api-key");
    }

    @Test
    void genericAssignmentsNeedEntropyAndARealValue() {
        String value = fake.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
        assertThat(rules("app.py", "API_SECRET = \"" + value + "\"\n")).containsExactly("generic-secret-assignment");
        assertThat(rules("app.yml", "client_secret: " + value + "\n")).containsExactly("generic-secret-assignment");
        assertThat(rules("web.xml", "<apiKey>" + value + "</apiKey>\n")).containsExactly("generic-secret-element");
        // hard negatives
        assertThat(rules("app.py", "API_SECRET = os.environ[\"API_SECRET\"]\n")).isEmpty();
        assertThat(rules("app.yml", "client_secret: ${CLIENT_SECRET}\n")).isEmpty();
        assertThat(rules("app.yml", "password: {{ .Values.db.password }}\n")).isEmpty();
        assertThat(rules("app.py", "password = \"changeme-changeme\"\n")).isEmpty();
        assertThat(rules("app.py", "api_key = \"<your-api-key-here>\"\n")).isEmpty();
        assertThat(rules("app.py", "session_token = \"" + fake.uuid() + "\"\n")).isEmpty();
        assertThat(rules("app.py", "token_sha256 = \"" + FakeSecrets.sha256Hex("x") + "\"\n")).isEmpty();
        assertThat(rules("app.js", "const token = req.headers.authorization;\n")).isEmpty();
        assertThat(rules("app.py", "password = \"aaaaaaaaaaaaaaaaaaaa\"\n")).isEmpty();
        assertThat(rules("app.py", "SECRET_KEY_NAME = \"DJANGO_SECRET_KEY_VALUE\"\n")).isEmpty();
        assertThat(rules("app.py", "password_hint = \"" + value + "\"\n")).isEmpty();
    }

    @Test
    void codeThatMerelyNamesSecretsIsNotASecret() {
        // shapes seen as false positives on real source code (lambdas, comparisons, typed declarations, calls)
        assertThat(rules("A.java", "Function<String, Path> f = (tokens -> resolveV2Path(root, tokens));\n")).isEmpty();
        assertThat(rules("A.java", "log(\"ReplyToken dump: header.getTokenSize2=\" + size);\n")).isEmpty();
        assertThat(rules("A.java", "PrivateKey signingKey = loadPkcs8Key(stream, alias);\n")).isEmpty();
        assertThat(rules("A.java", "if (kindToken==Lexer.Kinds.TOKEN_KIND_IDENTIFIER2)\n")).isEmpty();
        assertThat(rules("A.java", "if (kindToken != Lexer.Kinds.TOKEN_KIND_IDENTIFIER2)\n")).isEmpty();
        assertThat(rules("A.java", "sessionToken = fetchSessionToken2();\n")).isEmpty();
        assertThat(rules("a.cc", "auto token = secret::Store::lookup2x(name);\n")).isEmpty();
        // typed assignments of literals are still read
        String value = fake.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
        assertThat(rules("a.ts", "export const API_SECRET: string = \"" + value + "\";\n")).containsExactly("generic-secret-assignment");
        assertThat(rules("a.kt", "val apiToken: String = \"" + value + "\"\n")).containsExactly("generic-secret-assignment");
    }

    @Test
    void fileContextsDropLowerOrKeep() {
        String value = fake.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
        // generic matches are noise in lockfiles, localisation and documentation
        assertThat(rules("package-lock.json", "\"token\": \"" + value + "\",\n")).isEmpty();
        assertThat(rules("locales/de.json", "\"password_reset\": \"" + value + "\",\n")).isEmpty();
        assertThat(rules("docs/setup.md", "api_key = " + value + "\n")).isEmpty();
        // provider matches stay, lowered in documentation and to low in tests
        String token = fake.github("ghp_");
        assertThat(detect("docs/setup.md", "export GITHUB_TOKEN=" + token + "\n")).singleElement()
                .satisfies(c -> assertThat(c.severity()).isEqualTo(Severity.MEDIUM));
        assertThat(detect("src/test/java/ClientTest.java", "String t = \"" + token + "\";\n")).singleElement()
                .satisfies(c -> {
                    assertThat(c.severity()).isEqualTo(Severity.LOW);
                    assertThat(c.context()).isEqualTo(FileContext.TEST);
                });
        // tokens in a lockfile's resolved URL are real
        assertThat(rules("package-lock.json", "\"resolved\": \"https://npm.corp/x.tgz?token=" + fake.npm() + "\",\n"))
                .containsExactly("npm-access-token");
    }

    @Test
    void longLinesAreScannedAroundKeywordsOnly() {
        String token = fake.github("ghp_");
        String filler = "x".repeat(200_000);
        List<Candidate> found = detect("bundle.js", filler + " var t='" + token + "'; " + filler);
        assertThat(found).singleElement().satisfies(c -> assertThat(c.startLine()).isEqualTo(1));
    }

    @Test
    void utf16FilesAreRead() {
        String token = fake.github("ghp_");
        byte[] text = ("\uFEFFtoken = \"" + token + "\"\r\n").getBytes(StandardCharsets.UTF_16LE);
        assertThat(DETECTOR.detect("win.ps1", text, text.length)).extracting(c -> c.rule().id()).containsExactly("github-pat");
    }

    @Test
    void lineNumbersAreOneBased() {
        String token = fake.github("ghp_");
        List<Candidate> found = detect("a.txt", "one\ntwo\nt = " + token + "\nfour\n");
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.startLine()).isEqualTo(3);
            assertThat(c.endLine()).isEqualTo(3);
        });
        assertThat(found.getFirst().toString()).doesNotContain(token);
    }
}
