package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.ALLOW_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.inline;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.role;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.withInline;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamRoleUnparseablePolicyCheckTest {

    private final IamRoleUnparseablePolicyCheck check = new IamRoleUnparseablePolicyCheck();

    @Test
    void anUnreadableTrustPolicyAndInlinePolicyAreReported() {
        var evidence = check.evaluate(role(PolicyDocument.parse("not json"), List.of(inline("ok", ALLOW_ALL),
                new IamInlinePolicy("odd", PolicyDocument.parse("{\"Statement\": 7}"))), List.of()), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("trust:unparseable", "policy:odd:unparseable");
        assertThat(evidence.get(1).message()).contains("neither an object nor a list");
    }

    @Test
    void readablePoliciesAreFine() {
        assertThat(check.evaluate(withInline(ALLOW_ALL), new TestContext())).isEmpty();
        assertThat(check.evaluate(role(null, null, null), new TestContext())).isEmpty();
    }
}
