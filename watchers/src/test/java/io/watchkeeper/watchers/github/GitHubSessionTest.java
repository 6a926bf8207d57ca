package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.github.GitHubAccess;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.github.CallUsage;
import io.watchkeeper.github.GitHubSession;
import io.watchkeeper.watchers.testing.GitHubFixture;
import io.watchkeeper.watchers.testing.GitHubTestServer;
import io.watchkeeper.watchers.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions against the test server: App authentication, identity proof, conditional requests, rate limits. */
class GitHubSessionTest {

    private final MutableClock clock = new MutableClock();
    private final GitHubFixture github = new GitHubFixture(clock, GitHubFixture.settings());
    private final GitHubTestServer server = github.server;

    @AfterEach
    void close() {
        github.close();
    }

    @Test
    void anAppFindsItsInstallationByOrganizationAndWorksWithInstallationTokens() {
        Account account = github.addAppAccount("acme", null);
        try (GitHubSession session = github.factory.open(account)) {
            assertThat(session.organization()).isEqualTo("acme-corp");
            assertThat(session.installation()).hasValueSatisfying(i -> {
                assertThat(i.id()).isEqualTo(GitHubTestServer.INSTALLATION_ID);
                assertThat(i.permissions()).containsEntry("members", "read");
            });
        }
        List<GitHubTestServer.Recorded> requests = server.requests();
        assertThat(requests).anyMatch(r -> r.path().equals("/orgs/acme-corp/installation") && jwt(r));
        assertThat(requests).anyMatch(r -> r.method().equals("POST")
                && r.path().equals("/app/installations/77/access_tokens") && jwt(r));
        assertThat(requests).filteredOn(r -> r.path().equals("/orgs/acme-corp"))
                .allMatch(r -> r.authorization().startsWith("Bearer ghs_"));
        // the organisation's stable id is recorded at the first proof
        assertThat(github.access.find(account.id()).orElseThrow().organizationId()).isEqualTo(9_001_001L);
    }

    @Test
    void theInstallationTokenIsReplacedBeforeItExpires() {
        server.tokenLifetime(Duration.ofMinutes(6)); // the refresh margin is 5 minutes
        Account account = github.addAppAccount("acme", null);
        try (GitHubSession session = github.factory.open(account)) {
            session.api().get("/orgs/acme-corp/hooks");
            clock.advance(Duration.ofSeconds(90)); // 4.5 minutes left: inside the margin
            session.api().get("/orgs/acme-corp/teams");
        }
        List<GitHubTestServer.Recorded> requests = server.requests();
        assertThat(requests).filteredOn(r -> r.path().endsWith("/access_tokens")).hasSize(2);
        String first = requests.stream().filter(r -> r.path().equals("/orgs/acme-corp/hooks")).findFirst().orElseThrow()
                .authorization();
        String second = requests.stream().filter(r -> r.path().equals("/orgs/acme-corp/teams")).findFirst().orElseThrow()
                .authorization();
        assertThat(first).startsWith("Bearer ghs_");
        assertThat(second).startsWith("Bearer ghs_").isNotEqualTo(first);
    }

    @Test
    void aTokenStillValidBeyondTheMarginIsKeptBetweenSessions() {
        Account account = github.addAppAccount("acme", null);
        github.factory.open(account).close();
        github.factory.open(account).close();
        assertThat(server.requests()).filteredOn(r -> r.path().endsWith("/access_tokens")).hasSize(1);
    }

    @Test
    void anotherOrganizationsIdOrInstallationIsAnIdentityMismatchAndNothingIsRead() {
        Account account = github.addTokenAccount("acme");
        github.access.put(account.id(), new GitHubAccess(GitHubAccess.Auth.TOKEN, null, null, server.endpoint(), 123L));
        assertThatThrownBy(() -> github.factory.open(account)).isInstanceOfSatisfying(WatchkeeperException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.DENIED))
                .hasMessageContaining("identity mismatch").hasMessageContaining("123").hasMessageContaining("9001001");

        Account missing = github.addTokenAccount("ghost", "ghost-org");
        assertThatThrownBy(() -> github.factory.open(missing)).isInstanceOfSatisfying(WatchkeeperException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.DENIED)).hasMessageContaining("ghost-org");
    }

    @Test
    void anInstallationOnAnotherOrganizationIsAnIdentityMismatch() {
        Account account = github.addAppAccount("acme", 99L);
        assertThatThrownBy(() -> github.factory.open(account)).isInstanceOfSatisfying(WatchkeeperException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.DENIED))
                .hasMessageContaining("identity mismatch").hasMessageContaining("other-org");
        assertThat(server.requests()).noneMatch(r -> r.path().startsWith("/orgs/acme-corp/")
                || r.path().endsWith("/access_tokens"));
    }

    @Test
    void anUnchangedAnswerIsA304ServedFromTheCacheAndCostsNoPoint() {
        Account account = github.addTokenAccount("acme");
        try (GitHubSession session = github.factory.open(account)) {
            assertThat(session.api().list("/orgs/acme-corp/repos?type=all")).hasSize(7);
        }
        long pointsAfterFirst = server.points();
        try (GitHubSession session = github.factory.open(account)) {
            assertThat(session.api().list("/orgs/acme-corp/repos?type=all")).hasSize(7);
            CallUsage.Snapshot usage = session.usage();
            assertThat(usage.notModified()).isEqualTo(usage.requests()).isEqualTo(3); // the organisation and two pages
            assertThat(usage.points()).isZero();
        }
        assertThat(server.points()).isEqualTo(pointsAfterFirst);
        assertThat(server.requests()).filteredOn(r -> r.path().equals("/organizations/9001001/repos")).hasSize(2);
    }

    @Test
    void aSecondaryLimitIsWaitedOutWithinTheBoundAndRefusedBeyondIt() {
        Account account = github.addTokenAccount("acme");
        server.secondaryLimit("^/orgs/acme-corp/hooks", 1, 1);
        try (GitHubSession session = github.factory.open(account)) {
            long started = System.nanoTime();
            assertThat(session.api().list("/orgs/acme-corp/hooks")).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(session.usage().throttled()).isEqualTo(1);

            server.secondaryLimit("^/orgs/acme-corp/teams", 1, 3600);
            started = System.nanoTime();
            assertThatThrownBy(() -> session.api().list("/orgs/acme-corp/teams"))
                    .isInstanceOfSatisfying(WatchkeeperException.class,
                            e -> assertThat(e.category()).isEqualTo(ErrorCategory.THROTTLED))
                    .hasMessageContaining("3600");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void anExhaustedPrimaryLimitIsWaitedOutUntilItsResetWhenThatIsNear() {
        Account account = github.addTokenAccount("acme");
        try (GitHubSession session = github.factory.open(account)) {
            server.exhaustRateLimit(Instant.now().plusSeconds(2));
            assertThat(session.api().list("/orgs/acme-corp/teams")).hasSize(3);
            server.exhaustRateLimit(Instant.now().plusSeconds(3600));
            assertThatThrownBy(() -> session.api().list("/orgs/acme-corp/hooks"))
                    .isInstanceOfSatisfying(WatchkeeperException.class,
                            e -> assertThat(e.category()).isEqualTo(ErrorCategory.THROTTLED));
        }
    }

    private static boolean jwt(GitHubTestServer.Recorded r) {
        return r.authorization() != null && r.authorization().startsWith("Bearer ey");
    }
}
