package io.watchkeeper.auditors.remediation.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.github.GitHubChecks;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.github.GitHubSession;
import io.watchkeeper.watchers.github.GitHubWatcher;
import io.watchkeeper.watchers.testing.GitHubFixture;
import io.watchkeeper.watchers.testing.GitHubTestServer;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * GitHub remediation tests against the loopback {@link GitHubTestServer}: configurations as the watchers
 * read them, findings as the engine makes them from the checks, plans executed with a real session, and
 * the server's request log to see exactly what was sent.
 */
abstract class GitHubRemediationTestSupport {

    protected GitHubFixture github;
    protected GitHubTestServer server;
    protected Account account;

    @BeforeEach
    void startGitHub() {
        github = new GitHubFixture();
        server = github.server;
        account = github.addTokenAccount("acme");
    }

    @AfterEach
    void stopGitHub() {
        github.close();
    }

    /** Every configuration {@code watcher} reads now, by resource id. */
    protected <C extends Record> java.util.Map<String, C> configs(GitHubWatcher<C> watcher) {
        try (GitHubSession session = github.factory.open(account)) {
            java.util.Map<String, C> out = new java.util.TreeMap<>();
            for (Observation<C> o : watcher.observe(new WatchScope(account, WatchScope.GLOBAL, watcher.type()), session)) {
                if (o instanceof Observation.Observed<C> observed) {
                    out.put(observed.resourceId(), observed.config());
                }
            }
            return out;
        }
    }

    protected <C extends Record> C config(GitHubWatcher<C> watcher, String resourceId) {
        C config = configs(watcher).get(resourceId);
        assertThat(config).as("%s is watched", resourceId).isNotNull();
        return config;
    }

    /** What {@code check} finds on {@code config}. */
    @SuppressWarnings("unchecked")
    protected static <C extends Record> List<Evidence> evaluate(String check, C config, AuditContext context) {
        Check<C> c = (Check<C>) new GitHubChecks().checks().stream().filter(k -> k.id().id().equals(check)).findFirst()
                .orElseThrow();
        return c.evaluate(config, context);
    }

    /** The finding the engine would open: {@code check} must find something on {@code config}. */
    protected static <C extends Record> FindingView finding(String check, String resourceId, C config, AuditContext context) {
        List<Evidence> evidence = evaluate(check, config, context);
        assertThat(evidence).as("%s finds the problem on %s", check, resourceId).isNotEmpty();
        OffsetDateTime now = OffsetDateTime.now();
        return new FindingView(1, "fingerprint", check, CheckId.of(check).type().id(), "acme", "acme-corp", "global",
                resourceId, resourceId.substring(resourceId.lastIndexOf('/') + 1), 1, evidence.getFirst().key(),
                evidence.getFirst().details(), evidence.getFirst().message(), Severity.HIGH, 50, null, FindingStatus.OPEN,
                List.of(), null, now, now, 0);
    }

    protected static <C extends Record> FindingView finding(String check, String resourceId, C config) {
        return finding(check, resourceId, config, new TestContext());
    }

    /** Runs every call of {@code plan} with a new session. */
    protected <C extends Record> void execute(Remediation<C> remediation, RemediationPlan plan) {
        try (GitHubSession session = github.factory.open(account)) {
            for (ApiCall call : plan.calls()) {
                remediation.execute(call, session);
            }
        }
    }

    /** The writes the server received (everything but GETs), as "METHOD path body". */
    protected List<String> writes() {
        return server.requests().stream().filter(r -> !r.method().equals("GET") && !r.path().contains("access_tokens"))
                .map(r -> r.method() + " " + r.path() + (r.body() == null || r.body().isBlank() ? "" : " " + r.body()))
                .toList();
    }

    protected static String durableHash(Record config) {
        return CanonicalJson.of(config).durableHash();
    }
}
