package io.watchkeeper.benchmarks;

import static io.watchkeeper.benchmarks.SyntheticOrg.hash;
import static io.watchkeeper.benchmarks.SyntheticOrg.hex;
import static io.watchkeeper.benchmarks.SyntheticOrg.instant;
import static io.watchkeeper.benchmarks.SyntheticOrg.pick;

import io.watchkeeper.benchmarks.SyntheticOrg.Kind;
import java.util.List;

/**
 * S3 (REST-XML, path-style) and S3 Control answers, as in the S3 API reference: ListBuckets
 * ({@code ListAllMyBucketsResult}, continuation token), the bucket sub-resources the bucket watcher
 * reads, and the account's Block Public Access. A sub-resource that is not configured is null here
 * and becomes the documented "not found" error.
 */
final class S3Responses {

    static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final List<String> PURPOSES = List.of("logs", "assets", "backups", "exports", "uploads", "artifacts",
            "data-lake", "reports", "static-site", "terraform-state");

    private final SyntheticOrg org;

    S3Responses(SyntheticOrg org) {
        this.org = org;
    }

    String bucketName(int a, int b) {
        return "wk-" + org.accountId(a) + "-" + String.format("%02d", b) + "-" + PURPOSES.get(b % PURPOSES.size());
    }

    /** The bucket's index in account {@code a}, or -1 when no such bucket belongs to the account. */
    int bucketIndex(int a, String name) {
        String prefix = "wk-" + org.accountId(a) + "-";
        if (!name.startsWith(prefix) || name.length() < prefix.length() + 2) {
            return -1;
        }
        try {
            int b = Integer.parseInt(name.substring(prefix.length(), prefix.length() + 2));
            return b < org.sizes().buckets() && bucketName(a, b).equals(name) ? b : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The account (its index) whose naming scheme the bucket follows, or -1. */
    int bucketOwner(String name) {
        if (!name.startsWith("wk-") || name.length() < 16) {
            return -1;
        }
        return org.accountIndex(name.substring(3, 15));
    }

    String canonicalId(int a) {
        return hex(hash(a, Kind.BUCKET, -1, -1, 99), 64);
    }

    String region(int b) {
        return org.regions().get(b % org.regions().size());
    }

    String listBuckets(int a, String maxBuckets, String continuationToken) {
        int count = org.sizes().buckets();
        int from = continuationToken == null ? 0 : Integer.parseInt(continuationToken.substring(continuationToken.indexOf('-') + 1));
        int max = maxBuckets == null ? 10_000 : Math.max(1, Math.min(10_000, Integer.parseInt(maxBuckets)));
        int to = Math.min(count, from + max);
        Xml x = new Xml(512 + (to - from) * 200);
        x.open("ListAllMyBucketsResult", "xmlns=\"" + NS + "\"");
        x.open("Owner").el("DisplayName", "aws-" + org.accountId(a)).el("ID", canonicalId(a)).close("Owner");
        x.open("Buckets");
        for (int b = from; b < to; b++) {
            x.open("Bucket").el("Name", bucketName(a, b)).el("CreationDate", instant(hash(a, Kind.BUCKET, -1, b, 1)))
                    .el("BucketRegion", region(b)).close("Bucket");
        }
        x.close("Buckets");
        if (to < count) {
            x.el("ContinuationToken", "wk-" + to);
        }
        return x.close("ListAllMyBucketsResult").toString();
    }

    String location(int b) {
        String region = region(b);
        Xml x = new Xml(160);
        if ("us-east-1".equals(region)) {
            return x.open("LocationConstraint", "xmlns=\"" + NS + "\"").close("LocationConstraint").toString();
        }
        return x.open("LocationConstraint", "xmlns=\"" + NS + "\"").text(region).close("LocationConstraint").toString();
    }

    /** The bucket policy (JSON, not XML), or null. */
    String policy(int a, int b) {
        if (b % 2 == 1) {
            return null;
        }
        String bucket = bucketName(a, b);
        String account = org.accountId(a);
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::"
                + bucket + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}},"
                + "{\"Sid\":\"AllowAccountRead\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account
                + ":root\"},\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::" + bucket
                + "\",\"arn:aws:s3:::" + bucket + "/*\"]}" + (b % 10 == 8
                        ? ",{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/public/*\"}"
                        : "")
                + "]}";
    }

    /**
     * The bucket ACL. With ACLs disabled (BucketOwnerEnforced) AWS refuses other grants and always
     * reads the ACL as owner full control, so the log-delivery and public grants are on buckets
     * whose ownership allows ACLs.
     */
    String acl(int a, int b) {
        String owner = canonicalId(a);
        boolean aclsEnabled = !"BucketOwnerEnforced".equals(objectOwnership(b));
        String xsi = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
        Xml x = new Xml(1024);
        x.open("AccessControlPolicy", "xmlns=\"" + NS + "\"");
        x.open("Owner").el("DisplayName", "aws-" + org.accountId(a)).el("ID", owner).close("Owner");
        x.open("AccessControlList");
        x.open("Grant").open("Grantee", xsi + " xsi:type=\"CanonicalUser\"").el("DisplayName", "aws-" + org.accountId(a))
                .el("ID", owner).close("Grantee").el("Permission", "FULL_CONTROL").close("Grant");
        if (b % 10 == 0 && aclsEnabled) {
            x.open("Grant").open("Grantee", xsi + " xsi:type=\"Group\"")
                    .el("URI", "http://acs.amazonaws.com/groups/s3/LogDelivery").close("Grantee").el("Permission", "WRITE")
                    .close("Grant");
        }
        if (b % 10 == 8 && aclsEnabled) {
            x.open("Grant").open("Grantee", xsi + " xsi:type=\"Group\"")
                    .el("URI", "http://acs.amazonaws.com/groups/global/AllUsers").close("Grantee").el("Permission", "READ")
                    .close("Grant");
        }
        x.close("AccessControlList");
        return x.close("AccessControlPolicy").toString();
    }

    /** Bucket Block Public Access, or null when not configured. */
    String publicAccessBlock(int b) {
        if (b % 3 == 2) {
            return null;
        }
        return pab(true, b % 10 != 8, true, b % 10 != 8);
    }

    static String pab(boolean blockAcls, boolean ignoreAcls, boolean blockPolicy, boolean restrict) {
        return new Xml(400).open("PublicAccessBlockConfiguration", "xmlns=\"" + NS + "\"")
                .el("BlockPublicAcls", blockAcls).el("IgnorePublicAcls", ignoreAcls).el("BlockPublicPolicy", blockPolicy)
                .el("RestrictPublicBuckets", restrict).close("PublicAccessBlockConfiguration").toString();
    }

    String encryption(int a, int b) {
        if (b % 9 == 7) {
            return null;
        }
        Xml x = new Xml(600);
        x.open("ServerSideEncryptionConfiguration", "xmlns=\"" + NS + "\"").open("Rule")
                .open("ApplyServerSideEncryptionByDefault");
        if (b % 4 == 0) {
            x.el("SSEAlgorithm", "aws:kms").el("KMSMasterKeyID", "arn:aws:kms:" + region(b) + ":" + org.accountId(a)
                    + ":key/" + hex(hash(a, Kind.BUCKET, -1, b, 3), 8) + "-" + hex(hash(a, Kind.BUCKET, -1, b, 4), 4)
                    + "-4" + hex(hash(a, Kind.BUCKET, -1, b, 5), 3) + "-8" + hex(hash(a, Kind.BUCKET, -1, b, 6), 3)
                    + "-" + hex(hash(a, Kind.BUCKET, -1, b, 7), 12));
        } else {
            x.el("SSEAlgorithm", "AES256");
        }
        x.close("ApplyServerSideEncryptionByDefault").el("BucketKeyEnabled", b % 4 == 0).close("Rule");
        return x.close("ServerSideEncryptionConfiguration").toString();
    }

    String versioning(int b) {
        Xml x = new Xml(300);
        x.open("VersioningConfiguration", "xmlns=\"" + NS + "\"");
        if (b % 3 == 0) {
            x.el("Status", "Enabled").el("MfaDelete", "Disabled");
        } else if (b % 3 == 1) {
            x.el("Status", "Suspended");
        }
        return x.close("VersioningConfiguration").toString();
    }

    String logging(int a, int b) {
        Xml x = new Xml(400);
        x.open("BucketLoggingStatus", "xmlns=\"" + NS + "\"");
        if (b % 10 != 0 && b % 2 == 1) {
            x.open("LoggingEnabled").el("TargetBucket", bucketName(a, 0)).el("TargetPrefix", "s3/" + bucketName(a, b) + "/")
                    .close("LoggingEnabled");
        }
        return x.close("BucketLoggingStatus").toString();
    }

    /** The bucket's Object Ownership, or null when it has no ownership controls (ACLs enabled). */
    static String objectOwnership(int b) {
        if (b % 7 == 6) {
            return null;
        }
        return b % 10 == 8 ? "ObjectWriter" : b % 10 == 0 ? "BucketOwnerPreferred" : "BucketOwnerEnforced";
    }

    String ownership(int b) {
        String ownership = objectOwnership(b);
        if (ownership == null) {
            return null;
        }
        return new Xml(300).open("OwnershipControls", "xmlns=\"" + NS + "\"").open("Rule")
                .el("ObjectOwnership", ownership).close("Rule").close("OwnershipControls").toString();
    }

    String tagging(int a, int b) {
        int v = org.version(a, Kind.BUCKET, b);
        if (b % 6 == 5 && v == 0) {
            return null;
        }
        long h = hash(a, Kind.BUCKET, -1, b, 8);
        Xml x = new Xml(500);
        x.open("Tagging", "xmlns=\"" + NS + "\"").open("TagSet");
        x.open("Tag").el("Key", "env").el("Value", pick(List.of("prod", "staging", "dev"), h)).close("Tag");
        x.open("Tag").el("Key", "owner").el("Value", "team-" + Math.floorMod(h >>> 4, 40L) + (v == 0 ? "" : "-r" + v))
                .close("Tag");
        if (b % 2 == 0) {
            x.open("Tag").el("Key", "backup").el("Value", "daily").close("Tag");
        }
        return x.close("TagSet").close("Tagging").toString();
    }

    /** The account-level Block Public Access, or null when not configured. */
    String accountPublicAccessBlock(int a) {
        int v = org.version(a, Kind.ACCOUNT_PAB, 0);
        if (a % 5 == 4 && v == 0) {
            return null;
        }
        return pab(true, true, true, v % 2 == 0);
    }
}
