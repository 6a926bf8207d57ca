package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.daysAgo;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.key;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class IamUserPasswordAndKeysCheckTest {

    private final IamUserPasswordAndKeysCheck check = new IamUserPasswordAndKeysCheck();

    @Test
    void aPasswordAndAnActiveKeyAreReported() {
        assertThat(check.evaluate(user(true, true, daysAgo(1), key(1, true, daysAgo(10), daysAgo(1))), new TestContext()))
                .extracting(Evidence::key).containsExactly("password-and-keys");
    }

    @Test
    void onlyOneKindOfCredentialIsFine() {
        assertThat(check.evaluate(user(true, true, daysAgo(1), key(1, false, daysAgo(10), null)), new TestContext()))
                .isEmpty();
        assertThat(check.evaluate(user(false, false, null, key(1, true, daysAgo(10), null)), new TestContext())).isEmpty();
    }
}
