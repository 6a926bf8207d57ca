package io.watchkeeper.web.code;

import static io.watchkeeper.db.jooq.Tables.CODE_PR_FINDING;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.GitHubTestPullRequests;
import io.watchkeeper.watchers.testing.GitHubTestServer;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.service.GitHubAccounts;
import io.watchkeeper.web.testing.InProcessCli;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import tools.jackson.databind.JsonNode;

/**
 * What a pull request gets beyond the first review, on the loopback GitHub: a comment whose finding a
 * later push removed is marked fixed (once), a deterministic IaC fix comes as a suggestion block on the
 * insecure line, {@code /watchkeeper ignore} judges the check run again, and an AWS key of a watched IAM
 * user (moto) is critical and links the user's item.
 */
class PullRequestDeliveryTest {

    @TempDir
    static Path dir;

    private static GitHubTestServer github;
    private static GitHubTestPullRequests prs;
    private static PullRequestFixture repo;
    private static WebApp app;
    private static Moto moto;
    private static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        moto = Moto.get();
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        github = GitHubTestServer.start();
        prs = GitHubTestPullRequests.install(github);
        repo = new PullRequestFixture(dir.resolve("git"));
        app = WebApp.start("--watchkeeper.code.review.clone-url=" + repo.cloneUrl(),
                "--watchkeeper.code.review.poll=300ms",
                "--watchkeeper.notifications.console-url=https://watchkeeper.example.test/",
                "--watchkeeper.code.review.max-fetch-bytes=262144");
        app.bean(GitHubAccounts.class).add(new GitHubAccounts.NewGitHubAccount("acme", PullRequestFixture.OWNER,
                github.endpoint(), github.personalToken().getBytes(StandardCharsets.US_ASCII), null, null, null,
                Map.of()), WebApp.SYSTEM_ADMIN);
        adminToken = app.token("admin", Role.ADMIN);
        HttpResponse<String> set = app.session().bearer(adminToken).json("PUT",
                "/api/v1/code/github/webhook-secret", Json.object().put("secret", PullRequestFixture.SECRET).toString());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        app.close();
        github.close();
        repo.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static GitHubTestPullRequests.CheckRun checkRunOf(String headSha) throws InterruptedException {
        await("the check run of " + headSha, () -> prs.checkRuns().stream().anyMatch(r -> r.headSha().equals(headSha)));
        return prs.checkRuns().stream().filter(r -> r.headSha().equals(headSha)).findFirst().orElseThrow();
    }

    private static GitHubTestPullRequests.CheckRun latest(long id) {
        return prs.checkRuns().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private static final String RDS = """
            resource "aws_db_instance" "orders" {
              identifier              = "orders-private"
              engine                  = "postgres"
              instance_class          = "db.t3.micro"
              allocated_storage       = 20
              publicly_accessible     = false
              storage_encrypted       = false # until the migration
              backup_retention_period = 7
              deletion_protection     = true
              multi_az                = true
              iam_database_authentication_enabled = true
              username                = "app"
              manage_master_user_password = true
            }
            """;

    @Test
    void fixedFindingsAreMarkedFixedIacFixesAreSuggestedAndAnIgnoreJudgesTheCheckRunAgain() throws Exception {
        repo.branch("infra");
        String kept = repo.token();
        String removed = repo.token();
        repo.write("infra/db/main.tf", RDS);
        repo.write("app/settings.py", "A = '" + kept + "'\nB = '" + removed + "'\n");
        String head1 = repo.commit("database and settings");
        repo.publish("infra", 2);
        repo.deliverSigned(app.base, "pull_request", "delivery-2a", PullRequestFixture.pullRequestEvent("opened", 2, head1,
                repo.baseSha));
        GitHubTestPullRequests.CheckRun first = checkRunOf(head1);
        assertThat(first.conclusion()).isEqualTo("failure");
        assertThat(first.annotations()).extracting(a -> a.path("path").asString() + ":" + a.path("title").asString())
                .containsExactlyInAnyOrder("app/settings.py:github-pat (high)", "app/settings.py:github-pat (high)",
                        "infra/db/main.tf:aws.rds.instance/unencrypted (medium)");
        List<GitHubTestPullRequests.ReviewComment> comments = prs.comments().stream().filter(c -> c.number() == 2).toList();
        assertThat(comments).hasSize(3);
        // the IaC finding is commented on the insecure line with a suggestion that keeps indentation and comment
        GitHubTestPullRequests.ReviewComment iac = comments.stream().filter(c -> c.path().equals("infra/db/main.tf"))
                .findFirst().orElseThrow();
        assertThat(iac.line()).isEqualTo(7);
        assertThat(iac.body()).contains("```suggestion\n  storage_encrypted       = true # until the migration\n```");
        GitHubTestPullRequests.ReviewComment onRemoved = comments.stream()
                .filter(c -> c.path().equals("app/settings.py") && c.line() == 2).findFirst().orElseThrow();
        assertThat(onRemoved.body()).doesNotContain("suggestion");

        // a push removes one token: its comment is marked fixed, nothing is posted again
        repo.write("app/settings.py", "A = '" + kept + "'\nB = None\n");
        String head2 = repo.commit("remove token");
        repo.publish("infra", 2);
        int reviews = prs.reviews().size();
        repo.deliverSigned(app.base, "pull_request", "delivery-2b", PullRequestFixture.pullRequestEvent("synchronize", 2,
                head2, repo.baseSha));
        GitHubTestPullRequests.CheckRun second = checkRunOf(head2);
        assertThat(second.annotations()).hasSize(2);
        assertThat(prs.reviews()).hasSize(reviews);
        assertThat(prs.comments().stream().filter(c -> c.number() == 2)).hasSize(3);
        GitHubTestPullRequests.ReviewComment fixed = prs.comments().stream().filter(c -> c.id() == onRemoved.id())
                .findFirst().orElseThrow();
        assertThat(fixed.body()).startsWith("~~**high**").contains("**Fixed:** no longer found at " + head2);
        assertThat(app.db.dsl().fetchCount(CODE_PR_FINDING, CODE_PR_FINDING.COMMENT_FIXED_SHA.eq(head2))).isEqualTo(1);
        // a third push of the same head edits nothing again
        long patches = github.requests().stream().filter(r -> r.method().equals("PATCH")
                && r.path().contains("/pulls/comments/")).count();
        repo.deliverSigned(app.base, "pull_request", "delivery-2c", PullRequestFixture.pullRequestEvent("synchronize", 2,
                head2, repo.baseSha));
        await("the third check run", () -> prs.checkRuns().stream().filter(r -> r.headSha().equals(head2)).count() == 2);
        assertThat(github.requests().stream().filter(r -> r.method().equals("PATCH")
                && r.path().contains("/pulls/comments/")).count()).isEqualTo(patches);
        GitHubTestPullRequests.CheckRun third = prs.checkRuns().getLast();
        assertThat(third.conclusion()).isEqualTo("failure");

        // ignoring the last high finding on GitHub judges the check run again: success
        long onKept = comments.stream().filter(c -> c.path().equals("app/settings.py") && c.line() == 1)
                .findFirst().orElseThrow().id();
        int answers = prs.issueComments().size();
        repo.deliverSigned(app.base, "pull_request_review_comment", "delivery-2d", PullRequestFixture.reviewCommentReply(2,
                9101, onKept, "lead", "MEMBER", "/watchkeeper ignore test fixture token, never issued"));
        await("the answer", () -> prs.issueComments().size() == answers + 1);
        assertThat(prs.issueComments().getLast().body()).contains("ignored `fp:")
                .contains("The check runs that counted it are being judged again.");
        await("the check run judged again", () -> "success".equals(latest(third.id()).conclusion()));
        GitHubTestPullRequests.CheckRun rejudged = latest(third.id());
        assertThat(rejudged.conclusion()).isEqualTo("success");
        assertThat(rejudged.summary()).contains("1 finding(s) ignored or accepted earlier");
        assertThat(rejudged.requests()).isEqualTo(third.requests() + 1);
        JsonNode repos = Json.parse(app.session().bearer(adminToken).get("/api/v1/code/repositories").body());
        long repoId = repos.get(0).path("id").asLong();
        JsonNode list = Json.parse(app.session().bearer(adminToken)
                .get("/api/v1/code/repositories/" + repoId + "/pull-requests").body());
        assertThat(list.valueStream().filter(p -> p.path("number").asInt() == 2).findFirst().orElseThrow()
                .path("conclusion").asString()).isEqualTo("success");
    }

    @Test
    void aDecisionMadeThroughTheApiJudgesTheCheckRunAgainAndARevokeTurnsItBack() throws Exception {
        repo.branch("api-decision");
        repo.write("app/api.py", "TOKEN = '" + repo.token() + "'\n");
        String head = repo.commit("an api token");
        repo.publish("api-decision", 5);
        repo.deliverSigned(app.base, "pull_request", "delivery-5a", PullRequestFixture.pullRequestEvent("opened", 5, head,
                repo.baseSha));
        GitHubTestPullRequests.CheckRun run = checkRunOf(head);
        assertThat(run.conclusion()).isEqualTo("failure");
        long repoId = Json.parse(app.session().bearer(adminToken).get("/api/v1/code/repositories").body())
                .get(0).path("id").asLong();
        long prId = Json.parse(app.session().bearer(adminToken)
                .get("/api/v1/code/repositories/" + repoId + "/pull-requests").body()).valueStream()
                .filter(p -> p.path("number").asInt() == 5).findFirst().orElseThrow().path("id").asLong();
        JsonNode finding = Json.parse(app.session().bearer(adminToken).get("/api/v1/code/pull-requests/" + prId
                + "/findings").body()).valueStream().filter(f -> f.path("path").asString().equals("app/api.py"))
                .findFirst().orElseThrow();

        HttpResponse<String> ignored = app.session().bearer(adminToken).json("POST", "/api/v1/code/accepted-risks",
                Json.object().put("repositoryId", repoId).put("fingerprint", finding.path("fingerprint").asString())
                        .put("kind", "ignore").put("reason", "fixture token, never issued").toString());
        assertThat(ignored.statusCode()).as(ignored.body()).isEqualTo(201);
        long riskId = Json.parse(ignored.body()).path("id").asLong();
        await("the check run judged again after the API decision", () -> "success".equals(latest(run.id()).conclusion()));
        assertThat(latest(run.id()).summary()).contains("1 finding(s) ignored or accepted earlier");
        assertThat(app.db.dsl().fetchCount(io.watchkeeper.db.jooq.Tables.CODE_JOB,
                io.watchkeeper.db.jooq.Tables.CODE_JOB.DELIVERY_ID.eq("decision:" + riskId + ":accept")
                        .and(io.watchkeeper.db.jooq.Tables.CODE_JOB.KIND.eq("rejudge")))).isEqualTo(1);

        HttpResponse<String> revoked = app.session().bearer(adminToken).json("DELETE",
                "/api/v1/code/accepted-risks/" + riskId, null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        await("the check run judged again after the revoke", () -> "failure".equals(latest(run.id()).conclusion()));
        assertThat(latest(run.id()).summary()).doesNotContain("ignored or accepted earlier");
        await("the pull request's stored conclusion", () -> Json.parse(app.session().bearer(adminToken)
                .get("/api/v1/code/pull-requests/" + prId).body()).path("conclusion").asString().equals("failure"));
    }

    @Test
    void severalInsecureLinesOfOneResourceGetOneMultiLineSuggestion() throws Exception {
        repo.branch("access-block");
        repo.write("infra/s3/exports.tf", """
                resource "aws_s3_bucket" "exports" {
                  bucket = "billing-exports"
                }

                resource "aws_s3_bucket_public_access_block" "exports" {
                  bucket                  = aws_s3_bucket.exports.id
                  block_public_acls       = false
                  block_public_policy     = false
                  ignore_public_acls      = false
                  restrict_public_buckets = false
                }
                """);
        String head = repo.commit("an access block switched off");
        repo.publish("access-block", 7);
        repo.deliverSigned(app.base, "pull_request", "delivery-7a", PullRequestFixture.pullRequestEvent("opened", 7, head,
                repo.baseSha));
        checkRunOf(head);
        await("the review of #7", () -> prs.comments().stream().anyMatch(c -> c.number() == 7));
        List<GitHubTestPullRequests.ReviewComment> onBlock = prs.comments().stream()
                .filter(c -> c.number() == 7 && c.body().contains("block-public-access-off")).toList();
        assertThat(onBlock).hasSize(1);
        GitHubTestPullRequests.ReviewComment c = onBlock.getFirst();
        assertThat(c.path()).isEqualTo("infra/s3/exports.tf");
        // one block over lines 7..10 (start_line/line), each line fixed, indentation kept
        assertThat(c.startLine()).isEqualTo(7);
        assertThat(c.line()).isEqualTo(10);
        assertThat(c.body()).contains("""
                ```suggestion
                  block_public_acls       = true
                  block_public_policy     = true
                  ignore_public_acls      = true
                  restrict_public_buckets = true
                ```""");
        assertThat(prs.comments().stream().filter(x -> x.number() == 7 && x.body().contains("```suggestion")
                && x.startLine() == 0 && x.body().contains("block_public"))).isEmpty();
    }

    @Test
    void judgingACheckRunAgainAfterADecisionIsAuditedOnceInTheNameOfWhoDecided() throws Exception {
        repo.branch("audited-rejudge");
        repo.write("app/audited.py", "TOKEN = '" + repo.token() + "'\n");
        String head = repo.commit("a token to ignore");
        repo.publish("audited-rejudge", 6);
        repo.deliverSigned(app.base, "pull_request", "delivery-6a", PullRequestFixture.pullRequestEvent("opened", 6, head,
                repo.baseSha));
        GitHubTestPullRequests.CheckRun run = checkRunOf(head);
        assertThat(run.conclusion()).isEqualTo("failure");
        JsonNode repository = Json.parse(app.session().bearer(adminToken).get("/api/v1/code/repositories").body()).get(0);
        long repoId = repository.path("id").asLong();
        long prId = Json.parse(app.session().bearer(adminToken)
                .get("/api/v1/code/repositories/" + repoId + "/pull-requests").body()).valueStream()
                .filter(p -> p.path("number").asInt() == 6).findFirst().orElseThrow().path("id").asLong();
        String fingerprint = Json.parse(app.session().bearer(adminToken).get("/api/v1/code/pull-requests/" + prId
                + "/findings").body()).valueStream().filter(f -> f.path("path").asString().equals("app/audited.py"))
                .findFirst().orElseThrow().path("fingerprint").asString();

        HttpResponse<String> ignored = app.session().bearer(adminToken).json("POST", "/api/v1/code/accepted-risks",
                Json.object().put("repositoryId", repoId).put("fingerprint", fingerprint)
                        .put("kind", "ignore").put("reason", "fixture token, never issued").toString());
        assertThat(ignored.statusCode()).as(ignored.body()).isEqualTo(201);
        long riskId = Json.parse(ignored.body()).path("id").asLong();
        String decision = "decision:" + riskId + ":accept";
        var log = io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
        org.jooq.Condition rejudged = log.ACTION.eq("code.check-run.rejudge").and(log.TARGET.eq("code-repository:" + repoId))
                .and(org.jooq.impl.DSL.condition("{0} ->> 'decision' = {1}", log.AFTER, decision));
        await("the re-judging in the audit log", () -> app.db.dsl().fetchCount(log, rejudged) > 0);
        assertThat(latest(run.id()).conclusion()).isEqualTo("success");
        Thread.sleep(1_000); // a second entry (a retry, a second worker) would show by now
        var entries = app.db.dsl().selectFrom(log).where(rejudged).fetch();
        assertThat(entries).hasSize(1);
        // in the name of the person who decided, as their decision is; with the account and what changed
        String decidedBy = app.db.dsl().select(log.ACTOR).from(log)
                .where(log.ACTION.eq("code.risk.ignore").and(log.TARGET.eq("code-risk:" + riskId))).fetchSingle().value1();
        assertThat(decidedBy).startsWith("admin");
        assertThat(entries.getFirst().getActor()).isEqualTo(decidedBy);
        assertThat(entries.getFirst().getAccountId()).isEqualTo(repository.path("accountId").asLong());
        JsonNode after = Json.parse(entries.getFirst().getAfter().data());
        assertThat(after.path("fingerprint").asString()).isEqualTo(fingerprint);
        assertThat(after.path("pullRequests").valueStream().map(JsonNode::asString).toList())
                .containsExactly("#6 success");
    }

    @Test
    void aPullRequestTooLargeToFetchIsNotScannedAndItsCheckRunSaysWhy() throws Exception {
        repo.branch("huge");
        byte[] random = new byte[900 * 1024];
        new java.util.Random(7).nextBytes(random);
        repo.write("assets/data.txt", java.util.Base64.getMimeEncoder().encodeToString(random));
        String head = repo.commit("a large file");
        repo.publish("huge", 4);
        repo.deliverSigned(app.base, "pull_request", "delivery-4a", PullRequestFixture.pullRequestEvent("opened", 4, head,
                repo.baseSha));
        GitHubTestPullRequests.CheckRun run = checkRunOf(head);
        assertThat(run.status()).isEqualTo("completed");
        assertThat(run.conclusion()).isEqualTo("failure"); // too big to scan never passes the gate
        assertThat(run.title()).isEqualTo("Not scanned: the pull request is too large to fetch");
        assertThat(run.summary()).contains("more than 256 KiB").contains("watchkeeper.code.review.max-fetch-bytes");
        assertThat(prs.reviews().stream().filter(r -> r.number() == 4)).isEmpty();
        // the job is done, not retried
        await("the job to finish", () -> app.db.dsl().fetchCount(io.watchkeeper.db.jooq.Tables.CODE_JOB,
                io.watchkeeper.db.jooq.Tables.CODE_JOB.DELIVERY_ID.eq("delivery-4a")
                        .and(io.watchkeeper.db.jooq.Tables.CODE_JOB.STATE.eq("done"))) == 1);
        assertThat(prs.checkRuns().stream().filter(r -> r.headSha().equals(head))).hasSize(1);
    }

    @Test
    void anAwsKeyOfAWatchedIamUserAddedByAPullRequestIsCriticalAndLinksTheUser() throws Exception {
        IamClient iam = moto.client(IamClient.builder());
        iam.createUser(r -> r.userName("deployer"));
        AccessKey key = iam.createAccessKey(r -> r.userName("deployer")).accessKey();
        var add = InProcessCli.run(app.context, "accounts", "add", "aws", "--name", "prod", "--account-id", Moto.ACCOUNT_ID,
                "--regions", "us-east-1");
        assertThat(add.exit()).as(add.err()).isZero();
        var watch = InProcessCli.run(app.context, "watch", "--account", "prod", "--type", "aws.iam.user");
        assertThat(watch.exit()).as(watch.err() + watch.out()).isZero();
        long itemId = app.db.dsl().fetchOne("select id from item where resource_type = 'aws.iam.user' and name = 'deployer'")
                .get(0, Long.class);

        repo.branch("deploy");
        repo.write("deploy/credentials", "[default]\naws_access_key_id = " + key.accessKeyId()
                + "\naws_secret_access_key = " + key.secretAccessKey() + "\n");
        String head = repo.commit("deploy credentials");
        repo.publish("deploy", 3);
        repo.deliverSigned(app.base, "pull_request", "delivery-3a", PullRequestFixture.pullRequestEvent("opened", 3, head,
                repo.baseSha));
        GitHubTestPullRequests.CheckRun run = checkRunOf(head);
        assertThat(run.conclusion()).isEqualTo("failure");
        JsonNode keyId = run.annotations().stream().filter(a -> a.path("start_line").asInt() == 2).findFirst().orElseThrow();
        assertThat(keyId.path("title").asString()).isEqualTo("aws-access-key-id (critical)");
        assertThat(keyId.path("message").asString()).contains("ACTIVE key of IAM user deployer in account prod ("
                + Moto.ACCOUNT_ID + ")").contains("watched item: https://watchkeeper.example.test/items/" + itemId);
        assertThat(run.summary()).contains("](https://watchkeeper.example.test/items/" + itemId + ")");
        GitHubTestPullRequests.ReviewComment comment = prs.comments().stream()
                .filter(c -> c.number() == 3 && c.line() == 2).findFirst().orElseThrow();
        assertThat(comment.body()).startsWith("**critical**").contains("ACTIVE key of IAM user deployer")
                .contains("[watched item #" + itemId + "](https://watchkeeper.example.test/items/" + itemId + ")");
        assertThat(app.db.dsl().fetchCount(CODE_PR_FINDING, CODE_PR_FINDING.ITEM_ID.eq(itemId))).isEqualTo(1);
        for (GitHubTestServer.Recorded r : github.requests()) {
            assertThat(r.body()).doesNotContain(key.secretAccessKey());
        }
    }
}
