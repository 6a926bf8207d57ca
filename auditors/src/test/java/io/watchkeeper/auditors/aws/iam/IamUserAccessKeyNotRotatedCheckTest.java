package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.CLOCK;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.daysAgo;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.key;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class IamUserAccessKeyNotRotatedCheckTest {

    private final IamUserAccessKeyNotRotatedCheck check = new IamUserAccessKeyNotRotatedCheck(CLOCK);

    @Test
    void anActiveKeyOlderThanNinetyDaysIsReported() {
        var evidence = check.evaluate(user(false, false, null, key(1, true, daysAgo(10), daysAgo(1)),
                key(2, true, daysAgo(200), daysAgo(1))), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("key:slot2");
        assertThat(evidence.getFirst().details().has("lastUsedDate")).as("daily use must not reopen justifications")
                .isFalse();
    }

    @Test
    void aKeyRotatedTenDaysAgoOrInactiveIsFine() {
        assertThat(check.evaluate(user(false, false, null, key(1, true, daysAgo(10), null),
                key(2, false, daysAgo(500), null)), new TestContext())).isEmpty();
    }
}
