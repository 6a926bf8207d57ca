package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class FirewallSshOpenCheckTest {

    private final FirewallSshOpenCheck check = new FirewallSshOpenCheck();

    @Test
    void port22OrARangeCoveringItFromTheInternetIsReported() {
        var evidence = check.evaluate(Firewalls.ingress("['0.0.0.0/0']", "[{'protocol':'tcp','ports':['20-30']}]"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("ingress:tcp:22:0.0.0.0/0");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
    }

    @Test
    void otherPortsNarrowSourcesUdpAndAllPortsEntriesAreNot() {
        assertThat(check.evaluate(Firewalls.ingress("['0.0.0.0/0']", "[{'protocol':'tcp','ports':['2222','443']}]"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Firewalls.ingress("['35.235.240.0/20']", "[{'protocol':'tcp','ports':['22']}]"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Firewalls.ingress("['0.0.0.0/0']", "[{'protocol':'udp','ports':['22']}]"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Firewalls.ingress("['0.0.0.0/0']", "[{'protocol':'tcp','ports':[]}]"), new TestContext()))
                .as("the all-ports check's finding").isEmpty();
    }
}
