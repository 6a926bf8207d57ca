package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.trust;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.trustedBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the trust checks on real-shaped trust policies, in pairs: the exposed
 * variant is reported, the restricted one is not. "Missed" cases were not reported before the policy
 * evaluator; "flagged" ones were reported although AWS would not let the caller assume the role.
 */
class TrustPolicySemanticsTest {

    private final IamRoleTrustEveryoneCheck everyone = new IamRoleTrustEveryoneCheck();
    private final IamRoleTrustUnknownAccountCheck unknown = new IamRoleTrustUnknownAccountCheck();
    private final TestContext context = new TestContext();

    private static final String GITHUB = "arn:aws:iam::" + TestContext.OWNER
            + ":oidc-provider/token.actions.githubusercontent.com";

    private static String web(String sid, String provider, String condition) {
        return "{'Sid':'" + sid + "','Effect':'Allow','Principal':{'Federated':'" + provider + "'},"
                + "'Action':'sts:AssumeRoleWithWebIdentity'" + (condition == null ? "" : ",'Condition':" + condition) + "}";
    }

    private List<Evidence> everyone(String statements) {
        return everyone.evaluate(trustedBy(statements), context);
    }

    /** Missed: any GitHub workflow in the world can get a token for this provider. */
    @Test
    void gitHubActionsWithoutASubjectPinIsEveryone() {
        var evidence = everyone(web("GitHub", GITHUB,
                "{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'}}"));
        assertThat(evidence).extracting(Evidence::key).containsExactly("sid:GitHub:" + GITHUB);
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(evidence.getFirst().message()).contains("token.actions.githubusercontent.com:sub");
        assertThat(everyone(web("GitHub", GITHUB, null))).hasSize(1);
        assertThat(everyone(web("GitHub", GITHUB, "{'StringLike':{'token.actions.githubusercontent.com:sub':'repo:*'}}")))
                .as("every repository").hasSize(1);
        assertThat(everyone(web("GitHub", GITHUB,
                "{'StringLikeIfExists':{'token.actions.githubusercontent.com:sub':'repo:acme/app:*'}}"))).hasSize(1);
    }

    @Test
    void gitHubActionsPinnedToARepositoryOrOrganisationIsFine() {
        assertThat(everyone(web("GitHub", GITHUB, "{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com',"
                + "'token.actions.githubusercontent.com:sub':'repo:acme/app:ref:refs/heads/main'}}"))).isEmpty();
        assertThat(everyone(web("GitHub", GITHUB, "{'StringLike':{'token.actions.githubusercontent.com:sub':"
                + "['repo:acme/app:*','repo:acme/infra:environment:prod']}}"))).isEmpty();
    }

    @Test
    void cognitoIdentityPoolsArePinnedByTheirAudience() {
        assertThat(everyone(web("Cognito", "cognito-identity.amazonaws.com",
                "{'ForAnyValue:StringLike':{'cognito-identity.amazonaws.com:amr':'authenticated'}}"))).hasSize(1);
        assertThat(everyone(web("Cognito", "cognito-identity.amazonaws.com",
                "{'StringEquals':{'cognito-identity.amazonaws.com:aud':'us-east-1:12345678-abcd-abcd-abcd-123456789012'},"
                        + "'ForAnyValue:StringLike':{'cognito-identity.amazonaws.com:amr':'authenticated'}}"))).isEmpty();
    }

    @Test
    void privateIssuersAreNotTheInternet() {
        assertThat(everyone(web("Eks", "arn:aws:iam::" + TestContext.OWNER
                + ":oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789", null))).isEmpty();
        assertThat(everyone("{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::" + TestContext.OWNER
                + ":saml-provider/Okta'},'Action':'sts:AssumeRoleWithSAML'}")).isEmpty();
    }

    /** Missed (reported as an unknown account): a principal ARN whose account is a wildcard is every account. */
    @Test
    void aPrincipalArnWithAWildcardAccountIsEveryone() {
        String open = trust("Deployers", "{'AWS':'*'}", "{'StringLike':{'aws:PrincipalArn':'arn:aws:iam::*:role/deployer'}}");
        assertThat(everyone(open)).extracting(Evidence::key)
                .containsExactly("sid:Deployers:* if aws:PrincipalArn arn:aws:iam::*:role/deployer");
        assertThat(unknown.evaluate(trustedBy(open), context)).isEmpty();
        assertThat(everyone(trust("Deployers", "{'AWS':'*'}",
                "{'StringLike':{'aws:PrincipalArn':'arn:aws:iam::" + TestContext.OWNER + ":role/deployer*'}}"))).isEmpty();
    }

    /** Missed: aws:ResourceAccount is the role's account for every caller. */
    @Test
    void theResourceAccountPinsNobody() {
        assertThat(everyone(trust("Any", "{'AWS':'*'}", "{'StringEquals':{'aws:ResourceAccount':'" + TestContext.OWNER + "'}}")))
                .hasSize(1);
        assertThat(everyone(trust("Any", "{'AWS':'*'}", "{'StringEquals':{'aws:PrincipalAccount':'" + TestContext.OWNER + "'}}")))
                .isEmpty();
    }

    /** Flagged: a Deny for callers outside the organisation makes AWS:* the organisation. */
    @Test
    void aDenyOutsideTheOrganisationNarrowsTheTrust() {
        String allow = trust("Org", "{'AWS':'*'}", null);
        String deny = ",{'Sid':'OutsideOrg','Effect':'Deny','Principal':'*','Action':'sts:*','Condition':"
                + "{'StringNotEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}}";
        assertThat(everyone(allow + deny)).isEmpty();
        assertThat(everyone(allow + deny.replace("'sts:*'", "'sts:TagSession'"))).as("a Deny for another action")
                .extracting(Evidence::key).containsExactly("sid:Org:*");
        assertThat(everyone(allow + deny.replace("StringNotEquals", "StringEquals"))).as("denying the organisation")
                .hasSize(1);
    }
}
