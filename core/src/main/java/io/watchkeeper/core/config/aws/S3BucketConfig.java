package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.model.PolicyDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An S3 bucket ({@code aws.s3.bucket}).
 *
 * @param name bucket name
 * @param region the bucket's region
 * @param createdAt creation time
 * @param policy bucket policy, or null when there is none
 * @param aclOwner canonical id of the ACL owner
 * @param aclGrants ACL grants, sorted
 * @param publicAccessBlock bucket-level Block Public Access, or null when not configured
 * @param encryption default encryption rules (empty when none)
 * @param versioning Enabled, Suspended, or null when never enabled
 * @param mfaDelete Enabled, Disabled or null
 * @param logging access logging target, or null when off
 * @param objectOwnership BucketOwnerEnforced, BucketOwnerPreferred, ObjectWriter or null
 * @param tags bucket tags
 */
public record S3BucketConfig(
        String name,
        String region,
        Instant createdAt,
        PolicyDocument policy,
        String aclOwner,
        List<Grant> aclGrants,
        PublicAccessBlock publicAccessBlock,
        List<EncryptionRule> encryption,
        String versioning,
        String mfaDelete,
        Logging logging,
        String objectOwnership,
        Map<String, String> tags) {

    /**
     * One ACL grant.
     *
     * @param granteeType CanonicalUser, Group or AmazonCustomerByEmail
     * @param grantee canonical id, group URI or e-mail
     * @param permission READ, WRITE, READ_ACP, WRITE_ACP or FULL_CONTROL
     */
    public record Grant(String granteeType, String grantee, String permission) {}

    /** One default-encryption rule. */
    public record EncryptionRule(String algorithm, String kmsKeyId, Boolean bucketKeyEnabled) {}

    /** Where access logs go. */
    public record Logging(String targetBucket, String targetPrefix) {}
}
