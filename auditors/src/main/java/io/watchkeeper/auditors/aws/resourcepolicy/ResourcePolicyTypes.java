package io.watchkeeper.auditors.aws.resourcepolicy;

import io.watchkeeper.auditors.aws.s3.S3BlockPublicAccess;
import io.watchkeeper.core.config.aws.EcrRepositoryConfig;
import io.watchkeeper.core.config.aws.EfsFileSystemConfig;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.config.aws.LambdaFunctionConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.SecretsManagerSecretConfig;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/**
 * The resource types with a resource policy. Each entry gives three checks (public, unknown
 * account, unparseable; see {@link ResourcePolicyChecks}); a new type with a policy is one entry.
 */
public final class ResourcePolicyTypes {

    /** CloudFront origin access identities are the bucket's own readers. */
    private static final String CLOUDFRONT_OAI = "arn:aws:iam::cloudfront:user/";

    public static final List<PolicyResource<?>> ALL = List.of(
            PolicyResource.of("aws.s3.bucket", S3BucketConfig.class, S3BucketConfig::policy, "S3Bucket", "S3 bucket",
                            "bucket", "reach the bucket's data", Severity.CRITICAL,
                            "Name the principals that need access, or add an aws:PrincipalOrgID / aws:SourceVpce condition; "
                                    + "turn on Block Public Access (RestrictPublicBuckets and BlockPublicPolicy).")
                    .withPublicControls("CIS-AWS-3.0:2.1.4")
                    .withPublicCut(S3BlockPublicAccess::restrictsPublicBuckets, S3BlockPublicAccess.ACCOUNT)
                    .withOwnPrincipals((bucket, principal) -> principal.equals(bucket.aclOwner())
                            || principal.startsWith(CLOUDFRONT_OAI)),
            PolicyResource.of("aws.sqs.queue", SqsQueueConfig.class, SqsQueueConfig::policy, "SqsQueue", "SQS queue",
                    "queue", "read, send or delete its messages", Severity.CRITICAL,
                    "Name the principals that need the queue, or pin Principal * with aws:SourceArn, "
                            + "aws:SourceAccount or aws:PrincipalOrgID."),
            PolicyResource.of("aws.sns.topic", SnsTopicConfig.class, SnsTopicConfig::policy, "SnsTopic", "SNS topic",
                    "topic", "publish to it or subscribe to its messages", Severity.CRITICAL,
                    "Name the principals that need the topic, or pin Principal * with aws:SourceOwner, "
                            + "aws:SourceAccount or aws:PrincipalOrgID."),
            PolicyResource.of("aws.lambda.function", LambdaFunctionConfig.class, LambdaFunctionConfig::policy,
                    "LambdaFunction", "Lambda function", "function", "invoke or change the function", Severity.CRITICAL,
                    "Remove the permission (lambda remove-permission), or pin it with aws:SourceArn / "
                            + "aws:SourceAccount / aws:PrincipalOrgID."),
            PolicyResource.of("aws.kms.key", KmsKeyConfig.class, KmsKeyConfig::policy, "KmsKey", "KMS key", "key",
                    "decrypt data and sign with the key", Severity.CRITICAL,
                    "Name the principals that need the key, or pin Principal * with kms:CallerAccount or "
                            + "aws:PrincipalOrgID."),
            PolicyResource.of("aws.ecr.repository", EcrRepositoryConfig.class, EcrRepositoryConfig::policy,
                    "EcrRepository", "ECR repository", "repository", "pull (or push) its images", Severity.CRITICAL,
                    "Name the accounts that pull the images, or pin Principal * with aws:PrincipalOrgID; remove "
                            + "ecr:Put* and ecr:Upload* grants to other accounts."),
            PolicyResource.of("aws.secretsmanager.secret", SecretsManagerSecretConfig.class,
                    SecretsManagerSecretConfig::policy, "SecretsManagerSecret", "secret", "secret",
                    "read the secret's value", Severity.CRITICAL,
                    "Remove the statement, or name the principals that need the secret; pin Principal * with "
                            + "aws:PrincipalOrgID or aws:SourceVpce."),
            PolicyResource.of("aws.efs.file-system", EfsFileSystemConfig.class, EfsFileSystemConfig::policy,
                    "EfsFileSystem", "EFS file system", "file system", "mount, read or write it", Severity.CRITICAL,
                    "Name the principals that mount the file system, or pin Principal * with aws:SourceVpc / "
                            + "aws:PrincipalOrgID; mount targets stay reachable only from their security groups."));

    private ResourcePolicyTypes() {}
}
