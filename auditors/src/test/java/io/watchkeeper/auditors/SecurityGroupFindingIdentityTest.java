package io.watchkeeper.auditors;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.finding.FindingEvent;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.ItemSnapshot;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.ObservedItem;
import io.watchkeeper.core.watch.ScopeSnapshot;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqAuditStore;
import io.watchkeeper.db.JooqFindingReader;
import io.watchkeeper.db.JooqSnapshotStore;
import io.watchkeeper.db.JooqWatchRunStore;
import io.watchkeeper.db.testing.TestDatabase;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A group open to everyone on every port is one finding through the whole lifecycle, and the
 * findings that remain for narrower rules keep the fingerprints they always had.
 */
class SecurityGroupFindingIdentityTest {

    private static final String ALL_PORTS = "aws.ec2.security-group/all-ports-open";
    private static final String ADMIN = "aws.ec2.security-group/admin-port-open";

    private Account account;
    private JooqSnapshotStore snapshots;
    private AuditEngine engine;
    private JooqFindingReader findings;
    private long runId;

    @BeforeEach
    void setUp() {
        DSLContext dsl = TestDatabase.fresh().dsl();
        account = new JooqAccountStore(dsl).add(new AccountSpec(Provider.AWS, "prod", "111111111111", AccountAccess.NONE,
                List.of("eu-west-1"), Map.of(), false));
        snapshots = new JooqSnapshotStore(dsl);
        engine = new AuditEngine(CheckRegistry.discover(), new JooqAuditStore(dsl), Map.of(), Clock.systemUTC());
        findings = new JooqFindingReader(dsl);
        runId = new JooqWatchRunStore(dsl).startRun("test", "test");
    }

    private void store(SecurityGroupConfig group) {
        WatchScope scope = new WatchScope(account, "eu-west-1", ResourceType.of("aws.ec2.security-group"));
        snapshots.applyScope(new ScopeSnapshot(scope, runId, List.of(new ObservedItem("sg-arn", "web", "eu-west-1",
                CanonicalJson.of(group))), Set.of(), EphemeralPaths.of(SecurityGroupConfig.class)::strip));
    }

    private static SecurityGroupConfig group(String protocol, Integer from, Integer to) {
        return Json.read(("{'groupId':'sg-1','groupName':'web','ingress':[{'protocol':'" + protocol + "','fromPort':"
                + from + ",'toPort':" + to + ",'sourceType':'cidr4','source':'0.0.0.0/0'}],'egress':[],'tags':{}}")
                .replace('\'', '"'), SecurityGroupConfig.class);
    }

    private List<FindingView> all() {
        return findings.list(new FindingFilter(EnumSet.allOf(FindingStatus.class), null, null, null, null, null, null,
                null, null, 100));
    }

    private FindingView only(String check) {
        return all().stream().filter(f -> f.check().equals(check)).reduce((a, b) -> {
            throw new AssertionError("two findings of " + check);
        }).orElseThrow();
    }

    @Test
    void allTrafficIsOneFindingThatFixesAndRegressesWithItsIdentity() {
        store(group("-1", null, null));
        assertThat(engine.auditAll("test", "tester").opened()).isEqualTo(1);
        FindingView wide = only(ALL_PORTS);
        assertThat(all()).hasSize(1);
        assertThat(wide.evidenceKey()).isEqualTo("ingress:-1:null-null:0.0.0.0/0");
        assertThat(wide.controls()).contains("CIS-AWS-3.0:5.2", "CIS-AWS-3.0:5.3");

        store(group("tcp", 22, 22));
        engine.auditAll("test", "tester");
        FindingView ssh = only(ADMIN);
        assertThat(ssh.status()).isEqualTo(FindingStatus.OPEN);
        assertThat(ssh.evidenceKey()).isEqualTo("ingress:tcp:22-22:0.0.0.0/0:22");
        ItemSnapshot item = new ItemSnapshot(ssh.itemId(), account.id(), "aws.ec2.security-group", "eu-west-1", "sg-arn",
                "web", false, null);
        assertThat(ssh.fingerprint()).as("the admin-port finding's identity is what it always was")
                .isEqualTo(FindingLifecycle.fingerprint(ADMIN, "111111111111", item, "ingress:tcp:22-22:0.0.0.0/0:22"));
        assertThat(only(ALL_PORTS).status()).isEqualTo(FindingStatus.FIXED);

        store(group("-1", null, null));
        engine.auditAll("test", "tester");
        FindingView back = only(ALL_PORTS);
        assertThat(back.id()).isEqualTo(wide.id());
        assertThat(back.fingerprint()).isEqualTo(wide.fingerprint());
        assertThat(back.status()).isEqualTo(FindingStatus.REGRESSED);
        assertThat(findings.history(back.id())).extracting(FindingEvent::event).containsExactly("opened", "fixed", "regressed");
        assertThat(only(ADMIN).status()).as("subsumed by the all-ports finding again").isEqualTo(FindingStatus.FIXED);
        assertThat(all()).filteredOn(f -> f.status().present()).hasSize(1);
    }
}
