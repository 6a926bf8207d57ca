package io.watchkeeper.auditors.gcp.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class ManagedZoneDnssecOffCheckTest {

    private final ManagedZoneDnssecOffCheck check = new ManagedZoneDnssecOffCheck();

    @Test
    void aPublicZoneWithoutDnssecIsReported() {
        assertThat(check.evaluate(Zones.zone("public", ""), new TestContext())).hasSize(1);
        assertThat(check.evaluate(Zones.zone("public", ",'dnssecState':'transfer'"), new TestContext())).hasSize(1);
    }

    @Test
    void signedPublicZonesAndPrivateZonesAreNot() {
        assertThat(check.evaluate(Zones.zone("public", ",'dnssecState':'on'"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Zones.zone("private", ""), new TestContext())).isEmpty();
    }
}
