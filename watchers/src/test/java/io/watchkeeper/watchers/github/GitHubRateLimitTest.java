package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.github.CallUsage;
import io.watchkeeper.watchers.testing.GitHubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Conditional requests: a repeat watch of an unchanged organisation spends under 5% of the rate-limit
 * points of its first watch (points as the server counts them in {@code X-RateLimit-Used}: every
 * answer but a 304), and a change costs only the answers that changed.
 */
class GitHubRateLimitTest {

    private final GitHubFixture github = new GitHubFixture();

    @AfterEach
    void close() {
        github.close();
    }

    @Test
    void aRepeatWatchOfAnUnchangedOrganizationCostsUnderFivePercentOfTheFirst() {
        Account account = github.addAppAccount("acme", null);
        long start = github.server.points();
        RunSummary first = github.watch(account);
        assertThat(first.scopes()).allMatch(s -> s.status() == ScopeStatus.OK);
        long firstPoints = github.server.points() - start;
        CallUsage.Snapshot firstUsage = github.factory.lastUsage(account.id()).orElseThrow();

        long before = github.server.points();
        RunSummary repeat = github.watch(account);
        assertThat(repeat.scopes()).allMatch(s -> s.status() == ScopeStatus.OK);
        long repeatPoints = github.server.points() - before;
        CallUsage.Snapshot repeatUsage = github.factory.lastUsage(account.id()).orElseThrow();

        System.out.printf("rate-limit points: first watch %d (%d requests), repeat %d (%d requests, %d not modified)%n",
                firstPoints, firstUsage.requests(), repeatPoints, repeatUsage.requests(), repeatUsage.notModified());
        assertThat(firstPoints).as("first watch points").isGreaterThan(60);
        assertThat(repeatPoints).as("repeat %d vs first %d", repeatPoints, firstPoints).isLessThan(firstPoints / 20);
        // the session counts what the server counts
        assertThat(firstUsage.points()).isEqualTo(firstPoints);
        assertThat(repeatUsage.points()).isEqualTo(repeatPoints);
        assertThat(repeatUsage.notModified()).isGreaterThan(repeatUsage.requests() * 9 / 10);
        assertThat(repeatUsage.rateLimit().remaining()).isEqualTo(5000 - github.server.points());

        // one changed setting costs the answers that changed, not the organisation again
        synchronized (github.server.org()) {
            github.server.org().orgWorkflow.put("default_workflow_permissions", "write");
        }
        long beforeChange = github.server.points();
        github.watch(account);
        assertThat(github.server.points() - beforeChange).isLessThanOrEqualTo(repeatPoints + 1);
    }
}
