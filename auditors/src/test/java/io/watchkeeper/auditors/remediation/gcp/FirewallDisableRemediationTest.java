package io.watchkeeper.auditors.remediation.gcp;

import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.json;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.gcp.GcpFirewallConfig;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.gcp.compute.FirewallWatcher;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class FirewallDisableRemediationTest extends GcpWatcherTestSupport {

    private static final String RULE = "allow-inbound-xyz";
    private static final String ID = "//compute.googleapis.com/projects/cloud-custodian/global/firewalls/" + RULE;
    private final FirewallDisableRemediation remediation = new FirewallDisableRemediation();

    private GcpFirewallConfig read() {
        return configs(new FirewallWatcher()).get(RULE);
    }

    private static FindingView openFinding(String check) {
        return finding(check, ID, "ingress:all:all:0.0.0.0/0");
    }

    @Test
    void disablesTheOpenRuleAndEnablesItAgainOnRollback() {
        GcpFirewallConfig before = read();
        assertThat(before.disabled()).isFalse();
        RemediationPlan plan = remediation.plan(openFinding("gcp.compute.firewall/all-ports-open"), before);
        assertThat(plan.calls()).containsExactly(new ApiCall("compute", "firewalls.patch",
                json("{'project':'cloud-custodian','firewall':'" + RULE + "','disabled':true}")));
        server.clearRequests();
        execute(remediation, plan, session);
        assertThat(server.requests()).filteredOn(r -> r.method().equals("PATCH")).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/compute/v1/projects/cloud-custodian/global/firewalls/" + RULE);
            assertThat(json(r.body()).path("disabled").asBoolean()).isTrue();
        });
        GcpFirewallConfig after = read();
        assertThat(after.disabled()).isTrue();
        assertThat(after.sourceRanges()).isEqualTo(before.sourceRanges());

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).containsExactly(new ApiCall("compute", "firewalls.patch",
                json("{'project':'cloud-custodian','firewall':'" + RULE + "','disabled':false}")));
        execute(remediation, rollback, session);
        assertThat(durableHash(read())).isEqualTo(durableHash(before));
    }

    @Test
    void aDisabledRuleNeedsNothingAndOtherChecksOrHostileNamesAreRefused() {
        GcpFirewallConfig disabled = with(read(), "disabled", true);
        RemediationPlan nothing = remediation.plan(openFinding("gcp.compute.firewall/ssh-open"), disabled);
        assertThat(nothing.empty()).isTrue();
        assertThat(remediation.rollback(nothing, disabled).empty()).isTrue();
        assertThatThrownBy(() -> remediation.plan(finding("gcp.compute.network/default-network", ID, "default"), read()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fix");
        GcpFirewallConfig hostile = with(read(), "name", "x/../../networks/default");
        assertThatThrownBy(() -> remediation.plan(openFinding("gcp.compute.firewall/ssh-open"), hostile))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("firewall rule name");
    }

    @Test
    void aCallForAnotherProjectIsNotRunInThisSession() {
        ApiCall foreign = new ApiCall("compute", "firewalls.patch", json("{'project':'wk-dev-project','firewall':'x','disabled':true}"));
        assertThatThrownBy(() -> remediation.execute(foreign, session)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the session is of cloud-custodian");
        ApiCall extra = new ApiCall("compute", "firewalls.patch",
                json("{'project':'cloud-custodian','firewall':'x','disabled':true,'sourceRanges':['0.0.0.0/0']}"));
        assertThatThrownBy(() -> remediation.execute(extra, session)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("with exactly");
    }
}
