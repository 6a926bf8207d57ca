package io.watchkeeper.auditors.gcp.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class ManagedZoneRsaSha1KeySigningCheckTest {

    private final ManagedZoneRsaSha1KeySigningCheck check = new ManagedZoneRsaSha1KeySigningCheck();

    @Test
    void anRsaSha1KeySigningKeyIsReportedOnlyForTheKeySigningKey() {
        assertThat(check.evaluate(Zones.zone("public", Zones.keys("rsasha1", "rsasha256")), new TestContext())).hasSize(1);
        assertThat(check.evaluate(Zones.zone("public", Zones.keys("rsasha256", "rsasha1")), new TestContext())).isEmpty();
        assertThat(check.evaluate(Zones.zone("public", Zones.keys("rsasha1", "rsasha1").replace("'on'", "'off'")),
                new TestContext())).as("unsigned: the DNSSEC check's").isEmpty();
    }
}
