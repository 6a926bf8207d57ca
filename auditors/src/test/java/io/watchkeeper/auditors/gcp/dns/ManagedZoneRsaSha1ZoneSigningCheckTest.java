package io.watchkeeper.auditors.gcp.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class ManagedZoneRsaSha1ZoneSigningCheckTest {

    private final ManagedZoneRsaSha1ZoneSigningCheck check = new ManagedZoneRsaSha1ZoneSigningCheck();

    @Test
    void anRsaSha1ZoneSigningKeyIsReportedOthersAreNot() {
        assertThat(check.evaluate(Zones.zone("public", Zones.keys("ecdsap256sha256", "RSASHA1")), new TestContext())).hasSize(1);
        assertThat(check.evaluate(Zones.zone("public", Zones.keys("rsasha1", "rsasha512")), new TestContext())).isEmpty();
        assertThat(check.evaluate(Zones.zone("public", Zones.keys("rsasha1", "rsasha1-nsec3-sha1")), new TestContext())).isEmpty();
    }
}
