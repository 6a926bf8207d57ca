package io.watchkeeper.auditors.gcp.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class ManagedZonePrivateLoggingOffCheckTest {

    private final ManagedZonePrivateLoggingOffCheck check = new ManagedZonePrivateLoggingOffCheck();
    private static final String NETS = ",'privateNetworks':['https://www.googleapis.com/compute/v1/projects/p/global/networks/a',"
            + "'https://www.googleapis.com/compute/v1/projects/p/global/networks/b']";

    @Test
    void aNetworkWithoutALoggingPolicyIsReported() {
        assertThat(check.evaluate(Zones.zone("private", NETS + ",'networkPolicies':[{'name':'pol','enableLogging':true,'networks':"
                + "['https://www.googleapis.com/compute/v1/projects/p/global/networks/a']},{'name':'off','enableLogging':false,"
                + "'networks':['https://www.googleapis.com/compute/v1/projects/p/global/networks/b']}]"), new TestContext()))
                .extracting(Evidence::key).containsExactly("network:https://www.googleapis.com/compute/v1/projects/p/global/networks/b");
    }

    @Test
    void loggedNetworksAndPublicZonesAreNot() {
        assertThat(check.evaluate(Zones.zone("private", NETS + ",'networkPolicies':[{'name':'pol','enableLogging':true,'networks':"
                + "['https://www.googleapis.com/compute/v1/projects/p/global/networks/a',"
                + "'https://www.googleapis.com/compute/v1/projects/p/global/networks/b']}]"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Zones.zone("public", NETS), new TestContext())).isEmpty();
    }
}
