package io.watchkeeper.auditors.aws.resourcepolicy;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.aws;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The unknown-account-policy check of every type with a resource policy. */
class UnknownAccountPolicyCheckTest {

    static java.util.stream.Stream<PolicyResource<?>> resources() {
        return PolicyResources.all();
    }

    @ParameterizedTest
    @MethodSource("resources")
    void describesItselfFromTheEntry(PolicyResource<?> resource) {
        var check = new UnknownAccountPolicyCheck<>(resource);
        assertThat(check.id().id()).isEqualTo(resource.type().id() + "/unknown-account-policy");
        assertThat(check.name()).isEqualTo(resource.name() + "UnknownAccountPolicy");
        assertThat(check.configType()).isEqualTo(resource.configType());
        assertThat(check.severity()).isEqualTo(Severity.HIGH);
        assertThat(check.title()).isEqualTo(resource.noun() + " policy grants access to an unknown account");
        assertThat(check.rationale()).endsWith("can " + resource.impact() + ".");
        assertThat(check.controls()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("resources")
    void reportsAccountsNobodyRegisteredOnly(PolicyResource<?> resource) {
        var check = new UnknownAccountPolicyCheck<>(resource);
        String stranger = "arn:aws:iam::" + TestContext.UNKNOWN + ":root";
        var evidence = PolicyResources.evaluate(check, resource, policy(allow("Cross", aws(stranger)),
                allow("Friend", aws(TestContext.FRIENDLY)), allow("Owner", aws(TestContext.OWNER)),
                allow("Public", "'*'")));
        assertThat(evidence).extracting(Evidence::key).containsExactly("sid:Cross:" + stranger);
        assertThat(evidence).extracting(Evidence::exposure).containsExactly(Exposure.UNKNOWN_ACCOUNT);
        assertThat(PolicyResources.evaluate(check, resource, PolicyFixtures.raw("[1]"))).isEmpty();
    }
}
