package io.watchkeeper.auditors.aws.resourcepolicy;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.aws;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.condition;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The public-policy check of every type with a resource policy (the per-type tests add each type's own cases). */
class PublicPolicyCheckTest {

    static java.util.stream.Stream<PolicyResource<?>> resources() {
        return PolicyResources.all();
    }

    @ParameterizedTest
    @MethodSource("resources")
    void describesItselfFromTheEntry(PolicyResource<?> resource) {
        var check = new PublicPolicyCheck<>(resource);
        assertThat(check.id().id()).isEqualTo(resource.type().id() + "/public-policy");
        assertThat(check.appliesTo()).isEqualTo(resource.type());
        assertThat(check.configType()).isEqualTo(resource.configType());
        assertThat(check.name()).isEqualTo(resource.name() + "PublicPolicy");
        assertThat(check.severity()).isEqualTo(resource.publicSeverity());
        assertThat(check.title()).isEqualTo(resource.noun() + " policy grants access to everyone");
        assertThat(check.rationale()).endsWith("lets anyone " + resource.impact() + ".");
        assertThat(check.remediation()).isEqualTo(resource.publicRemediation());
        assertThat(check.controls()).isEqualTo(resource.publicControls());
        assertThat(check.dependsOn()).isEqualTo(resource.publicCutDependsOn());
    }

    @ParameterizedTest
    @MethodSource("resources")
    void reportsEachGrantToEveryoneAndNothingElse(PolicyResource<?> resource) {
        var check = new PublicPolicyCheck<>(resource);
        var evidence = PolicyResources.evaluate(check, resource, policy(allow("Public", "'*'"),
                allow("Owner", aws(TestContext.OWNER)), allow("Stranger", aws(TestContext.UNKNOWN)),
                allow("Org", "'*'", condition("StringEquals", "aws:PrincipalOrgID", "o-abc123"))));
        assertThat(evidence).extracting(Evidence::key).containsExactly("sid:Public:*");
        assertThat(evidence).extracting(Evidence::exposure).containsExactly(Exposure.INTERNET);
        assertThat(PolicyResources.evaluate(check, resource, null)).isEmpty();
        assertThat(PolicyResources.evaluate(check, resource, PolicyFixtures.raw("{\"Statement\": 42}"))).isEmpty();
    }
}
