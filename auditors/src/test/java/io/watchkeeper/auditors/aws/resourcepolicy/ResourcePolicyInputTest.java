package io.watchkeeper.auditors.aws.resourcepolicy;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.config.aws.LambdaFunctionConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile or malformed resource policies, fed to every check of the five resource types: only the
 * unparseable-policy checks report (key {@code unparseable}), the others stay silent and nothing throws.
 */
class ResourcePolicyInputTest {

    private static final String TLS = "{'Sid':'TLS','Effect':'Deny','Principal':'*','Action':'s3:*','Resource':"
            + "['arn:aws:s3:::b','arn:aws:s3:::b/*'],'Condition':{'Bool':{'aws:SecureTransport':'false'}}}";

    /** An otherwise clean item of each type, with the policy under test. */
    private static final Map<String, Function<PolicyDocument, Record>> CLEAN = Map.of(
            "aws.s3.bucket", p -> PolicyFixtures.withPolicy(S3BucketConfig.class, "{'name':'b','aclOwner':'abc','aclGrants':[],"
                    + "'publicAccessBlock':{'blockPublicAcls':true,'ignorePublicAcls':true,'blockPublicPolicy':true,"
                    + "'restrictPublicBuckets':true},'encryption':[{'algorithm':'AES256'}],'versioning':'Enabled',"
                    + "'mfaDelete':'Enabled','logging':{'targetBucket':'logs'},'tags':{}}", p),
            "aws.kms.key", p -> PolicyFixtures.withPolicy(KmsKeyConfig.class, "{'keyId':'k','keyState':'Enabled',"
                    + "'keySpec':'SYMMETRIC_DEFAULT','origin':'AWS_KMS','rotationEnabled':true}", p),
            "aws.sqs.queue", p -> PolicyFixtures.withPolicy(SqsQueueConfig.class, "{'arn':'q','sqsManagedSseEnabled':true}", p),
            "aws.sns.topic", p -> PolicyFixtures.withPolicy(SnsTopicConfig.class,
                    "{'topicArn':'t','owner':'111111111111','subscriptions':[],'kmsMasterKeyId':'alias/aws/sns'}", p),
            "aws.lambda.function", p -> PolicyFixtures.withPolicy(LambdaFunctionConfig.class, "{'functionName':'f'}", p));

    static List<PolicyDocument> hostile() {
        String many = IntStream.range(0, 5_000)
                .mapToObj(i -> "{'Sid':'S" + i + "','Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}")
                .collect(Collectors.joining(","));
        return List.of(
                PolicyFixtures.raw("{\"Version\": \"2012-10-17\", \"Statement\": [ {\"Effect\": "),
                PolicyFixtures.raw("[1, 2, 3]"),
                PolicyFixtures.raw("{\"Statement\": 42}"),
                PolicyFixtures.policy("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
                        + "'Condition':{'StringEqualz':{'aws:SourceAccount':'111111111111'}}}"),
                PolicyFixtures.policy("{'Effect':'Allow','Principal':{'AWS':42},'Action':'*','Resource':'*'}"),
                PolicyFixtures.policy("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
                        + "'Condition':{'StringEquals':{'aws:SourceAccount':true}}}"),
                PolicyFixtures.policy("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
                        + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':{'nested':'object'}}}}"),
                PolicyFixtures.policy(many));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<String, List<String>> keysByCheck(String type, PolicyDocument policy) {
        Map<String, Check> checks = CheckRegistry.discover().all().stream()
                .collect(Collectors.toMap(c -> c.id().id(), c -> (Check) c));
        Record config = CLEAN.get(type).apply(policy);
        return checks.values().stream().filter(c -> c.appliesTo().id().equals(type))
                .collect(Collectors.toMap(c -> c.id().id(), c -> ((List<Evidence>) c.evaluate(config, new TestContext()))
                        .stream().map(Evidence::key).toList()));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void onlyTheUnparseableChecksReportAHostilePolicy(PolicyDocument policy) {
        for (String type : CLEAN.keySet()) {
            Map<String, List<String>> keys = keysByCheck(type, policy);
            assertThat(keys).as(type).containsKey(type + "/unparseable-policy").containsKey(type + "/public-policy");
            keys.forEach((id, found) -> assertThat(found).as(id)
                    .isEqualTo(id.endsWith("/unparseable-policy") ? List.of("unparseable") : List.of()));
        }
    }

    @Test
    void cleanItemsWithAPrivatePolicyPassEveryCheck() {
        PolicyDocument owner = PolicyFixtures.policy(TLS, PolicyFixtures.allow("Owner", PolicyFixtures.aws(TestContext.OWNER)));
        for (String type : CLEAN.keySet()) {
            keysByCheck(type, owner).forEach((id, found) -> assertThat(found).as(id).isEmpty());
        }
    }
}
