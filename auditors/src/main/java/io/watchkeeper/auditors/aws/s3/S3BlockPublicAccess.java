package io.watchkeeper.auditors.aws.s3;

import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3AccountPublicAccessBlockConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The Block Public Access in force for a bucket: each setting is on when the bucket's or the account's is. */
public final class S3BlockPublicAccess {

    public static final ResourceType ACCOUNT = ResourceType.of("aws.s3.account-public-access-block");

    private S3BlockPublicAccess() {}

    /** The account-level settings of the bucket's account (none when not collected or not configured). */
    static List<PublicAccessBlock> account(AuditContext context) {
        List<PublicAccessBlock> out = new ArrayList<>();
        for (var item : context.related(ACCOUNT, S3AccountPublicAccessBlockConfig.class)) {
            if (item.config() != null && item.config().settings() != null) {
                out.add(item.config().settings());
            }
        }
        return out;
    }

    /** The effective settings: bucket OR account, per setting. */
    static PublicAccessBlock effective(S3BucketConfig bucket, AuditContext context) {
        List<PublicAccessBlock> all = new ArrayList<>(account(context));
        if (bucket.publicAccessBlock() != null) {
            all.add(bucket.publicAccessBlock());
        }
        return new PublicAccessBlock(any(all, PublicAccessBlock::blockPublicAcls),
                any(all, PublicAccessBlock::ignorePublicAcls),
                any(all, PublicAccessBlock::blockPublicPolicy), any(all, PublicAccessBlock::restrictPublicBuckets));
    }

    /** Whether RestrictPublicBuckets is on: a public policy then only lets in the account and AWS services. */
    public static boolean restrictsPublicBuckets(S3BucketConfig bucket, AuditContext context) {
        return effective(bucket, context).restrictPublicBuckets();
    }

    private static Boolean any(List<PublicAccessBlock> all, Function<PublicAccessBlock, Boolean> setting) {
        return all.stream().anyMatch(p -> Boolean.TRUE.equals(setting.apply(p)));
    }
}
