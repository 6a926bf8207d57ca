package io.watchkeeper.codescanner.corpus;

import io.watchkeeper.codescanner.FakeSecrets;
import java.util.ArrayList;
import java.util.List;

/** Makes the corpus's planted secrets (format-valid fakes) and hard negatives, written in a file format. */
final class Plants {

    /** Families planted inside ordinary text files. */
    static final List<String> INLINE_FAMILIES = List.of("github", "aws", "gcp", "slack", "stripe", "twilio", "sendgrid",
            "npm", "pypi", "azure", "jwt", "database-url", "generic");

    static final int NEGATIVE_KINDS = 17;

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final List<String> GENERIC_NAMES = List.of("api_secret", "client_secret", "db_password", "webhook_secret",
            "api_key", "access_token", "auth_token", "encryption_secret", "service_password", "refresh_token");
    private static final List<String> DB_SCHEMES = List.of("postgres", "postgresql", "mysql", "mongodb+srv", "redis", "amqps");

    private final FakeSecrets fake;
    private int counter;

    Plants(FakeSecrets fake) {
        this.fake = fake;
    }

    private String value() {
        return fake.chars(ALNUM, 24 + fake.nextInt(17));
    }

    /** A true secret of {@code family} written in format {@code f}. */
    Planted positive(String family, CorpusFiles f) {
        counter++;
        return switch (family) {
            case "github" -> {
                String t = counter % 5 == 0 ? fake.githubFineGrained()
                        : fake.github(List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_").get(counter % 5));
                yield Planted.positive("github", t, f.assign("github_token", t));
            }
            case "aws" -> {
                String id = fake.awsKeyId();
                String secret = fake.awsSecret();
                yield new Planted(List.of(f.assign("aws_access_key_id", id), f.assign("aws_secret_access_key", secret)),
                        List.of(new Planted.Label("aws", id), new Planted.Label("aws", secret)), "aws");
            }
            case "gcp" -> {
                String k = fake.googleApiKey();
                yield Planted.positive("gcp", k, f.assign("google_maps_api_key", k));
            }
            case "slack" -> {
                if (counter % 3 == 0) {
                    String url = fake.slackWebhook();
                    yield Planted.positive("slack", url.substring("https://hooks.slack.com/services/".length()),
                            f.assign("alerts_webhook_url", url));
                }
                String t = fake.slackBot();
                yield Planted.positive("slack", t, f.assign("slack_bot_token", t));
            }
            case "stripe" -> {
                String k = fake.stripeLive();
                yield Planted.positive("stripe", k, f.assign("stripe_secret_key", k));
            }
            case "twilio" -> {
                if (counter % 2 == 0) {
                    String t = fake.hex(32);
                    yield Planted.positive("twilio", t, f.assign("twilio_auth_token", t));
                }
                String k = fake.twilioApiKey();
                yield Planted.positive("twilio", k, f.assign("twilio_api_key", k));
            }
            case "sendgrid" -> {
                String k = fake.sendgrid();
                yield Planted.positive("sendgrid", k, f.assign("sendgrid_api_key", k));
            }
            case "npm" -> {
                String t = fake.npm();
                yield Planted.positive("npm", t, f.assign("npm_token", t));
            }
            case "pypi" -> {
                String t = fake.pypi();
                yield Planted.positive("pypi", t, f.assign("pypi_upload_token", t));
            }
            case "azure" -> {
                String key = fake.azureKey();
                yield Planted.positive("azure", key, f.assign("azure_storage_connection_string",
                        "DefaultEndpointsProtocol=https;AccountName=billing" + fake.digits(3) + ";AccountKey=" + key
                                + ";EndpointSuffix=core.windows.net"));
            }
            case "jwt" -> {
                String t = fake.jwt(counter % 4 == 0);
                yield Planted.positive("jwt", t, f.assign("upstream_auth_header", "Bearer " + t));
            }
            case "database-url" -> {
                String pass = fake.chars(ALNUM, 16 + fake.nextInt(12));
                String scheme = DB_SCHEMES.get(counter % DB_SCHEMES.size());
                yield Planted.positive("database-url", pass, f.assign("database_url",
                        scheme + "://svc_" + fake.chars("abcdefghijklmnopqrstuvwxyz", 6) + ":" + pass + "@db-" + fake.digits(2)
                                + ".internal.example:5432/app"));
            }
            case "generic" -> {
                String v = value();
                yield Planted.positive("generic", v, f.assign(GENERIC_NAMES.get(counter % GENERIC_NAMES.size()), v));
            }
            default -> throw new IllegalArgumentException(family);
        };
    }

    /** Hard negative number {@code kind} (0..NEGATIVE_KINDS-1) written in format {@code f}. */
    Planted negative(int kind, CorpusFiles f) {
        return switch (kind) {
            case 0 -> Planted.negative("github-bad-checksum", f.assign("github_token", fake.githubBadChecksum()));
            case 1 -> {
                String t = fake.npm();
                yield Planted.negative("npm-bad-checksum", f.assign("npm_token", t.substring(0, 34) + (t.charAt(34) == 'a' ? 'b' : 'a') + t.charAt(35) + t.substring(36)));
            }
            case 2 -> Planted.negative("aws-documentation-example", f.assign("aws_access_key_id", "AKIAIOSFODNN7EXAMPLE"),
                    f.assign("aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
            case 3 -> Planted.negative("environment-reference", f.assign("api_secret", "${API_SECRET}"),
                    f.assign("db_password", "{{ .Values.database.password }}"));
            case 4 -> Planted.negative("placeholder", f.assign("api_key", "your-api-key-goes-here"),
                    f.assign("db_password", "changeme-before-deploying"), f.assign("client_secret", "xxxxxxxxxxxxxxxxxxxxxxxx"));
            case 5 -> Planted.negative("uuid", f.assign("session_token", fake.uuid()));
            case 6 -> Planted.negative("checksum", f.assign("token_sha256", FakeSecrets.sha256Hex(value())),
                    f.assign("artifact_integrity", "sha512-" + fake.chars(ALNUM + "+/", 86) + "=="));
            case 7 -> Planted.negative("identifier", f.assign("client_secret", "settings.OAUTH_CLIENT_SECRET"),
                    f.assign("signing_secret", "SIGNING_SECRET_FROM_VAULT"));
            case 8 -> Planted.negative("unsigned-jwt", f.assign("test_header", fake.jwtUnsigned()));
            case 9 -> Planted.negative("default-database-password", f.assign("database_url", "postgres://postgres:postgres@localhost:5432/test"),
                    f.assign("replica_url", "mysql://app:${DB_PASSWORD}@replica.internal/app"));
            case 10 -> Planted.negative("stripe-publishable", f.assign("stripe_publishable_key", "pk_live_" + fake.chars(ALNUM, 24)));
            case 11 -> Planted.negative("twilio-account-sid", f.assign("twilio_account_sid", "AC" + fake.hex(32)));
            case 12 -> Planted.negative("low-entropy", f.assign("db_password", "aaaaaaaaaaaaaaaaaaaa"),
                    f.assign("api_token", "1234567890123456"));
            case 13 -> Planted.negative("commit-and-digest", f.assign("git_commit", fake.hex(40)),
                    f.assign("image_digest", "sha256:" + fake.hex(64)));
            case 14 -> Planted.negative("truncated-slack", f.assign("slack_bot_token", "xoxb-1234-5678"));
            case 15 -> Planted.negative("secret-names-that-are-not-secrets", f.assign("password_min_length", "12345678901234"),
                    f.assign("token_endpoint", "https://auth.example.org/oauth2/v1/token"), f.assign("secret_name", "prod/billing/db-credentials"));
            case 16 -> Planted.negative("github-doc-placeholder", f.assign("github_token", "ghp_" + "x".repeat(36)));
            default -> throw new IllegalArgumentException("negative " + kind);
        };
    }

    /** A PEM private key file body, or an OpenSSH one. */
    Planted privateKeyFile(boolean openssh) {
        String pem = openssh ? fake.opensshPrivateKey() : FakeSecrets.pemPrivateKey();
        String body = pem.substring(pem.indexOf("-----\n") + 5, pem.indexOf("-----END"));
        return Planted.positive("private-key", body, pem.strip().split("\n"));
    }

    /** A private key inside YAML (a block scalar), as Kubernetes and Ansible files hold them. */
    Planted privateKeyInYaml() {
        String pem = FakeSecrets.pemPrivateKey();
        String body = pem.substring(pem.indexOf("-----\n") + 5, pem.indexOf("-----END"));
        List<String> lines = new ArrayList<>();
        lines.add("tls_key: |");
        for (String l : pem.strip().split("\n")) {
            lines.add("  " + l);
        }
        return new Planted(lines, List.of(new Planted.Label("private-key", body)), "private-key");
    }

    /** A public key and a certificate: PEM, but nothing secret. */
    Planted publicPem() {
        String der = fake.chars(ALNUM + "+/", 64);
        return Planted.negative("public-pem", "-----BEGIN PUBLIC KEY-----", der, der, "-----END PUBLIC KEY-----",
                "-----BEGIN CERTIFICATE-----", der, der, der, "-----END CERTIFICATE-----");
    }

    /** A Google service-account key file; the rule captures its private_key_id. */
    Planted serviceAccount(String project) {
        String json = fake.gcpServiceAccount(project);
        String id = json.substring(json.indexOf("\"private_key_id\": \"") + 19);
        id = id.substring(0, 40);
        return Planted.positive("gcp", id, json.strip().split("\n"));
    }

    FakeSecrets fake() {
        return fake;
    }
}
