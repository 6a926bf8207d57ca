package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.trust;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.trustedBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class IamRoleTrustEveryoneCheckTest {

    private final IamRoleTrustEveryoneCheck check = new IamRoleTrustEveryoneCheck();
    private final TestContext context = new TestContext();

    @Test
    void starWithoutARestrictingConditionIsReported() {
        var evidence = check.evaluate(trustedBy(trust("Open", "'*'", null) + "," + trust("AwsStar", "{'AWS':'*'}",
                "{'StringEquals':{'sts:ExternalId':'abc'}}")), context);
        assertThat(evidence).extracting(Evidence::key).containsExactly("sid:Open:*", "sid:AwsStar:*");
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.INTERNET);
        assertThat(evidence.getFirst().message()).isEqualTo("Trust policy statement sid:Open lets * assume the role");
    }

    @Test
    void allowWithNotPrincipalIsEveryone() {
        assertThat(check.evaluate(trustedBy("{'Effect':'Allow','NotPrincipal':{'AWS':'arn:aws:iam::111111111111:root'},"
                + "'Action':'sts:AssumeRole'}"), context)).extracting(Evidence::key).containsExactly("statement:0:NotPrincipal");
    }

    @Test
    void starPinnedToTheOrganisationOrTheOwnerIsNotEveryone() {
        assertThat(check.evaluate(trustedBy(trust("Org", "{'AWS':'*'}",
                "{'StringEquals':{'aws:PrincipalOrgID':'o-abc123'}}")), context)).isEmpty();
        assertThat(check.evaluate(trustedBy(trust("Owner", "'*'",
                "{'StringEquals':{'aws:SourceAccount':'" + TestContext.OWNER + "'}}")), context)).isEmpty();
        assertThat(check.evaluate(trustedBy(trust("Numeric", "'*'",
                "{'StringEquals':{'aws:PrincipalAccount':[111111111111]}}")), context)).as("numbers in a list").isEmpty();
    }

    @Test
    void servicesAccountsDenyAndNonAssumeActionsAreNotEveryone() {
        assertThat(check.evaluate(trustedBy(trust("Svc", "{'Service':['lambda.amazonaws.com','ec2.amazonaws.com']}", null)
                + "," + trust("Friend", "{'AWS':'arn:aws:iam::" + TestContext.FRIENDLY + ":root'}", null)
                + ",{'Effect':'Deny','Principal':'*','Action':'sts:AssumeRole'}"
                + ",{'Effect':'Allow','Principal':'*','Action':'sts:TagSession'}"), context)).isEmpty();
    }
}
