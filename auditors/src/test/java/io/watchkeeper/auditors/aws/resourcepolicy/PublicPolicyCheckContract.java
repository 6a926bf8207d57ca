package io.watchkeeper.auditors.aws.resourcepolicy;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.aws;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.condition;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.deny;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@code public-policy} check must do; a check's test extends it and says how to build its config. */
public abstract class PublicPolicyCheckContract<C extends Record> {

    protected abstract Check<C> check();

    /** A config of the check's type, otherwise unremarkable, with {@code policy}. */
    protected abstract C withPolicy(PolicyDocument policy);

    protected List<Evidence> evaluate(PolicyDocument policy) {
        return check().evaluate(withPolicy(policy), new TestContext());
    }

    @Test
    void aStatementForEveryoneIsReported() {
        var evidence = evaluate(policy(allow("Public", "'*'"), allow("Owner", aws(TestContext.OWNER))));
        assertThat(evidence).extracting(Evidence::key).containsExactly("sid:Public:*");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(evidence.getFirst().details().get("statement").get("Sid").asString()).isEqualTo("Public");
    }

    @Test
    void awsStarAndNotPrincipalAreEveryoneToo() {
        assertThat(evaluate(policy(allow("AwsStar", aws("*")),
                "{'Effect':'Allow','NotPrincipal':{'AWS':'arn:aws:iam::111111111111:root'},'Action':'*','Resource':'*'}")))
                .extracting(Evidence::key).containsExactly("sid:AwsStar:*", "statement:1:NotPrincipal");
    }

    @Test
    void everyonePinnedToTheOwnerTheOrganisationAVpcEndpointOrTheOfficeIsNotPublic() {
        assertThat(evaluate(policy(
                allow("Account", "'*'", condition("StringEquals", "aws:SourceAccount", TestContext.OWNER)),
                allow("Org", "'*'", condition("StringEquals", "aws:PrincipalOrgID", "o-abc123")),
                allow("Vpce", "'*'", condition("StringEquals", "aws:SourceVpce", "vpce-0123")),
                allow("Office", "'*'", condition("IpAddress", "aws:SourceIp", TestContext.OFFICE))))).isEmpty();
    }

    @Test
    void aNegativeConditionDoesNotPin() {
        assertThat(evaluate(policy(allow("NotOrg", "'*'", condition("StringNotEquals", "aws:PrincipalOrgID", "o-abc123")))))
                .extracting(Evidence::key).containsExactly("sid:NotOrg:*");
    }

    @Test
    void denyServicesAndAccountsAreNotPublic() {
        assertThat(evaluate(policy(deny("DenyAll", "'*'", null),
                allow("Trail", "{'Service':'cloudtrail.amazonaws.com'}"),
                allow("Stranger", aws("arn:aws:iam::" + TestContext.UNKNOWN + ":root")),
                allow("PinnedStranger", "'*'", condition("StringEquals", "aws:SourceAccount", TestContext.UNKNOWN))))).isEmpty();
    }

    @Test
    void noPolicyOrAnUnreadableOneIsNotThisChecksBusiness() {
        assertThat(evaluate(null)).isEmpty();
        assertThat(evaluate(PolicyFixtures.raw("{'Statement':[{'Effect':'Allow','Principal':'*'"))).isEmpty();
        assertThat(evaluate(policy("{'Effect':'Allow','Principal':'*','Action':'*','Condition':{'StringEqualz':{'a':'b'}}}")))
                .isEmpty();
    }
}
