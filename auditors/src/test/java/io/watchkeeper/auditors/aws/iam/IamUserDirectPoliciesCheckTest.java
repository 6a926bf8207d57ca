package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.READ_ONLY_ARN;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.allow;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.inline;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamUserDirectPoliciesCheckTest {

    private final IamUserDirectPoliciesCheck check = new IamUserDirectPoliciesCheck();

    @Test
    void inlineAndAttachedPoliciesAreReportedOneByOne() {
        var evidence = check.evaluate(user(List.of(inline("own", allow("R", "'s3:Get*'", "'*'"))), List.of(READ_ONLY_ARN),
                List.of("devs")), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("inline:own", "attached:" + READ_ONLY_ARN);
    }

    @Test
    void permissionsThroughGroupsOnlyAreFine() {
        assertThat(check.evaluate(user(List.of(), List.of(), List.of("devs")), new TestContext())).isEmpty();
        assertThat(check.evaluate(user(null, null, null), new TestContext())).isEmpty();
    }
}
