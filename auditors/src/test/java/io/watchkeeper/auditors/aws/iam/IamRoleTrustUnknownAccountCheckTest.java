package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.trust;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.trustedBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class IamRoleTrustUnknownAccountCheckTest {

    private final IamRoleTrustUnknownAccountCheck check = new IamRoleTrustUnknownAccountCheck();
    private final TestContext context = new TestContext();

    @Test
    void anUnknownAccountIsReported() {
        String unknownRoot = "arn:aws:iam::" + TestContext.UNKNOWN + ":root";
        var evidence = check.evaluate(trustedBy(trust("Vendor", "{'AWS':['" + TestContext.FRIENDLY + "','" + unknownRoot
                + "']}", null) + "," + trust("Pinned", "'*'", "{'StringEquals':{'aws:SourceAccount':'"
                + TestContext.UNKNOWN + "'}}")), context);
        assertThat(evidence).extracting(Evidence::key).containsExactly("sid:Vendor:" + unknownRoot,
                "sid:Pinned:* if aws:SourceAccount " + TestContext.UNKNOWN);
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.UNKNOWN_ACCOUNT);
    }

    @Test
    void friendlySameThirdPartyServiceEveryoneAndDeletedPrincipalsAreNotUnknown() {
        assertThat(check.evaluate(trustedBy(trust("Friend", "{'AWS':'arn:aws:iam::" + TestContext.FRIENDLY + ":root'}", null)
                + "," + trust("Same", "{'AWS':'arn:aws:iam::" + TestContext.OWNER + ":role/ci'}", null)
                + "," + trust("Vendor", "{'AWS':'" + TestContext.THIRD_PARTY + "'}",
                        "{'StringEquals':{'sts:ExternalId':'x'}}")
                + "," + trust("Svc", "{'Service':'ecs-tasks.amazonaws.com'}", null)
                + "," + trust("Org", "'*'", "{'StringEquals':{'aws:PrincipalOrgID':'o-abc123'}}")
                + "," + trust("World", "'*'", null)
                + "," + trust("Deleted", "{'AWS':'AROA2EXAMPLE7EXAMPLE5'}", null)), context)).isEmpty();
    }
}
