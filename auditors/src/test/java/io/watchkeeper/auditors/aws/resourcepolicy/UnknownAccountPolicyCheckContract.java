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

/** What every {@code unknown-account-policy} check must do. */
public abstract class UnknownAccountPolicyCheckContract<C extends Record> {

    protected static final String STRANGER = "arn:aws:iam::" + TestContext.UNKNOWN + ":root";

    protected abstract Check<C> check();

    protected abstract C withPolicy(PolicyDocument policy);

    protected List<Evidence> evaluate(PolicyDocument policy) {
        return check().evaluate(withPolicy(policy), new TestContext());
    }

    @Test
    void anUnregisteredAccountIsReported() {
        var evidence = evaluate(policy(allow("Cross", aws(STRANGER)), allow("Bare", aws(TestContext.UNKNOWN))));
        assertThat(evidence).extracting(Evidence::key).containsExactly("sid:Cross:" + STRANGER, "sid:Bare:" + TestContext.UNKNOWN);
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.UNKNOWN_ACCOUNT);
    }

    @Test
    void everyonePinnedToAnUnregisteredAccountIsReported() {
        assertThat(evaluate(policy(allow("Pinned", "'*'", condition("StringEquals", "aws:SourceAccount", TestContext.UNKNOWN)))))
                .extracting(Evidence::key).containsExactly("sid:Pinned:* if aws:SourceAccount " + TestContext.UNKNOWN);
    }

    @Test
    void registeredAccountsServicesAndTheOwnerAreNotUnknown() {
        assertThat(evaluate(policy(allow("Friend", aws("arn:aws:iam::" + TestContext.FRIENDLY + ":root")),
                allow("Vendor", aws(TestContext.THIRD_PARTY)), allow("Owner", aws(TestContext.OWNER)),
                allow("Trail", "{'Service':'cloudtrail.amazonaws.com'}"),
                allow("FriendPinned", "'*'", condition("StringEquals", "aws:SourceAccount", TestContext.FRIENDLY))))).isEmpty();
    }

    @Test
    void everyoneAndDeniesAreNotThisChecksBusiness() {
        assertThat(evaluate(policy(allow("Public", "'*'"), deny("NoStranger", aws(STRANGER), null)))).isEmpty();
    }

    @Test
    void noPolicyOrAnUnreadableOneReportsNothing() {
        assertThat(evaluate(null)).isEmpty();
        assertThat(evaluate(PolicyFixtures.raw("{'Statement': 42}".replace('\'', '"')))).isEmpty();
    }
}
