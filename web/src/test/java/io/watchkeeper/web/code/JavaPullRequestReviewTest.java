package io.watchkeeper.web.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.GitHubTestPullRequests;
import io.watchkeeper.watchers.testing.GitHubTestServer;
import io.watchkeeper.web.service.GitHubAccounts;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java vulnerabilities on a pull request, end to end on the GitHub test server: the webhook, the scan of what the pull
 * request changes, and one review comment on the sink's line carrying the source-to-sink path across files.
 */
class JavaPullRequestReviewTest {

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
        app = WebApp.start("--watchkeeper.code.review.clone-url=" + repo.cloneUrl(), "--watchkeeper.code.review.poll=300ms");
        app.bean(GitHubAccounts.class).add(new GitHubAccounts.NewGitHubAccount("acme", PullRequestFixture.OWNER,
                github.endpoint(), github.personalToken().getBytes(StandardCharsets.US_ASCII), null, null, null,
                Map.of()), WebApp.SYSTEM_ADMIN);
        HttpResponse<String> set = app.session().bearer(app.token("admin", Role.ADMIN)).json("PUT",
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

    @Test
    void aNewInjectionGetsAReviewCommentWithItsSourceToSinkPathAcrossFiles() throws Exception {
        // the pull request adds a controller whose parameter reaches a repository's statement text (another file)
        repo.write("src/main/java/com/acme/OrderController.java", """
                package com.acme;

                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.RequestParam;
                import org.springframework.web.bind.annotation.RestController;

                @RestController
                public class OrderController {
                    private final OrderRepository orders = new OrderRepository();

                    @GetMapping("/orders")
                    public int count(@RequestParam("owner") String owner) throws Exception {
                        return orders.countFor(owner);
                    }
                }
                """);
        repo.write("src/main/java/com/acme/OrderRepository.java", """
                package com.acme;

                import java.sql.Connection;
                import java.sql.ResultSet;

                public class OrderRepository {
                    private Connection conn;

                    public int countFor(String owner) throws Exception {
                        String sql = "SELECT count(*) FROM orders WHERE owner = '" + owner + "'";
                        ResultSet rs = conn.createStatement().executeQuery(sql);
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                }
                """);
        String head = repo.commit("orders");
        repo.publish(7);
        HttpResponse<String> accepted = repo.deliverSigned(app.base, "pull_request", "j-1",
                PullRequestFixture.pullRequestEvent("opened", 7, head, repo.baseSha));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await("the check run", () -> prs.checkRuns().size() == 1);

        GitHubTestPullRequests.CheckRun run = prs.checkRuns().getFirst();
        assertThat(run.annotations()).extracting(a -> a.path("path").asString() + ":" + a.path("start_line").asInt()
                + " " + a.path("title").asString())
                .containsExactly("src/main/java/com/acme/OrderRepository.java:11 java-sql-injection (high)");
        assertThat(prs.comments()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("src/main/java/com/acme/OrderRepository.java");
            assertThat(c.line()).isEqualTo(11);
            // the path: the controller's parameter, the call into the repository, the sink
            assertThat(c.body()).contains("java-sql-injection").contains("CWE-89")
                    .contains("OrderController.java:12").contains("RequestParam owner")
                    .contains("OrderRepository.java:11").contains("→");
        });
    }
}
