package io.watchkeeper.auditors.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.testing.RuleCase;
import io.watchkeeper.core.finding.Check;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every check made from a rule has a failing and a passing (clean or look-alike) example in one of the
 * rule tables, so no rule ships untested; and rule names follow their ids.
 */
class RuleCheckTest {

    static List<RuleCase> allCases() {
        List<RuleCase> all = new ArrayList<>();
        all.addAll(io.watchkeeper.auditors.aws.iam.IamRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.iam.TrustRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.iam.IdentityRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.regional.RegionalServiceRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.ec2.Ec2RulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.elb.LoadBalancerRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.eks.ContainerRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.secretsmanager.SecretRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.efs.EfsRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.rds.RdsRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.kms.KmsRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.sns.SnsRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.s3.S3RulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.cloudtrail.CloudTrailRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.regional.GuardDutyFeatureRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.organizations.ScpGuardrailRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.rds.RdsTlsRulesTest.CASES);
        all.addAll(io.watchkeeper.auditors.aws.secrets.ConfigSecretRulesTest.CASES);
        return all;
    }

    @Test
    void everyRuleHasAFailingAndAPassingExample() {
        List<String> covered = RuleCase.covered(allCases());
        List<String> rules = CheckRegistry.discover().all().stream().filter(c -> c instanceof RuleCheck<?>)
                .map(c -> c.id().id()).sorted().toList();
        assertThat(rules).hasSizeGreaterThan(90);
        assertThat(covered).containsAll(rules);
    }

    @Test
    void namesComeFromIds() {
        assertThat(RuleCheck.nameOf("aws.elbv2.load-balancer/http-listener")).isEqualTo("Elbv2LoadBalancerHttpListener");
        assertThat(RuleCheck.nameOf("aws.iam.root-account/no-mfa")).isEqualTo("IamRootAccountNoMfa");
        for (Check<?> c : CheckRegistry.discover().all()) {
            if (c instanceof RuleCheck<?>) {
                assertThat(c.name()).isEqualTo(RuleCheck.nameOf(c.id().id()));
            }
        }
    }
}
