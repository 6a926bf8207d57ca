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
    void aKeyUnusedForMonthsOrNeverUsedSinceLongAgoIsReported() {
        var evidence = check.evaluate(user(false, false, null, key(1, true, daysAgo(400), daysAgo(100)),
                key(2, true, daysAgo(120), null)), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("key:slot1", "key:slot2");
        assertThat(evidence.get(1).message()).contains("never used");
    }

    /** CIS 1.12 is 45 days (the check used 90 and carried no control): a key idle for 50 days now fails. */
    @Test
    void cis112IsFortyFiveDaysUnusedAndANeverUsedKeyCountsFromItsCreation() {
        var evidence = check.evaluate(user(false, false, null, key(1, true, daysAgo(400), daysAgo(50)),
                key(2, true, daysAgo(50), null)), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("key:slot1", "key:slot2");
        assertThat(evidence.get(1).message()).contains("never used, created");
        assertThat(check.evaluate(user(false, false, null, key(1, true, daysAgo(400), daysAgo(44)),
                key(2, true, daysAgo(44), null)), new TestContext())).as("44 days").isEmpty();
        assertThat(check.controls()).containsExactly("CIS-AWS-3.0:1.12");
        assertThat(new IamUserAccessKeyNotRotatedCheck().controls()).as("rotation stays 1.14").containsExactly("CIS-AWS-3.0:1.14");
    }

    @Test
    void recentlyUsedNewInactiveAndUndatedKeysAreFine() {
        assertThat(check.evaluate(user(false, false, null, key(1, true, daysAgo(400), daysAgo(10)),
                key(2, true, daysAgo(10), null)), new TestContext())).isEmpty();
        assertThat(check.evaluate(user(false, false, null, key(1, false, daysAgo(400), daysAgo(300)),
                key(2, true, null, null)), new TestContext())).isEmpty();
    }
}
