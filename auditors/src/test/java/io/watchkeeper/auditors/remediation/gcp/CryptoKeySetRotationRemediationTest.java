package io.watchkeeper.auditors.remediation.gcp;

import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.gcp.GcpKmsCryptoKeyConfig;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.gcp.kms.CryptoKeyWatcher;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CryptoKeySetRotationRemediationTest extends GcpWatcherTestSupport {

    private static final String RING = "projects/cloud-custodian/locations/us-central1/keyRings/c7n-kr-002c1dda";
    private final CryptoKeySetRotationRemediation remediation =
            new CryptoKeySetRotationRemediation(Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));

    private GcpKmsCryptoKeyConfig read(String key) {
        return configs(new CryptoKeyWatcher()).get("c7n-kr-002c1dda/" + key);
    }

    @Test
    void setsA90DayRotationAndRemovesItOnRollback() {
        GcpKmsCryptoKeyConfig before = read("c7n-key-bad-norot-002c1dda");
        assertThat(before.rotationPeriodSeconds()).isNull();
        RemediationPlan plan = remediation.plan(finding("gcp.kms.crypto-key/rotation-over-90-days",
                "//cloudkms.googleapis.com/" + before.name(), "rotation"), before);
        assertThat(plan.calls()).containsExactly(new ApiCall("cloudkms", "cryptoKeys.patch", json("{'project':'cloud-custodian',"
                + "'name':'" + RING + "/cryptoKeys/c7n-key-bad-norot-002c1dda','rotationPeriod':'7776000s',"
                + "'nextRotationTime':'2027-03-07T12:00:00Z'}")));
        execute(remediation, plan, session);
        assertThat(server.requests()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("PATCH");
            assertThat(r.query()).contains("updateMask");
        });
        GcpKmsCryptoKeyConfig after = read("c7n-key-bad-norot-002c1dda");
        assertThat(after.rotationPeriodSeconds()).isEqualTo(7776000L);
        assertThat(after.nextRotationTime()).isEqualTo(Instant.parse("2027-03-07T12:00:00Z"));

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).containsExactly(new ApiCall("cloudkms", "cryptoKeys.patch",
                json("{'project':'cloud-custodian','name':'" + RING + "/cryptoKeys/c7n-key-bad-norot-002c1dda'}")));
        execute(remediation, rollback, session);
        assertThat(durableHash(read("c7n-key-bad-norot-002c1dda"))).isEqualTo(durableHash(before));
    }

    @Test
    void aYearlyRotationIsShortenedAndRestoredAQuarterlyOneNeedsNothing() {
        GcpKmsCryptoKeyConfig yearly = read("c7n-key-bad-365d-002c1dda");
        RemediationPlan plan = remediation.plan(finding("gcp.kms.crypto-key/rotation-over-90-days",
                "//cloudkms.googleapis.com/" + yearly.name(), "rotation"), yearly);
        execute(remediation, plan, session);
        assertThat(read("c7n-key-bad-365d-002c1dda").rotationPeriodSeconds()).isEqualTo(7776000L);
        execute(remediation, remediation.rollback(plan, yearly), session);
        assertThat(read("c7n-key-bad-365d-002c1dda").rotationPeriodSeconds()).isEqualTo(31536000L);

        GcpKmsCryptoKeyConfig good = read("c7n-key-good-90d-002c1dda");
        assertThat(remediation.plan(finding("gcp.kms.crypto-key/rotation-over-90-days",
                "//cloudkms.googleapis.com/" + good.name(), "rotation"), good).empty()).isTrue();
    }

    @Test
    void aKeyOfAnotherProjectIsRefused() {
        GcpKmsCryptoKeyConfig key = GcpRemediationTesting.with(read("c7n-key-bad-norot-002c1dda"), "name",
                "projects/victim-project/locations/us-central1/keyRings/r/cryptoKeys/k");
        assertThatThrownBy(() -> remediation.plan(finding("gcp.kms.crypto-key/rotation-over-90-days",
                "//cloudkms.googleapis.com/" + key.name(), "rotation"), key))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not in project cloud-custodian");
    }
}
