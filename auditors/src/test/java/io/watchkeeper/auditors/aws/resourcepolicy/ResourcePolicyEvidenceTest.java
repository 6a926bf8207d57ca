package io.watchkeeper.auditors.aws.resourcepolicy;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class ResourcePolicyEvidenceTest {

    @Test
    void longPrincipalsGiveBoundedStableKeysAndOneLineMessages() {
        String principal = "arn:aws:iam::999999999999:role/" + "x".repeat(1_000) + "\nsecond line";
        var policy = PolicyFixtures.policy(PolicyFixtures.allow("Long", PolicyFixtures.aws(principal.replace("\n", "\\n"))));
        var evidence = ResourcePolicyEvidence.unknownAccountGrants(policy, new TestContext());
        assertThat(evidence).hasSize(1);
        Evidence e = evidence.getFirst();
        assertThat(e.key()).hasSize(500).startsWith("sid:Long:arn:aws:iam::999999999999:role/xxx");
        assertThat(e.key()).isEqualTo(ResourcePolicyEvidence.unknownAccountGrants(policy, new TestContext()).getFirst().key());
        assertThat(e.message()).doesNotContain("\n").hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void aPrincipalRepeatedInOneStatementIsReportedOnce() {
        var policy = PolicyFixtures.policy("{'Sid':'Twice','Effect':'Allow','Principal':{'AWS':['999999999999','999999999999']},"
                + "'Action':'s3:GetObject','Resource':'*'}");
        assertThat(ResourcePolicyEvidence.unknownAccountGrants(policy, new TestContext())).extracting(Evidence::key)
                .containsExactly("sid:Twice:999999999999");
    }

    @Test
    void aReadingOfNothingIsEmptyAndReadable() {
        var reading = ResourcePolicyEvidence.read(null, new TestContext());
        assertThat(reading.ok()).isTrue();
        assertThat(reading.grants()).isEmpty();
        assertThat(ResourcePolicyEvidence.unparseable(null, new TestContext())).isEmpty();
    }
}
