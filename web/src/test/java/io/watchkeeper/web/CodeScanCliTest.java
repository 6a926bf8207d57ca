package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.web.cli.Cli;
import io.watchkeeper.watchers.testing.Moto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import tools.jackson.databind.JsonNode;

/** {@code watchkeeper code scan}: formats, exit codes, bad input, and the join of AWS keys to watched IAM users. */
class CodeScanCliTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private static Run run(java.util.function.Supplier<ConfigurableApplicationContext> context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(context, new PrintWriter(out, true), new PrintWriter(err, true), false);
        int exit = WatchkeeperApplication.execute(cli, args); // not closed: that would close the shared context
        return new Run(exit, out.toString(), err.toString());
    }

    /** The scan needs no database: a context that cannot start proves it never asked for one. */
    private static Run offline(String... args) {
        return run(() -> {
            throw new IllegalStateException("code scan started Spring");
        }, args);
    }

    private static void commit(Git git, Map<String, String> files, String message) throws Exception {
        Path root = git.getRepository().getWorkTree().toPath();
        for (var e : files.entrySet()) {
            Files.createDirectories(root.resolve(e.getKey()).getParent());
            Files.writeString(root.resolve(e.getKey()), e.getValue());
        }
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent("Dev", "dev@example.org", Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    @Test
    void scansWithoutADatabaseAndGatesOnSeverity() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        String stripe = "sk_live_" + "Zq4Lr8Tm2Vx6Nb0Kc3Hd7Jf1";
        Files.writeString(tree.resolve("pay.py"), "import stripe\nstripe.api_key = '" + stripe + "'\n");
        Path key = dir.resolve("keys/code.key");
        Path sarif = dir.resolve("out.sarif");

        Run text = offline("code", "scan", tree.toString(), "--key-file", key.toString(), "--inventory", "off");
        assertThat(text.exit()).as(text.err()).isEqualTo(1);
        assertThat(text.out()).contains("CRITICAL", "pay.py:2", "stripe-live-secret-key", "1 finding").doesNotContain(stripe);
        assertThat(Files.getPosixFilePermissions(key)).hasToString("[OWNER_READ, OWNER_WRITE]");

        Run file = offline("code", "scan", tree.toString(), "--key-file", key.toString(), "--format", "sarif", "--out",
                sarif.toString(), "--fail-on", "none");
        assertThat(file.exit()).as(file.err()).isZero();
        assertThat(file.out()).isEmpty();
        JsonNode result = Json.parse(Files.readString(sarif)).path("runs").get(0).path("results").get(0);
        assertThat(result.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asString()).isEqualTo("pay.py");
        assertThat(Files.readString(sarif)).doesNotContain(stripe);

        // the same key file gives the same fingerprint in JSON as in SARIF
        Run json = offline("code", "scan", tree.toString(), "--key-file", key.toString(), "--format", "json");
        assertThat(Json.parse(json.out()).path("findings").get(0).path("fingerprint").asString())
                .isEqualTo(result.path("partialFingerprints").path("watchkeeperCodeFingerprint/v1").asString());

        // a live Stripe key is critical; nothing fails when the bar is above what was found
        Files.writeString(tree.resolve("pay.py"), "stripe.api_key = 'sk_test_" + "Zq4Lr8Tm2Vx6Nb0Kc3Hd7Jf1'\n");
        assertThat(offline("code", "scan", tree.toString(), "--key-file", key.toString(), "--fail-on", "medium").exit()).isZero();
        assertThat(offline("code", "scan", tree.toString(), "--key-file", key.toString(), "--fail-on", "low").exit()).isEqualTo(1);
    }

    @Test
    void badInputExitsTwoWithOneErrorLine() throws Exception {
        Path key = dir.resolve("code.key");
        Path repo = Files.createDirectories(dir.resolve("repo"));
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commit(git, Map.of("a.txt", "hello\n"), "one");
        }
        String k = key.toString();
        for (String[] args : new String[][] {
                {"code", "scan", dir.resolve("missing").toString(), "--key-file", k},
                {"code", "scan", repo.toString(), "--diff", "main..main", "--key-file", k},
                {"code", "scan", repo.toString(), "--diff", "main...nope", "--key-file", k},
                {"code", "scan", repo.toString(), "--diff", "main...main", "--history", "--key-file", k},
                {"code", "scan", repo.toString(), "--fail-on", "severe", "--key-file", k},
                {"code", "scan", repo.toString(), "--max-file-size", "lots", "--key-file", k},
                {"code", "scan", dir.toString(), "--history", "--key-file", k},
                {"code", "scan", repo.toString(), "--verify", "carrier-pigeon", "--key-file", k}}) {
            Run r = offline(args);
            assertThat(r.exit()).as(String.join(" ", args) + " -> " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(String.join(" ", args)).hasSize(1).allMatch(l -> l.startsWith("error: "));
        }
        Run format = offline("code", "scan", repo.toString(), "--format", "xml", "--key-file", k);
        assertThat(format.exit()).isEqualTo(2);
        Run ok = offline("code", "scan", repo.toString(), "--diff", "main...main", "--key-file", k);
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("0 findings (diff");
    }

    @Test
    void anAwsKeyAddedByAPullRequestThatBelongsToAWatchedUserIsCriticalAndLinked() throws Exception {
        Moto moto = Moto.get();
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        TestDatabase db = TestDatabase.fresh();
        ConfigurableApplicationContext context = WatchkeeperApplication.startForCliInTests(new String[] {
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=postgres", "--watchkeeper.aws.max-attempts=2"});
        try {
            IamClient iam = moto.client(IamClient.builder());
            iam.createUser(r -> r.userName("deployer"));
            String admin = iam.createPolicy(r -> r.policyName("deploy-everything").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))
                    .policy().arn();
            iam.attachUserPolicy(r -> r.userName("deployer").policyArn(admin));
            AccessKey key = iam.createAccessKey(r -> r.userName("deployer")).accessKey();
            Run add = run(() -> context, "accounts", "add", "aws", "--name", "prod", "--account-id", Moto.ACCOUNT_ID,
                    "--regions", "us-east-1");
            assertThat(add.exit()).as(add.err()).isZero();
            Run watch = run(() -> context, "watch", "--account", "prod", "--type", "aws.iam.user");
            assertThat(watch.exit()).as(watch.err() + watch.out()).isZero();
            long itemId = db.dsl().fetchOne("select id from item where resource_type = 'aws.iam.user' and name = 'deployer'").get(0, Long.class);

            Path repo = Files.createDirectories(dir.resolve("app"));
            try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
                commit(git, Map.of("README.md", "# app\n"), "base");
                git.checkout().setName("feature").setCreateBranch(true).call();
                commit(git, Map.of("deploy/credentials", "[default]\naws_access_key_id = " + key.accessKeyId()
                        + "\naws_secret_access_key = " + key.secretAccessKey() + "\n"), "add deploy credentials");
            }

            Run scan = run(() -> context, "code", "scan", repo.toString(), "--diff", "main...feature", "--inventory", "on",
                    "--format", "json", "--key-file", dir.resolve("k").toString());
            assertThat(scan.exit()).as(scan.err()).isEqualTo(1);
            assertThat(scan.out()).doesNotContain(key.secretAccessKey());
            JsonNode keyId = Json.parse(scan.out()).path("findings").valueStream()
                    .filter(f -> f.path("rule").asString().equals("aws-access-key-id")).findFirst().orElseThrow();
            assertThat(keyId.path("severity").asString()).isEqualTo("critical");
            assertThat(keyId.path("path").asString()).isEqualTo("deploy/credentials");
            assertThat(keyId.path("startLine").asInt()).isEqualTo(2);
            JsonNode inventory = keyId.path("inventory");
            assertThat(inventory.path("item").asLong()).isEqualTo(itemId);
            assertThat(inventory.path("userName").asString()).isEqualTo("deployer");
            assertThat(inventory.path("account").asString()).isEqualTo("prod");
            assertThat(inventory.path("accountId").asString()).isEqualTo(Moto.ACCOUNT_ID);
            assertThat(inventory.path("active").asBoolean()).isTrue();
            assertThat(inventory.path("attachedPolicyArns").get(0).asString()).isEqualTo(admin);

            // deactivated and watched again: still linked, no longer critical
            iam.updateAccessKey(r -> r.userName("deployer").accessKeyId(key.accessKeyId()).status("Inactive"));
            assertThat(run(() -> context, "watch", "--account", "prod", "--type", "aws.iam.user").exit()).isZero();
            Run again = run(() -> context, "code", "scan", repo.toString(), "--diff", "main...feature", "--inventory", "on",
                    "--key-file", dir.resolve("k").toString());
            assertThat(again.out()).contains("inactive key of IAM user deployer").doesNotContain("CRITICAL");
        } finally {
            context.close();
        }
    }

    @Test
    void aPullRequestThatMakesAWatchedBucketPublicSaysWhatChangesComparedToTheLiveState() throws Exception {
        Moto moto = Moto.get();
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        TestDatabase db = TestDatabase.fresh();
        ConfigurableApplicationContext context = WatchkeeperApplication.startForCliInTests(new String[] {
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=postgres", "--watchkeeper.aws.max-attempts=2"});
        try {
            software.amazon.awssdk.services.s3.S3Client s3 = moto.client(software.amazon.awssdk.services.s3.S3Client.builder());
            s3.createBucket(r -> r.bucket("billing-exports"));
            assertThat(run(() -> context, "accounts", "add", "aws", "--name", "prod", "--account-id", Moto.ACCOUNT_ID,
                    "--regions", "us-east-1").exit()).isZero();
            Run watch = run(() -> context, "watch", "--account", "prod", "--type", "aws.s3.bucket");
            assertThat(watch.exit()).as(watch.err() + watch.out()).isZero();
            long itemId = db.dsl().fetchOne("select id from item where resource_type = 'aws.s3.bucket' and name = 'billing-exports'")
                    .get(0, Long.class);

            Path repo = Files.createDirectories(dir.resolve("infra"));
            try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
                commit(git, Map.of("s3/main.tf", "resource \"aws_s3_bucket\" \"exports\" {\n  bucket = \"billing-exports\"\n}\n"), "base");
                git.checkout().setName("feature").setCreateBranch(true).call();
                commit(git, Map.of("s3/policy.tf", """
                        resource "aws_s3_bucket_public_access_block" "exports" {
                          bucket = aws_s3_bucket.exports.id
                        }
                        resource "aws_s3_bucket_policy" "exports" {
                          bucket = aws_s3_bucket.exports.id
                          policy = jsonencode({
                            Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject",
                                           Resource = "arn:aws:s3:::billing-exports/*" }]
                          })
                        }
                        """), "share the exports");
            }

            Run scan = run(() -> context, "code", "scan", repo.toString(), "--diff", "main...feature", "--inventory", "on",
                    "--format", "json", "--key-file", dir.resolve("k").toString());
            assertThat(scan.exit()).as(scan.err()).isEqualTo(1);
            JsonNode findings = Json.parse(scan.out()).path("findings");
            JsonNode pub = findings.valueStream().filter(f -> f.path("rule").asString().equals("aws.s3.bucket/public-policy"))
                    .findFirst().orElseThrow();
            assertThat(pub.path("severity").asString()).isEqualTo("critical");
            assertThat(pub.path("path").asString()).isEqualTo("s3/policy.tf");
            assertThat(pub.path("startLine").asInt()).isEqualTo(4);
            JsonNode live = pub.path("iac").path("live");
            assertThat(live.path("item").asLong()).isEqualTo(itemId);
            assertThat(live.path("account").asString()).isEqualTo("prod");
            assertThat(live.path("today").asBoolean()).isFalse();
            assertThat(pub.path("message").asString()).contains("today no; after this change: yes");
            // what the base already declared (the bucket without versioning) is not the pull request's doing
            assertThat(findings.valueStream().map(f -> f.path("rule").asString()).toList()).doesNotContain("aws.s3.bucket/versioning-off");

            Run text = run(() -> context, "code", "scan", repo.toString(), "--diff", "main...feature", "--inventory", "on",
                    "--key-file", dir.resolve("k").toString());
            assertThat(text.out()).contains("CRITICAL", "s3/policy.tf:4", "aws.s3.bucket/public-policy", "live: item " + itemId);
        } finally {
            context.close();
        }
    }
}
