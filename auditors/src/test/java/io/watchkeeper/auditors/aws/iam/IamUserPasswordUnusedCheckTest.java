package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.CLOCK;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.daysAgo;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class IamUserPasswordUnusedCheckTest {

    private final IamUserPasswordUnusedCheck check = new IamUserPasswordUnusedCheck(CLOCK);

    @Test
    void aPasswordUnusedForFortyFiveDaysOrNeverUsedIsReported() {
        assertThat(check.evaluate(user(true, true, daysAgo(60)), new TestContext())).extracting(Evidence::key)
                .containsExactly("password");
        var never = check.evaluate(user(true, true, null), new TestContext());
        assertThat(never).extracting(Evidence::message).singleElement().asString().contains("never used");
    }

    @Test
    void recentUseANewPasswordOrNoPasswordIsFine() {
        assertThat(check.evaluate(user(true, false, daysAgo(10)), new TestContext())).isEmpty();
        assertThat(check.evaluate(user(false, false, daysAgo(100)), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(IamUserConfig.class, "{'userName':'new','passwordEnabled':true,'mfaActive':true,"
                + "'passwordLastChanged':'" + daysAgo(5) + "'}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(IamUserConfig.class, "{'passwordEnabled':true,'mfaActive':false}"), new TestContext()))
                .as("no dates at all").isEmpty();
    }
}
