package io.watchkeeper.auditors;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Today's CIS AWS 3.0 mappings, as the benchmark's audit procedures define them. */
class ControlMappingTest {

    private final CheckRegistry registry = CheckRegistry.discover();

    private Check<?> check(String id) {
        return registry.all().stream().filter(c -> c.id().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void snapshotEncryptionIsNotTheEbsDefaultEncryptionSetting() {
        assertThat(check("aws.ec2.snapshot/unencrypted").controls()).doesNotContain("CIS-AWS-3.0:2.2.1");
    }

    @Test
    void instanceRolesAreAManualRecommendationSoNoCheckClaimsIt() {
        assertThat(registry.all()).allSatisfy(c -> assertThat(c.controls()).as(c.id().id()).doesNotContain("CIS-AWS-3.0:1.18"));
    }

    @Test
    void everyPublicPolicyCheckHasTheSameSeverity() {
        List<Check<?>> publicPolicies = registry.all().stream().filter(c -> c.id().id().endsWith("/public-policy")).toList();
        assertThat(publicPolicies).extracting(c -> c.id().id()).contains("aws.sns.topic/public-policy", "aws.s3.bucket/public-policy");
        assertThat(publicPolicies).extracting(Check::severity).containsOnly(Severity.CRITICAL);
    }

    @Test
    void cis31IsDecidedForTheAccountByOneCheck() {
        assertThat(registry.all().stream().filter(c -> c.controls().contains("CIS-AWS-3.0:3.1")).map(c -> c.id().id()))
                .containsExactly("aws.cloudtrail.trail/no-multi-region-management-trail");
    }
}
