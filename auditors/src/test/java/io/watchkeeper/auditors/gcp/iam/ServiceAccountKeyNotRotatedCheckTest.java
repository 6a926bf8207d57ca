package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServiceAccountKeyNotRotatedCheckTest {

    private final ServiceAccountKeyNotRotatedCheck check =
            new ServiceAccountKeyNotRotatedCheck(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void anEnabledKeyOlderThan90DaysIsReported() {
        assertThat(check.evaluate(ServiceAccountUserManagedKeyCheckTest.account(
                "{'keyId':'old','validAfterTime':'2026-09-01T23:59:59Z'},{'keyId':'new','validAfterTime':'2026-09-02T00:00:01Z'}"),
                new TestContext())).extracting(Evidence::key).containsExactly("key:old");
    }

    @Test
    void disabledOldKeysAndKeysWithoutADateAreNot() {
        assertThat(check.evaluate(ServiceAccountUserManagedKeyCheckTest.account(
                "{'keyId':'old','validAfterTime':'2020-01-01T00:00:00Z','disabled':true},{'keyId':'nodate'}"),
                new TestContext())).isEmpty();
    }
}
