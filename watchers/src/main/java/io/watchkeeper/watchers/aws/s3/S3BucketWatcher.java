package io.watchkeeper.watchers.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.Grant;

/**
 * S3 buckets with policy, ACL, Block Public Access, encryption, versioning, logging, ownership and
 * tags. AWS has no batch read of bucket configuration, so each bucket costs up to nine calls; two are
 * skipped when their answer is already known: the location when ListBuckets names the bucket's
 * region (it does when the request carries a parameter, here max-buckets), and the ACL when Object
 * Ownership is BucketOwnerEnforced (ACLs are disabled and AWS documents that reading one "always
 * returns a response that shows full control for the bucket owner", the owner ListBuckets names).
 * The per-bucket calls go straight to the bucket's region (the client of that region): the
 * cross-region client would send each bucket's first call to the home region and follow the
 * redirect. A bucket that moved region between the list and its reads is unreadable for that run;
 * a region that is not a well-formed region name is read through the cross-region client.
 */
@AutoService(Watcher.class)
public final class S3BucketWatcher extends AwsWatcher<S3BucketConfig> {

    public S3BucketWatcher() {
        super("aws.s3.bucket", S3BucketConfig.class, ScopeKind.GLOBAL, "s3:ListAllMyBuckets", "s3:GetBucketLocation",
                "s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:GetBucketPublicAccessBlock", "s3:GetEncryptionConfiguration",
                "s3:GetBucketVersioning", "s3:GetBucketLogging", "s3:GetBucketOwnershipControls", "s3:GetBucketTagging");
    }

    @Override
    protected List<Observation<S3BucketConfig>> observe(WatchScope scope, AwsSession aws) {
        S3Client s3 = aws.s3();
        List<ListBucketsResponse> pages = s3.listBucketsPaginator(r -> r.maxBuckets(1000)).stream().toList();
        String owner = pages.stream().map(ListBucketsResponse::owner).filter(o -> o != null && o.id() != null)
                .map(o -> o.id()).findFirst().orElse(null);
        List<Bucket> buckets = pages.stream().flatMap(p -> p.buckets().stream()).toList();
        return describeEach(buckets, b -> "arn:aws:s3:::" + b.name(), Bucket::name, b -> {
            S3BucketConfig config = describe(s3, aws, b, owner);
            return new Observation.Observed<>("arn:aws:s3:::" + b.name(), b.name(), config.region(), config);
        });
    }

    private static S3BucketConfig describe(S3Client home, AwsSession aws, Bucket bucket, String listedOwner) {
        String name = bucket.name();
        String region = bucket.bucketRegion() != null && !bucket.bucketRegion().isBlank() ? bucket.bucketRegion()
                : region(home.getBucketLocation(r -> r.bucket(name)).locationConstraintAsString());
        // the region names a host: only a well-formed region gets a client of its own
        S3Client s3 = plausibleRegion(region) ? aws.s3(region) : home;
        var policy = orNull(() -> s3.getBucketPolicy(r -> r.bucket(name)).policy(), "NoSuchBucketPolicy");
        var ownership = orNull(() -> s3.getBucketOwnershipControls(r -> r.bucket(name)).ownershipControls(),
                "OwnershipControlsNotFoundError");
        String objectOwnership = ownership == null || ownership.rules().isEmpty() ? null
                : ownership.rules().getFirst().objectOwnershipAsString();
        Acl acl = "BucketOwnerEnforced".equals(objectOwnership) && listedOwner != null
                ? new Acl(listedOwner, List.of(new S3BucketConfig.Grant("CanonicalUser", listedOwner, "FULL_CONTROL")))
                : Acl.of(s3.getBucketAcl(r -> r.bucket(name)));
        var pab = orNull(() -> s3.getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration(),
                "NoSuchPublicAccessBlockConfiguration");
        var encryption = orNull(() -> s3.getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration(),
                "ServerSideEncryptionConfigurationNotFoundError");
        var versioning = s3.getBucketVersioning(r -> r.bucket(name));
        var logging = s3.getBucketLogging(r -> r.bucket(name)).loggingEnabled();
        var tagSet = orNull(() -> s3.getBucketTagging(r -> r.bucket(name)).tagSet(), "NoSuchTagSet");
        return new S3BucketConfig(
                name,
                region,
                bucket.creationDate(),
                PolicyDocument.parse(policy),
                acl.owner(),
                acl.grants(),
                pab == null ? null : new PublicAccessBlock(pab.blockPublicAcls(), pab.ignorePublicAcls(),
                        pab.blockPublicPolicy(), pab.restrictPublicBuckets()),
                encryption == null ? List.of() : encryption.rules().stream()
                        .map(rule -> new S3BucketConfig.EncryptionRule(
                                rule.applyServerSideEncryptionByDefault() == null ? null
                                        : rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString(),
                                rule.applyServerSideEncryptionByDefault() == null ? null
                                        : rule.applyServerSideEncryptionByDefault().kmsMasterKeyID(),
                                rule.bucketKeyEnabled()))
                        .toList(),
                versioning.statusAsString(),
                versioning.mfaDeleteAsString(),
                logging == null ? null : new S3BucketConfig.Logging(logging.targetBucket(), logging.targetPrefix()),
                objectOwnership,
                tags(tagSet, t -> t.key(), t -> t.value()));
    }

    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[a-z]{2}(-[a-z]+){1,3}-[1-9][0-9]?");

    /** Whether {@code region} looks like an AWS region name (e.g. eu-west-1, us-gov-west-1, ap-southeast-4). */
    static boolean plausibleRegion(String region) {
        return region != null && region.length() <= 32 && REGION.matcher(region).matches();
    }

    /** A location constraint as a region: empty is us-east-1, the legacy EU is eu-west-1. */
    private static String region(String location) {
        return location == null || location.isEmpty() ? "us-east-1" : "EU".equals(location) ? "eu-west-1" : location;
    }

    /** The bucket ACL as stored: its owner's canonical id and its grants, sorted. */
    private record Acl(String owner, List<S3BucketConfig.Grant> grants) {
        static Acl of(GetBucketAclResponse acl) {
            return new Acl(acl.owner() == null ? null : acl.owner().id(),
                    sorted(acl.grants().stream().map(S3BucketWatcher::grant).toList(),
                            Comparator.comparing(S3BucketConfig.Grant::grantee, Comparator.nullsFirst(Comparator.naturalOrder()))
                                    .thenComparing(S3BucketConfig.Grant::permission)));
        }
    }

    private static S3BucketConfig.Grant grant(Grant g) {
        var grantee = g.grantee();
        String id = grantee.uri() != null ? grantee.uri() : grantee.id() != null ? grantee.id() : grantee.emailAddress();
        return new S3BucketConfig.Grant(grantee.typeAsString(), id, g.permissionAsString());
    }
}
