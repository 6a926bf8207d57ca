package io.watchkeeper.auditors.gcp.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class ApiKeyNoApplicationRestrictionCheckTest {

    private final ApiKeyNoApplicationRestrictionCheck check = new ApiKeyNoApplicationRestrictionCheck();

    @Test
    void noRestrictionOrOnlyApiTargetsIsReported() {
        assertThat(check.evaluate(Keys.key(""), new TestContext())).hasSize(1);
        assertThat(check.evaluate(Keys.key(",'restrictions':{'applicationType':'none','allowedReferrers':[],'apiTargets':"
                + "[{'service':'maps.googleapis.com','methods':[]}]}"), new TestContext())).hasSize(1);
    }

    @Test
    void referrerIpOrAppRestrictionsPass() {
        assertThat(check.evaluate(Keys.key(",'restrictions':{'applicationType':'browser','allowedReferrers':['https://corp.com/*']}"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(Keys.key(",'restrictions':{'applicationType':'server','allowedIps':['203.0.113.7']}"),
                new TestContext())).isEmpty();
    }
}
