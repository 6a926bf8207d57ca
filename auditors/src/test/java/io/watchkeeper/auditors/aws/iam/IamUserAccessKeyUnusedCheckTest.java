package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.CLOCK;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.daysAgo;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.key;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class IamUserAccessKeyUnusedCheckTest {

    private final IamUserAccessKeyUnusedCheck check = new IamUserAccessKeyUnusedCheck(CLOCK);

    @Test
    void aKeyUnusedForNinetyDaysOrNeverUsedSinceLongAgoIsReported() {
        var evidence = check.evaluate(user(false, false, null, key(1, true, daysAgo(400), daysAgo(100)),
                key(2, true, daysAgo(120), null)), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("key:slot1", "key:slot2");
        assertThat(evidence.get(1).message()).contains("never used");
    }

    @Test
    void recentlyUsedNewInactiveAndUndatedKeysAreFine() {
        assertThat(check.evaluate(user(false, false, null, key(1, true, daysAgo(400), daysAgo(10)),
                key(2, true, daysAgo(10), null)), new TestContext())).isEmpty();
        assertThat(check.evaluate(user(false, false, null, key(1, false, daysAgo(400), daysAgo(300)),
                key(2, true, null, null)), new TestContext())).isEmpty();
    }
}
