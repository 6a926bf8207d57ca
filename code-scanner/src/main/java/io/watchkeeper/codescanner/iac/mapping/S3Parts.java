package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pieces of an {@link S3BucketConfig} as Terraform's split resources and CloudFormation set
 * them, with the defaults AWS gives a new bucket: Block Public Access all on and ACLs disabled
 * (since April 2023), SSE-S3 default encryption (since January 2023), no versioning, no logging,
 * no policy.
 */
final class S3Parts {

    static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    /** The bucket owner's canonical id in an ACL built from a canned ACL. */
    static final String OWNER = "planned-bucket-owner";

    String name;
    PolicyDocument policy;
    String aclOwner = OWNER;
    List<S3BucketConfig.Grant> grants = canned("private");
    PublicAccessBlock publicAccessBlock = new PublicAccessBlock(true, true, true, true);
    List<S3BucketConfig.EncryptionRule> encryption = List.of(new S3BucketConfig.EncryptionRule("AES256", null, false));
    String versioning;
    String mfaDelete;
    S3BucketConfig.Logging logging;
    String objectOwnership = "BucketOwnerEnforced";
    Map<String, String> tags = Map.of();

    S3BucketConfig build(String region) {
        return new S3BucketConfig(name, region, null, policy, aclOwner, grants, publicAccessBlock, encryption, versioning,
                mfaDelete, logging, objectOwnership, tags);
    }

    /** The grants of a canned ACL (unknown names: the owner only). */
    static List<S3BucketConfig.Grant> canned(String acl) {
        List<S3BucketConfig.Grant> g = new ArrayList<>();
        g.add(new S3BucketConfig.Grant("CanonicalUser", OWNER, "FULL_CONTROL"));
        switch (acl == null ? "private" : acl.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "public-read", "publicread" -> g.add(group(ALL_USERS, "READ"));
            case "public-read-write", "publicreadwrite" -> {
                g.add(group(ALL_USERS, "READ"));
                g.add(group(ALL_USERS, "WRITE"));
            }
            case "authenticated-read", "authenticatedread" -> g.add(group(AUTHENTICATED_USERS, "READ"));
            case "log-delivery-write", "logdeliverywrite" -> {
                g.add(group(LOG_DELIVERY, "WRITE"));
                g.add(group(LOG_DELIVERY, "READ_ACP"));
            }
            default -> { }
        }
        return g;
    }

    static S3BucketConfig.Grant group(String uri, String permission) {
        return new S3BucketConfig.Grant("Group", uri, permission);
    }

    /** Versioning status as S3 reports it (Enabled, Suspended), from Terraform's or CloudFormation's spelling. */
    static String status(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "enabled", "true" -> "Enabled";
            case "suspended" -> "Suspended";
            case "disabled", "false" -> null;
            default -> s;
        };
    }
}
