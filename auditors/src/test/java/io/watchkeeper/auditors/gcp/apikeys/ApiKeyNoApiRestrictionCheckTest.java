package io.watchkeeper.auditors.gcp.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class ApiKeyNoApiRestrictionCheckTest {

    private final ApiKeyNoApiRestrictionCheck check = new ApiKeyNoApiRestrictionCheck();

    @Test
    void noTargetsOrEveryCloudApiIsReported() {
        assertThat(check.evaluate(Keys.key(""), new TestContext())).hasSize(1);
        assertThat(check.evaluate(Keys.key(",'restrictions':{'apiTargets':[{'service':'cloudapis.googleapis.com','methods':[]}]}"),
                new TestContext())).hasSize(1);
    }

    @Test
    void namedApisPass() {
        assertThat(check.evaluate(Keys.key(",'restrictions':{'apiTargets':[{'service':'maps.googleapis.com','methods':[]}]}"),
                new TestContext())).isEmpty();
    }
}
