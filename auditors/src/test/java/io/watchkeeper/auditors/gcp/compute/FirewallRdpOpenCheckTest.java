package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class FirewallRdpOpenCheckTest {

    private final FirewallRdpOpenCheck check = new FirewallRdpOpenCheck();

    @Test
    void port3389FromTheInternetIsReported() {
        assertThat(check.evaluate(Firewalls.ingress("['::/0']", "[{'protocol':'tcp','ports':['3389']}]"), new TestContext()))
                .extracting(Evidence::key).containsExactly("ingress:tcp:3389:::/0");
    }

    @Test
    void neighbouringPortsAndOfficeSourcesAreNot() {
        assertThat(check.evaluate(Firewalls.ingress("['0.0.0.0/0']", "[{'protocol':'tcp','ports':['3388','3390-3400']}]"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(Firewalls.ingress("['" + TestContext.OFFICE + "']", "[{'protocol':'tcp','ports':['3389']}]"),
                new TestContext())).isEmpty();
    }
}
