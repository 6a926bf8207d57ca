package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.ADMIN_ARN;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.ALLOW_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.DENY_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.READ_ONLY_ARN;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.allow;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.group;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamGroupAdminPolicyCheckTest {

    private final IamGroupAdminPolicyCheck check = new IamGroupAdminPolicyCheck();

    @Test
    void inlineFullAdminAndAdministratorAccessAreReported() {
        var evidence = check.evaluate(group("admins", List.of(inline("all", ALLOW_ALL)),
                List.of("arn:aws-us-gov:iam::aws:policy/AdministratorAccess")), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("inline:all",
                "attached:arn:aws-us-gov:iam::aws:policy/AdministratorAccess");
    }

    @Test
    void limitedGroupsAreFine() {
        assertThat(check.evaluate(group("devs", List.of(inline("deny", DENY_ALL), inline("data",
                allow("D", "'*'", "'arn:aws:s3:::data/*'"))), List.of(READ_ONLY_ARN,
                ADMIN_ARN + "Extra")), new TestContext())).isEmpty();
        assertThat(check.evaluate(group("empty", null, null), new TestContext())).isEmpty();
    }
}
