package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.ADMIN_ARN;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.ALLOW_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.READ_ONLY_ARN;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.allow;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.doc;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.policy;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.role;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamRoleAdminPolicyAttachedCheckTest {

    private final IamRoleAdminPolicyAttachedCheck check = new IamRoleAdminPolicyAttachedCheck();
    private final TestContext context = new TestContext()
            .with("aws.iam.policy", "global", "god", policy("god", doc(ALLOW_ALL)))
            .with("aws.iam.policy", "global", "reader", policy("reader", doc(allow("R", "'s3:Get*'", "'*'"))));

    private static String arn(String name) {
        return "arn:aws:iam::" + TestContext.OWNER + ":policy/" + name;
    }

    @Test
    void administratorAccessAndAFullAdminCustomerPolicyAreReported() {
        var evidence = check.evaluate(role(null, List.of(), List.of(ADMIN_ARN, arn("god"), arn("reader"))), context);
        assertThat(evidence).extracting(Evidence::key).containsExactly("attached:" + ADMIN_ARN, "attached:" + arn("god"));
        assertThat(evidence.get(1).message()).contains("god");
        assertThat(evidence.get(1).details().get("statements")).hasSize(1);
        assertThat(check.dependsOn()).contains(ResourceType.of("aws.iam.policy"));
    }

    @Test
    void otherPoliciesAndPoliciesNotFoundAreFine() {
        assertThat(check.evaluate(role(null, List.of(), List.of(READ_ONLY_ARN, arn("reader"), arn("gone"))), context))
                .isEmpty();
        assertThat(check.evaluate(role(null, null, null), context)).isEmpty();
    }
}
