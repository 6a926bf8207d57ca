package io.watchkeeper.web.code;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static io.watchkeeper.db.jooq.Tables.CODE_ACCEPTED_RISK;
import static io.watchkeeper.db.jooq.Tables.CODE_JOB;
import static io.watchkeeper.db.jooq.Tables.CODE_WEBHOOK_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.watchers.testing.GitHubTestPullRequests;
import io.watchkeeper.watchers.testing.GitHubTestServer;
import io.watchkeeper.web.service.GitHubAccounts;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A pull request end to end on the loopback GitHub: signed deliveries queued and deduplicated, the check
 * run on the head with annotations and one review of new findings, no duplicate comment after a second
 * push, {@code /watchkeeper accept-risk} refused to a contributor and honoured for a member on the next
 * push, the REST API and its scoping.
 */
class PullRequestReviewTest {

    @TempDir
    static Path dir;

    private static GitHubTestServer github;
    private static GitHubTestPullRequests prs;
    private static PullRequestFixture repo;
    private static WebApp app;

    @BeforeAll
    static void start() throws Exception {
        github = GitHubTestServer.start();
        prs = GitHubTestPullRequests.install(github);
        repo = new PullRequestFixture(dir.resolve("git"));
        app = WebApp.start("--watchkeeper.code.review.clone-url=" + repo.cloneUrl(),
                "--watchkeeper.code.review.poll=300ms");
        app.bean(GitHubAccounts.class).add(new GitHubAccounts.NewGitHubAccount("acme", PullRequestFixture.OWNER,
                github.endpoint(), github.personalToken().getBytes(StandardCharsets.US_ASCII), null, null, null,
                Map.of()), WebApp.SYSTEM_ADMIN);
        String admin = app.token("admin", Role.ADMIN);
        HttpResponse<String> set = app.session().bearer(admin).json("PUT", "/api/v1/code/github/webhook-secret",
                Json.object().put("secret", PullRequestFixture.SECRET).toString());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        app.close();
        github.close();
        repo.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static DSLContext db() {
        return app.bean(DSLContext.class);
    }

    @Test
    void aPullRequestGetsACheckRunAndOneCommentPerNewFindingAndCommandsAreHonouredOnTheNextPush() throws Exception {
        // unsigned and badly signed deliveries are refused and write nothing
        String t1 = repo.token();
        String t2 = repo.token();
        String t3 = repo.token();
        repo.write("src/settings.py", "import os\nA = '" + t1 + "'\nB = 1\nC = '" + t2 + "'\n");
        repo.write("deploy/env.sh", "export GH=" + t3 + "\n");
        String head1 = repo.commit("settings");
        repo.publish(1);
        String opened = PullRequestFixture.pullRequestEvent("opened", 1, head1, repo.baseSha);
        assertThat(repo.deliver(app.base, "pull_request", "d-0", opened, null).statusCode()).isEqualTo(401);
        assertThat(repo.deliver(app.base, "pull_request", "d-0", opened, "sha256=" + "0".repeat(64)).statusCode())
                .isEqualTo(401);
        assertThat(db().fetchCount(CODE_WEBHOOK_DELIVERY)).isZero();
        assertThat(db().fetchCount(CODE_JOB)).isZero();

        HttpResponse<String> accepted = repo.deliverSigned(app.base, "pull_request", "d-1", opened);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(Json.parse(accepted.body()).path("outcome").asString()).isEqualTo("queued");
        await("the first check run", () -> prs.checkRuns().size() == 1);

        GitHubTestPullRequests.CheckRun first = prs.checkRuns().getFirst();
        assertThat(first.repo()).isEqualTo("acme-corp/web");
        assertThat(first.headSha()).isEqualTo(head1);
        assertThat(first.status()).isEqualTo("completed");
        assertThat(first.conclusion()).isEqualTo("failure"); // github tokens are high; fail-on high
        assertThat(first.annotations()).hasSize(3)
                .allSatisfy(a -> assertThat(a.path("annotation_level").asString()).isEqualTo("failure"));
        assertThat(first.annotations()).extracting(a -> a.path("path").asString() + ":" + a.path("start_line").asInt())
                .containsExactlyInAnyOrder("src/settings.py:2", "src/settings.py:4", "deploy/env.sh:1");
        assertThat(prs.reviews()).hasSize(1);
        assertThat(prs.reviews().getFirst().commitId()).isEqualTo(head1);
        assertThat(prs.comments()).hasSize(3);
        // the token on the base branch is not new; no secret leaves in clear
        for (GitHubTestServer.Recorded r : github.requests()) {
            assertThat(r.body()).doesNotContain(t1).doesNotContain(t2).doesNotContain(t3);
        }
        assertThat(github.requests()).filteredOn(r -> !r.method().equals("GET")).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /repos/acme-corp/web/pulls/1/reviews", "POST /repos/acme-corp/web/check-runs");

        // a redelivery queues nothing
        HttpResponse<String> again = repo.deliverSigned(app.base, "pull_request", "d-1", opened);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(Json.parse(again.body()).path("outcome").asString()).isEqualTo("duplicate");
        assertThat(db().fetchCount(CODE_JOB)).isEqualTo(1);
        // other events are ignored and write nothing
        HttpResponse<String> ping = repo.deliverSigned(app.base, "ping", "d-ping", "{\"zen\":\"Keep it simple\"}");
        assertThat(Json.parse(ping.body()).path("outcome").asString()).isEqualTo("ignored");
        assertThat(db().fetchCount(CODE_WEBHOOK_DELIVERY)).isEqualTo(1);

        // a second push adds one token: one new comment, none repeated
        String t4 = repo.token();
        repo.write("deploy/env.sh", "export GH=" + t3 + "\nexport NPM=1\nexport OTHER=" + t4 + "\n");
        String head2 = repo.commit("more");
        repo.publish(1);
        repo.deliverSigned(app.base, "pull_request", "d-2", PullRequestFixture.pullRequestEvent("synchronize", 1, head2,
                repo.baseSha));
        await("the second check run", () -> prs.checkRuns().size() == 2);
        assertThat(prs.checkRuns().get(1).headSha()).isEqualTo(head2);
        assertThat(prs.checkRuns().get(1).annotations()).hasSize(4);
        assertThat(prs.reviews()).hasSize(2);
        assertThat(prs.reviews().get(1).comments()).isEqualTo(1);
        assertThat(prs.comments()).hasSize(4);
        assertThat(prs.comments().getLast().path()).isEqualTo("deploy/env.sh");
        assertThat(prs.comments().getLast().line()).isEqualTo(3);

        // a contributor may not accept a risk: refused on GitHub, nothing stored
        long commentOnT1 = prs.comments().stream().filter(c -> c.path().equals("src/settings.py") && c.line() == 2)
                .findFirst().orElseThrow().id();
        String until = LocalDate.now().plusDays(30).toString();
        String command = "/watchkeeper accept-risk until=" + until + " rotated, revoked on 2026-12-01";
        repo.deliverSigned(app.base, "pull_request_review_comment", "d-3",
                PullRequestFixture.reviewCommentReply(1, 9001, commentOnT1, "drive-by", "CONTRIBUTOR", command));
        await("the refusal", () -> prs.issueComments().size() == 1);
        assertThat(prs.issueComments().getFirst().body()).startsWith("@drive-by only").contains("nothing was changed");
        assertThat(db().fetchCount(CODE_ACCEPTED_RISK)).isZero();

        // a member may: stored by fingerprint, audited as the GitHub user
        repo.deliverSigned(app.base, "pull_request_review_comment", "d-4",
                PullRequestFixture.reviewCommentReply(1, 9002, commentOnT1, "lead", "MEMBER", command));
        await("the confirmation", () -> prs.issueComments().size() == 2);
        assertThat(prs.issueComments().get(1).body()).startsWith("@lead risk accepted until " + until);
        assertThat(db().fetchCount(CODE_ACCEPTED_RISK)).isEqualTo(1);
        assertThat(db().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("code.risk.accept-risk")).fetch())
                .singleElement().satisfies(a -> {
                    assertThat(a.getActor()).isEqualTo("github:lead");
                    assertThat(a.getAfter().data()).contains("rotated, revoked on 2026-12-01").contains(until);
                });

        // the next push honours it: three annotations, no new review
        repo.deliverSigned(app.base, "pull_request", "d-5", PullRequestFixture.pullRequestEvent("synchronize", 1, head2,
                repo.baseSha));
        await("the third check run", () -> prs.checkRuns().size() == 3);
        GitHubTestPullRequests.CheckRun third = prs.checkRuns().get(2);
        assertThat(third.annotations()).hasSize(3)
                .noneMatch(a -> a.path("path").asString().equals("src/settings.py") && a.path("start_line").asInt() == 2);
        assertThat(third.summary()).contains("1 finding(s) ignored or accepted earlier");
        assertThat(prs.reviews()).hasSize(2);

        // the REST API: findings of the pull request, accepted risks; a user of another account sees none of it
        app.user("viewer", Role.VIEWER, Set.of());
        app.user("justifier", Role.JUSTIFIER, Set.of());
        WebApp.Session viewer = app.session().bearer(app.token("viewer", Role.VIEWER));
        JsonNode repos = Json.parse(viewer.get("/api/v1/code/repositories").body());
        assertThat(repos).hasSize(1);
        long repoId = repos.get(0).path("id").asLong();
        JsonNode pulls = Json.parse(viewer.get("/api/v1/code/repositories/" + repoId + "/pull-requests").body());
        assertThat(pulls.get(0).path("conclusion").asString()).isEqualTo("failure");
        assertThat(pulls.get(0).path("openFindings").asInt()).isEqualTo(4);
        long prId = pulls.get(0).path("id").asLong();
        String findings = viewer.get("/api/v1/code/pull-requests/" + prId + "/findings").body();
        assertThat(Json.parse(findings)).hasSize(4);
        assertThat(findings).doesNotContain(t1).doesNotContain(t4);
        assertThat(Json.parse(viewer.get("/api/v1/code/accepted-risks").body())).hasSize(1);
        app.user("reader", Role.VIEWER, Set.of());
        WebApp.Session console = app.session();
        console.login("reader", WebApp.ADMIN_PASSWORD);
        assertThat(console.get("/code").body()).contains("acme-corp/web").contains("rotated, revoked on 2026-12-01");
        assertThat(console.get("/code/pull-requests/" + prId).body()).contains("src/settings.py").doesNotContain(t2);

        long other = app.bean(AccountStore.class).add(new AccountSpec(Provider.AWS, "other", "222222222222",
                AccountAccess.NONE, List.of("us-east-1"), Map.of(), false)).id();
        app.user("outsider", Role.JUSTIFIER, Set.of(other));
        WebApp.Session outsider = app.session().bearer(app.bean(io.watchkeeper.web.service.AccessAdmin.class)
                .createToken("outsider", Role.JUSTIFIER, null, null, new io.watchkeeper.web.security.Caller("outsider",
                        Role.JUSTIFIER, io.watchkeeper.core.access.AccountScope.of(Set.of(other)), "password")).secret());
        assertThat(Json.parse(outsider.get("/api/v1/code/repositories").body())).isEmpty();
        assertThat(outsider.get("/api/v1/code/pull-requests/" + prId + "/findings").statusCode()).isEqualTo(404);
        assertThat(Json.parse(outsider.get("/api/v1/code/accepted-risks").body())).isEmpty();

        // bad input: 400, nothing written
        WebApp.Session justifier = app.session().bearer(app.token("justifier", Role.JUSTIFIER));
        String fp = Json.parse(findings).get(0).path("fingerprint").asString();
        HttpResponse<String> noExpiry = justifier.json("POST", "/api/v1/code/accepted-risks", Json.object()
                .put("repositoryId", repoId).put("fingerprint", fp).put("kind", "accept-risk").put("reason", "x").toString());
        assertThat(noExpiry.statusCode()).isEqualTo(400);
        assertThat(noExpiry.body()).contains("expiry");
        assertThat(db().fetchCount(CODE_ACCEPTED_RISK)).isEqualTo(1);
        // the webhook secret is never returned
        assertThat(viewer.get("/api/v1/code/github/webhook-secret").body()).contains("true")
                .doesNotContain(PullRequestFixture.SECRET);
        assertThat(db().selectFrom(AUDIT_LOG).fetch().toString()).doesNotContain(PullRequestFixture.SECRET);
    }

    @Test
    void theCommandLineSetsTheWebhookSecretFromAnOwnerOnlyFileAndListsRisks() throws Exception {
        Path readable = dir.resolve("readable-secret");
        java.nio.file.Files.writeString(readable, PullRequestFixture.SECRET + "\n");
        java.nio.file.Files.setPosixFilePermissions(readable, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        var refused = io.watchkeeper.web.testing.InProcessCli.run(app.context, "code", "webhook-secret", "--file",
                readable.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).startsWith("error: ").contains("chmod 600");
        int audited = db().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("code.webhook-secret.set"));

        Path owner = dir.resolve("secret");
        java.nio.file.Files.writeString(owner, PullRequestFixture.SECRET + "\n");
        java.nio.file.Files.setPosixFilePermissions(owner, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        var set = io.watchkeeper.web.testing.InProcessCli.run(app.context, "code", "webhook-secret", "--file", owner.toString());
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out() + set.err()).contains("sealed").doesNotContain(PullRequestFixture.SECRET);
        assertThat(db().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("code.webhook-secret.set"))).isEqualTo(audited + 1);
        // the trailing newline is not part of the secret: GitHub's signature still verifies
        String ping = PullRequestFixture.pullRequestEvent("closed", 1, "a".repeat(40), "b".repeat(40));
        assertThat(repo.deliverSigned(app.base, "pull_request", "cli-check", ping).statusCode()).isEqualTo(202);

        var risks = io.watchkeeper.web.testing.InProcessCli.run(app.context, "code", "risks");
        assertThat(risks.exit()).isZero();
        var bad = io.watchkeeper.web.testing.InProcessCli.run(app.context, "code", "risks", "--revoke", "999999");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("error: no active ignore or accepted risk #999999\n");
    }

    @Test
    void masterKeyRotationRewrapsTheWebhookSecretWhichStillVerifiesDeliveries() {
        var before = db().selectFrom(io.watchkeeper.db.jooq.Tables.CODE_WEBHOOK_SECRET).fetchSingle();
        var rotated = io.watchkeeper.web.testing.InProcessCli.run(app.context, "certs", "master-key", "rotate");
        assertThat(rotated.exit()).as(rotated.err()).isZero();
        var after = db().selectFrom(io.watchkeeper.db.jooq.Tables.CODE_WEBHOOK_SECRET).fetchSingle();
        String current = app.bean(io.watchkeeper.certmanager.keys.KeySealer.class).active().currentVersion();
        assertThat(after.getMasterKeyVersion()).isEqualTo(current).isNotEqualTo(before.getMasterKeyVersion());
        assertThat(after.getWrappedKey()).isNotEqualTo(before.getWrappedKey());
        assertThat(after.getCiphertext()).isEqualTo(before.getCiphertext()); // only the data key is wrapped again
        // the rewrapped secret opens and verifies GitHub's signature
        String ping = PullRequestFixture.pullRequestEvent("closed", 1, "c".repeat(40), "d".repeat(40));
        assertThat(repo.deliverSigned(app.base, "pull_request", "after-rotation", ping).statusCode()).isEqualTo(202);
        assertThat(repo.deliver(app.base, "pull_request", "after-rotation-bad", ping, "sha256=" + "1".repeat(64))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void oversizedMalformedAndHostileDeliveriesAreRefusedAndWriteNothing() {
        int deliveries = db().fetchCount(CODE_WEBHOOK_DELIVERY);
        int jobs = db().fetchCount(CODE_JOB);
        String huge = "{\"action\":\"opened\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertThat(repo.deliverSigned(app.base, "pull_request", "big-1", huge).statusCode()).isEqualTo(413);
        HttpResponse<String> malformed = repo.deliverSigned(app.base, "pull_request", "bad-1", "{\"action\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        String traversal = PullRequestFixture.pullRequestEvent("opened", 1, "a".repeat(40), "b".repeat(40))
                .replace("\"name\":\"web\"", "\"name\":\"..\"");
        assertThat(repo.deliverSigned(app.base, "pull_request", "bad-2", traversal).statusCode()).isEqualTo(400);
        assertThat(repo.deliverSigned(app.base, "pull_request", "bad id with spaces",
                PullRequestFixture.pullRequestEvent("opened", 1, "a".repeat(40), "b".repeat(40))).statusCode())
                .isEqualTo(400);
        assertThat(db().fetchCount(CODE_WEBHOOK_DELIVERY)).isEqualTo(deliveries);
        assertThat(db().fetchCount(CODE_JOB)).isEqualTo(jobs);
    }
}
