package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class FirewallAllPortsOpenCheckTest {

    private final FirewallAllPortsOpenCheck check = new FirewallAllPortsOpenCheck();

    @Test
    void everyProtocolOrEveryPortOfOneFromTheInternetIsReported() {
        assertThat(check.evaluate(Firewalls.ingress("['0.0.0.0/0','::/0']", "[{'protocol':'all','ports':[]}]"), new TestContext()))
                .extracting(Evidence::key).containsExactly("ingress:all:all:0.0.0.0/0", "ingress:all:all:::/0");
        assertThat(check.evaluate(Firewalls.ingress("['0.0.0.0/0']", "[{'protocol':'tcp','ports':['0-65535']},"
                + "{'protocol':'udp','ports':[]}]"), new TestContext())).extracting(Evidence::key)
                .containsExactly("ingress:tcp:all:0.0.0.0/0", "ingress:udp:all:0.0.0.0/0");
        assertThat(check.controls()).containsExactly("CIS-GCP-3.0:3.6", "CIS-GCP-3.0:3.7");
    }

    @Test
    void privateSourcesPortListsDisabledAndEgressRulesAreNot() {
        assertThat(check.evaluate(Firewalls.ingress("['10.0.0.0/8']", "[{'protocol':'all','ports':[]}]"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Firewalls.ingress("['0.0.0.0/0']", "[{'protocol':'tcp','ports':['1-65534']}]"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Firewalls.rule("'direction':'INGRESS','disabled':true", "['0.0.0.0/0']",
                "[{'protocol':'all','ports':[]}]"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Firewalls.rule("'direction':'EGRESS'", "['0.0.0.0/0']", "[{'protocol':'all','ports':[]}]"),
                new TestContext())).isEmpty();
    }
}
