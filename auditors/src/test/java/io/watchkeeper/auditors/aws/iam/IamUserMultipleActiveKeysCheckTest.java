package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.daysAgo;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.key;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class IamUserMultipleActiveKeysCheckTest {

    private final IamUserMultipleActiveKeysCheck check = new IamUserMultipleActiveKeysCheck();

    @Test
    void twoActiveKeysAreReported() {
        var evidence = check.evaluate(user(false, false, null, key(1, true, daysAgo(5), null),
                key(2, true, daysAgo(50), null)), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("keys");
        assertThat(evidence.getFirst().details().get("activeSlots")).hasSize(2);
    }

    @Test
    void oneActiveKeyIsFine() {
        assertThat(check.evaluate(user(false, false, null, key(1, true, daysAgo(5), null),
                key(2, false, daysAgo(50), null)), new TestContext())).isEmpty();
    }
}
