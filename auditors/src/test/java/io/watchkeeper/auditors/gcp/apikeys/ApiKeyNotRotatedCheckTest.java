package io.watchkeeper.auditors.gcp.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApiKeyNotRotatedCheckTest {

    private final ApiKeyNotRotatedCheck check = new ApiKeyNotRotatedCheck(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void keysOlderThan90DaysAreReportedYoungerOnesAndUndatedOnesAreNot() {
        assertThat(check.evaluate(Keys.key(",'createTime':'2026-09-01T00:00:00Z'"), new TestContext())).hasSize(1);
        assertThat(check.evaluate(Keys.key(",'createTime':'2026-09-02T00:00:01Z'"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Keys.key(""), new TestContext())).isEmpty();
    }
}
