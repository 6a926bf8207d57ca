package io.watchkeeper.auditors;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.github.GitHubChecks;
import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.ObservedItem;
import io.watchkeeper.core.watch.ScopeSnapshot;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqAuditStore;
import io.watchkeeper.db.JooqFindingReader;
import io.watchkeeper.db.JooqFindingTriage;
import io.watchkeeper.db.JooqSnapshotStore;
import io.watchkeeper.db.JooqWatchRunStore;
import io.watchkeeper.db.testing.TestDatabase;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;

/** Check parameters stored in the database reach the checks on the next pass; an account's value beats every account's. */
class CheckParametersEngineTest {

    private static final String CHECK = "github.branch-protection/too-few-approvals";

    @Test
    void aStoredThresholdChangesTheFindingOnTheNextPass() {
        DSLContext dsl = TestDatabase.fresh().dsl();
        Account account = new JooqAccountStore(dsl).add(new AccountSpec(Provider.GITHUB, "acme", "acme", null,
                List.of(), Map.of(), false));
        GitHubBranchProtectionConfig config = Json.mapper().rebuild()
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build().readValue(("{'repository':'web','branch':'main','archived':false,"
                + "'classic':{'enforceAdmins':true},'rules':[],'notOffered':[],'effective':{'protectedBranch':true,"
                + "'pullRequestRequired':true,'requiredApprovingReviewCount':2}}").replace('\'', '"'),
                GitHubBranchProtectionConfig.class);
        long runId = new JooqWatchRunStore(dsl).startRun("test", "test");
        WatchScope scope = new WatchScope(account, "global", ResourceType.of("github.branch-protection"));
        new JooqSnapshotStore(dsl).applyScope(new ScopeSnapshot(scope, runId, List.of(new ObservedItem(
                "/repos/acme/web/branches/main/protection", "web:main", "global", CanonicalJson.of(config))), Set.of(),
                EphemeralPaths.of(GitHubBranchProtectionConfig.class)::strip));
        AuditEngine engine = new AuditEngine(new CheckRegistry(new GitHubChecks().checks()), new JooqAuditStore(dsl),
                Map.of(), Clock.systemUTC());
        JooqFindingTriage triage = new JooqFindingTriage(dsl);
        JooqFindingReader findings = new JooqFindingReader(dsl);

        engine.auditAll("test", "tester");
        assertThat(tooFewApprovals(findings)).as("two approvals meet the default minimum").isEmpty();

        triage.setParameter(CHECK, null, "min-approvals", 3, "bob");
        engine.auditAll("test", "tester");
        assertThat(tooFewApprovals(findings)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FindingStatus.OPEN));

        triage.setParameter(CHECK, account.id(), "min-approvals", 2, "bob");
        engine.auditAll("test", "tester");
        assertThat(tooFewApprovals(findings)).as("the account's value beats every account's").singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FindingStatus.FIXED));

        assertThat(triage.clearParameter(CHECK, account.id(), "min-approvals")).isTrue();
        engine.auditAll("test", "tester");
        assertThat(tooFewApprovals(findings)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FindingStatus.REGRESSED));
        assertThat(triage.parameters()).singleElement().satisfies(p -> {
            assertThat(p.accountId()).isNull();
            assertThat(p.value()).isEqualTo(3);
        });
    }

    private static List<FindingView> tooFewApprovals(JooqFindingReader findings) {
        return findings.list(new FindingFilter(EnumSet.allOf(FindingStatus.class), null, null, null, null, null, null,
                null, null, 100)).stream().filter(f -> f.check().equals(CHECK)).toList();
    }
}
