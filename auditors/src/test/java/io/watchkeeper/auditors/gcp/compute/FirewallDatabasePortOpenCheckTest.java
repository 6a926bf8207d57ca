package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class FirewallDatabasePortOpenCheckTest {

    private final FirewallDatabasePortOpenCheck check = new FirewallDatabasePortOpenCheck();

    @Test
    void eachDatabasePortInTheAllowedRangesIsOneFinding() {
        assertThat(check.evaluate(Firewalls.ingress("['0.0.0.0/0']", "[{'protocol':'tcp','ports':['3306','5000-5500']}]"),
                new TestContext())).extracting(Evidence::key).containsExactly("ingress:tcp:3306:0.0.0.0/0", "ingress:tcp:5432:0.0.0.0/0");
    }

    @Test
    void webPortsAndInternalSourcesAreNot() {
        assertThat(check.evaluate(Firewalls.ingress("['0.0.0.0/0']", "[{'protocol':'tcp','ports':['80','443']}]"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Firewalls.ingress("['192.168.0.0/16']", "[{'protocol':'tcp','ports':['5432']}]"), new TestContext())).isEmpty();
    }
}
