package io.watchkeeper.auditors.aws.resourcepolicy;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the resource-policy checks on real-shaped policies (the shapes of AWS's
 * own examples and of policies seen in the field). Each case comes as a pair: the exposed variant is
 * reported, the restricted one is not. The cases named "missed" were not reported before the policy
 * evaluator; those named "flagged" were reported although AWS would not let the caller in.
 */
class PolicySemanticsTest {

    private static final String OWNER = TestContext.OWNER;
    private static final String BUCKET = "{'name':'data','region':'us-east-1','aclOwner':'ownercanonical','aclGrants':[],"
            + "'encryption':[],'tags':{}}";

    private static PolicyDocument doc(String json) {
        return PolicyDocument.parse(json.replace('\'', '"'));
    }

    private static List<Evidence> run(String checkId, Class<? extends Record> type, String config, String policy) {
        @SuppressWarnings("unchecked")
        Check<Record> check = (Check<Record>) (Check<?>) ResourcePolicyChecks.get(checkId);
        return check.evaluate(PolicyFixtures.withPolicy(type, config, doc(policy)), new TestContext());
    }

    static List<Evidence> bucketPublic(String policy) {
        return run("aws.s3.bucket/public-policy", S3BucketConfig.class, BUCKET, policy);
    }

    static List<Evidence> bucketUnknown(String policy) {
        return run("aws.s3.bucket/unknown-account-policy", S3BucketConfig.class, BUCKET, policy);
    }

    static List<Evidence> queuePublic(String policy) {
        return run("aws.sqs.queue/public-policy", SqsQueueConfig.class, "{'arn':'arn:aws:sqs:us-east-1:" + OWNER + ":q'}",
                policy);
    }

    static List<Evidence> topicPublic(String policy) {
        return run("aws.sns.topic/public-policy", SnsTopicConfig.class, "{'arn':'arn:aws:sns:us-east-1:" + OWNER + ":t'}",
                policy);
    }

    static List<Evidence> keyPublic(String policy) {
        return run("aws.kms.key/public-policy", KmsKeyConfig.class, "{'arn':'arn:aws:kms:us-east-1:" + OWNER + ":key/k'}",
                policy);
    }

    private static String readObjects(String condition) {
        return "{'Version':'2012-10-17','Statement':[{'Sid':'Read','Effect':'Allow','Principal':'*',"
                + "'Action':['s3:GetObject','s3:GetObjectVersion'],'Resource':'arn:aws:s3:::data/*'"
                + (condition == null ? "" : ",'Condition':" + condition) + "}]}";
    }

    @Nested
    class ConditionsThatDoNotPinTheCaller {

        /** Missed: aws:ResourceAccount is the bucket's own account, true for every caller. */
        @Test
        void resourceAccountIsNotTheCallersAccount() {
            assertThat(bucketPublic(readObjects("{'StringEquals':{'aws:ResourceAccount':'" + OWNER + "'}}")))
                    .extracting(Evidence::key).containsExactly("sid:Read:*");
            assertThat(bucketPublic(readObjects("{'StringEquals':{'aws:PrincipalAccount':'" + OWNER + "'}}"))).isEmpty();
        }

        /** Missed: a wildcard organisation id matches every organisation. */
        @Test
        void anyOrganisationIsNotTheOrganisation() {
            var evidence = bucketPublic(readObjects("{'StringLike':{'aws:PrincipalOrgID':'o-*'}}"));
            assertThat(evidence).extracting(Evidence::key).containsExactly("sid:Read:* if aws:PrincipalOrgID o-*");
            assertThat(evidence.getFirst().message()).contains("any AWS principal");
            assertThat(bucketPublic(readObjects("{'StringLike':{'aws:PrincipalOrgPaths':'o-a1b2c3d4e5/r-ab12/ou-ab12-*'}}")))
                    .isEmpty();
        }

        /** Missed (reported as an unknown account): a wildcard account matches every account. */
        @Test
        void aWildcardAccountIsEveryAccount() {
            String any = readObjects("{'StringLike':{'aws:PrincipalAccount':'*'}}");
            assertThat(bucketPublic(any)).hasSize(1);
            assertThat(bucketUnknown(any)).isEmpty();
            assertThat(bucketPublic(readObjects("{'StringLike':{'aws:PrincipalArn':'arn:aws:iam::" + OWNER
                    + ":role/ci-*'}}"))).isEmpty();
        }

        /** Missed (reported as an unknown network): two halves of the address space are the internet. */
        @Test
        void sourceAddressesWhoseUnionIsTheInternetPinNobody() {
            var halves = bucketPublic(readObjects("{'IpAddress':{'aws:SourceIp':['0.0.0.0/1','128.0.0.0/1']}}"));
            assertThat(halves).extracting(Evidence::key)
                    .containsExactly("sid:Read:* if aws:SourceIp 0.0.0.0/1,128.0.0.0/1");
            assertThat(halves.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
            assertThat(bucketUnknown(readObjects("{'IpAddress':{'aws:SourceIp':['0.0.0.0/1','128.0.0.0/1']}}"))).isEmpty();
            var half = bucketUnknown(readObjects("{'IpAddress':{'aws:SourceIp':'0.0.0.0/1'}}"));
            assertThat(half).as("half the internet is an unknown network").hasSize(1);
            assertThat(half.getFirst().message()).contains("unknown network");
            assertThat(bucketPublic(readObjects("{'IpAddress':{'aws:SourceIp':'" + TestContext.OFFICE + "'}}"))).isEmpty();
        }

        @Test
        void ipv6EverywhereIsPublic() {
            assertThat(bucketPublic(readObjects("{'IpAddress':{'aws:SourceIp':['" + TestContext.OFFICE + "','::/0']}}")))
                    .hasSize(1);
            assertThat(bucketPublic(readObjects("{'IpAddress':{'aws:SourceIp':['2000::/3']}}"))).hasSize(1);
            assertThat(bucketPublic(readObjects("{'IpAddress':{'aws:SourceIp':['2001:db8::/32']}}"))).isEmpty();
        }

        @Test
        void ifExistsNullForAllValuesAndSecureTransportNeverPin() {
            for (String open : List.of("{'StringEqualsIfExists':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}",
                    "{'Null':{'aws:PrincipalOrgID':'false'}}",
                    "{'ForAllValues:StringLike':{'aws:PrincipalOrgPaths':['o-a1b2c3d4e5/*']}}",
                    "{'Bool':{'aws:SecureTransport':'true'}}",
                    "{'StringNotEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}")) {
                assertThat(bucketPublic(readObjects(open))).as(open).hasSize(1);
            }
            for (String pinned : List.of("{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}",
                    "{'ForAnyValue:StringLike':{'aws:PrincipalOrgPaths':['o-a1b2c3d4e5/*']}}",
                    "{'Bool':{'aws:SecureTransport':'true'},'StringEquals':{'aws:SourceVpce':'vpce-0a1b2c3d'}}")) {
                assertThat(bucketPublic(readObjects(pinned))).as(pinned).isEmpty();
            }
        }

        /** Flagged: AWS reads numbers in condition values as strings, so a list of account numbers pins. */
        @Test
        void numericAccountListsPin() {
            assertThat(queuePublic("{'Statement':[{'Effect':'Allow','Principal':'*','Action':'sqs:SendMessage',"
                    + "'Resource':'*','Condition':{'StringEquals':{'aws:SourceAccount':[" + OWNER + "]}}}]}")).isEmpty();
            assertThat(queuePublic("{'Statement':[{'Effect':'Allow','Principal':'*','Action':'sqs:SendMessage',"
                    + "'Resource':'*','Condition':{'NumericEquals':{'aws:SourceAccount':[" + OWNER + "]}}}]}")).hasSize(1);
        }

        /** Flagged: only AWS services acting as themselves (the documented data-perimeter exception). */
        @Test
        void awsServicesOnly() {
            assertThat(topicPublic("{'Statement':[{'Sid':'Svc','Effect':'Allow','Principal':'*','Action':'sns:Publish',"
                    + "'Resource':'*','Condition':{'Bool':{'aws:PrincipalIsAWSService':'true'}}}]}")).isEmpty();
            assertThat(topicPublic("{'Statement':[{'Sid':'Svc','Effect':'Allow','Principal':'*','Action':'sns:Publish',"
                    + "'Resource':'*','Condition':{'Bool':{'aws:PrincipalIsAWSService':'false'}}}]}")).hasSize(1);
        }
    }

    @Nested
    class DenyNarrowsAllow {

        /** The data-perimeter shape: allow everyone, deny whoever is outside the organisation. */
        private static final String PERIMETER = "{'Version':'2012-10-17','Statement':["
                + "{'Sid':'Read','Effect':'Allow','Principal':'*','Action':['s3:GetObject','s3:PutObject'],'Resource':'arn:aws:s3:::data/*'},"
                + "{'Sid':'OrgOnly','Effect':'Deny','Principal':'*','Action':'s3:*','Resource':['arn:aws:s3:::data','arn:aws:s3:::data/*'],"
                + "'Condition':{'StringNotEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'},'BoolIfExists':{'aws:PrincipalIsAWSService':'false'}}}]}";

        /** Flagged: the Deny lets only the organisation (and AWS services) through. */
        @Test
        void anOrganisationPerimeterDenyIsNotPublic() {
            assertThat(bucketPublic(PERIMETER)).isEmpty();
            assertThat(bucketUnknown(PERIMETER)).isEmpty();
        }

        @Test
        void aDenyThatPinsNobodyOrMissesSomeActionsOrResourcesLeavesThemPublic() {
            String tlsOnly = PERIMETER.replace("'StringNotEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'},'BoolIfExists':{'aws:PrincipalIsAWSService':'false'}",
                    "'Bool':{'aws:SecureTransport':'false'}");
            assertThat(bucketPublic(tlsOnly)).extracting(Evidence::key).containsExactly("sid:Read:*");
            String putOnly = PERIMETER.replace("'Action':'s3:*'", "'Action':'s3:PutObject'");
            var reads = bucketPublic(putOnly);
            assertThat(reads).extracting(Evidence::key).containsExactly("sid:Read:*");
            assertThat(reads.getFirst().details().get("actions").toString()).contains("s3:GetObject").doesNotContain("PutObject");
            String bucketOnly = PERIMETER.replace("['arn:aws:s3:::data','arn:aws:s3:::data/*']", "'arn:aws:s3:::data'");
            assertThat(bucketPublic(bucketOnly)).as("objects are not the bucket").hasSize(1);
        }

        /** Flagged: a Deny for everyone outside the office and the VPC endpoint. */
        @Test
        void aNetworkPerimeterDenyNarrowsToTheNetwork() {
            String deny = "{'Statement':[{'Sid':'Read','Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::data/*'},"
                    + "{'Sid':'Office','Effect':'Deny','Principal':'*','Action':'*','Resource':'*',"
                    + "'Condition':{'NotIpAddress':{'aws:SourceIp':'%s'}}}]}";
            assertThat(bucketPublic(deny.formatted(TestContext.OFFICE))).isEmpty();
            var stranger = bucketUnknown(deny.formatted("198.51.7.0/24"));
            assertThat(stranger).extracting(Evidence::key)
                    .containsExactly("sid:Read:* if aws:SourceIp 198.51.7.0/24 (sid:Office)");
            assertThat(bucketPublic(deny.formatted("0.0.0.0/0"))).as("a deny outside everywhere denies nothing").hasSize(1);
        }

        /** Flagged: Deny with NotPrincipal leaves only the named principals. */
        @Test
        void aDenyForEveryoneButNamedPrincipals() {
            String policy = "{'Statement':[{'Sid':'Keys','Effect':'Allow','Principal':'*','Action':'kms:*','Resource':'*'},"
                    + "{'Sid':'OnlyUs','Effect':'Deny','NotPrincipal':{'AWS':['arn:aws:iam::" + OWNER + ":root',"
                    + "'arn:aws:iam::" + TestContext.FRIENDLY + ":role/app']},'Action':'kms:*','Resource':'*'}]}";
            assertThat(keyPublic(policy)).isEmpty();
            assertThat(keyPublic(policy.replace(TestContext.FRIENDLY, TestContext.UNKNOWN))).isEmpty();
            assertThat(run("aws.kms.key/unknown-account-policy", KmsKeyConfig.class, "{}",
                    policy.replace(TestContext.FRIENDLY, TestContext.UNKNOWN))).hasSize(1);
        }

        @Test
        void anUnconditionalDenyOfANamedAccountTakesItsGrantAway() {
            String policy = "{'Statement':[{'Sid':'Vendor','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + TestContext.UNKNOWN
                    + ":role/reader'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::data/*'}%s]}";
            assertThat(bucketUnknown(policy.formatted(""))).hasSize(1);
            assertThat(bucketUnknown(policy.formatted(",{'Effect':'Deny','Principal':{'AWS':'" + TestContext.UNKNOWN
                    + "'},'Action':'s3:*','Resource':'*'}"))).isEmpty();
        }
    }

    @Nested
    class NotPrincipalNotActionNotResource {

        /** Flagged: Allow with NotPrincipal is everyone, unless a condition pins the caller. */
        @Test
        void allowNotPrincipalFollowsItsConditions() {
            String policy = "{'Statement':[{'Effect':'Allow','NotPrincipal':{'AWS':'arn:aws:iam::" + TestContext.UNKNOWN
                    + ":root'},'Action':'sqs:SendMessage','Resource':'*'%s}]}";
            assertThat(queuePublic(policy.formatted(""))).extracting(Evidence::key).containsExactly("statement:0:NotPrincipal");
            assertThat(queuePublic(policy.formatted(",'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}")))
                    .isEmpty();
        }

        @Test
        void notActionAllowIsTakenAwayOnlyByADenyCoveringEverythingItAllows() {
            String allow = "{'Sid':'AllButDelete','Effect':'Allow','Principal':'*','NotAction':'%s','Resource':'*'}";
            String deny = ",{'Effect':'Deny','Principal':'*','%s':'%s','Resource':'*'}";
            assertThat(queuePublic("{'Statement':[" + allow.formatted("sqs:DeleteQueue") + deny.formatted("Action", "sqs:Send*")
                    + "]}")).extracting(Evidence::key).containsExactly("sid:AllButDelete:*");
            assertThat(queuePublic("{'Statement':[" + allow.formatted("sqs:DeleteQueue") + deny.formatted("NotAction",
                    "sqs:Delete*") + "]}")).as("sqs:DeleteMessage is allowed and not denied").hasSize(1);
            assertThat(queuePublic("{'Statement':[" + allow.formatted("sqs:Delete*") + deny.formatted("NotAction",
                    "sqs:DeleteQueue") + "]}")).as("what the Deny spares, the Allow excludes").isEmpty();
            assertThat(queuePublic("{'Statement':[" + allow.formatted("sqs:Delete*") + deny.formatted("Action", "*")
                    + "]}")).isEmpty();
        }

        @Test
        void notResourceDenyCoversWhatItDoesNotExclude() {
            String policy = "{'Statement':[{'Sid':'Read','Effect':'Allow','Principal':'*','Action':'s3:GetObject',"
                    + "'Resource':'arn:aws:s3:::data/public/*'},{'Effect':'Deny','Principal':'*','Action':'s3:GetObject',"
                    + "'NotResource':'%s'}]}";
            assertThat(bucketPublic(policy.formatted("arn:aws:s3:::data/private/*"))).isEmpty();
            assertThat(bucketPublic(policy.formatted("arn:aws:s3:::data/*"))).hasSize(1);
        }
    }
}
