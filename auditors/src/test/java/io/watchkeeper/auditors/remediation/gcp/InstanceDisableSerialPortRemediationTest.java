package io.watchkeeper.auditors.remediation.gcp;

import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.gcp.GcpInstanceConfig;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.gcp.compute.InstanceWatcher;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class InstanceDisableSerialPortRemediationTest extends GcpWatcherTestSupport {

    private static final String INSTANCES = "/compute/v1/projects/cloud-custodian/zones/europe-west1-b/instances";
    private static final String ID = "//compute.googleapis.com/projects/cloud-custodian/zones/europe-west1-b/instances/hardened";
    private final InstanceDisableSerialPortRemediation remediation = new InstanceDisableSerialPortRemediation();

    @BeforeEach
    void serialPortOn() {
        server.modify(INSTANCES, "hardened", i -> ((ArrayNode) i.path("metadata").path("items")).addObject()
                .put("key", "serial-port-enable").put("value", "true"));
    }

    private GcpInstanceConfig read() {
        return configs(new InstanceWatcher()).get("hardened");
    }

    @Test
    void setsTheKeyToFalseKeepingTheOtherMetadataAndRestoresItOnRollback() {
        GcpInstanceConfig before = read();
        assertThat(before.serialPortEnable()).isEqualTo("true");
        RemediationPlan plan = remediation.plan(finding("gcp.compute.instance/serial-port-enabled", ID, "serial-port-enable"), before);
        assertThat(plan.calls()).containsExactly(new ApiCall("compute", "instances.setMetadataItem", json("{'project':'cloud-custodian',"
                + "'zone':'europe-west1-b','instance':'hardened','key':'serial-port-enable','value':'FALSE'}")));
        execute(remediation, plan, session);
        assertThat(server.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo(INSTANCES + "/hardened/setMetadata");
            assertThat(r.body()).contains("\"fingerprint\":\"x1=\"", "startup-script", "block-project-ssh-keys");
        });
        GcpInstanceConfig after = read();
        assertThat(after.serialPortEnable()).isEqualTo("FALSE");
        assertThat(after.metadataKeys()).isEqualTo(before.metadataKeys());

        execute(remediation, remediation.rollback(plan, before), session);
        assertThat(durableHash(read())).isEqualTo(durableHash(before));
    }

    @Test
    void anInstanceWithoutTheKeyGetsItRemovedAgainAndAStaleFingerprintFails() {
        server.modify(INSTANCES, "hardened", i -> {
            ArrayNode items = (ArrayNode) i.path("metadata").path("items");
            items.remove(items.size() - 1);
        });
        GcpInstanceConfig unset = read();
        RemediationPlan plan = remediation.plan(finding("gcp.compute.instance/serial-port-enabled", ID, "serial-port-enable"), unset);
        execute(remediation, plan, session);
        RemediationPlan rollback = remediation.rollback(plan, unset);
        assertThat(rollback.calls()).extracting(ApiCall::operation).containsExactly("instances.removeMetadataItem");
        execute(remediation, rollback, session);
        assertThat(read().serialPortEnable()).isNull();
        assertThat(durableHash(read())).isEqualTo(durableHash(unset));

        server.fail("POST", INSTANCES + "/hardened/setMetadata", 412, 1);
        assertThatThrownBy(() -> execute(remediation, plan, session)).isInstanceOf(RuntimeException.class);
        assertThat(read().serialPortEnable()).isNull();
    }
}
