package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.codescanner.iac.IacResource;
import io.watchkeeper.codescanner.iac.Value;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3AccountPublicAccessBlockConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aws_s3_bucket} with its legacy inline arguments and the split resources
 * ({@code aws_s3_bucket_public_access_block}, {@code _policy}, {@code _acl}, {@code _versioning},
 * {@code _server_side_encryption_configuration}, {@code _logging}, {@code _ownership_controls}),
 * and {@code aws_s3_account_public_access_block}.
 */
final class TerraformS3 {

    private static final class Bucket {
        final IacResource origin;
        final S3Parts parts = new S3Parts();
        final Attrs attrs = new Attrs();
        final Map<String, IacResource> partResources = new LinkedHashMap<>();
        final java.util.Set<String> declared = new java.util.TreeSet<>();

        Bucket(IacResource origin) {
            this.origin = origin;
        }
    }

    private TerraformS3() {}

    static void map(List<IacResource> resources, List<Planned> out) {
        Links<Bucket> links = new Links<>();
        List<Bucket> buckets = new ArrayList<>();
        for (IacResource r : resources) {
            if (r.type().equals("aws_s3_bucket")) {
                Bucket b = new Bucket(r);
                b.parts.name = b.attrs.str(r.get("bucket"), "bucket", null, null);
                inline(b, r);
                buckets.add(b);
                links.add(r.address(), b.parts.name, b);
            } else if (r.type().equals("aws_s3_account_public_access_block")) {
                Attrs a = new Attrs();
                PublicAccessBlock pab = pab(r, a);
                out.add(new Planned("aws.s3.account-public-access-block", a.str(r.get("account_id"), "account_id", null, null),
                        new S3AccountPublicAccessBlockConfig(null, pab), r, Map.of(), a.unknown(), java.util.Set.of("settings")));
            }
        }
        for (IacResource r : resources) {
            if (!r.type().startsWith("aws_s3_bucket_")) {
                continue;
            }
            Bucket b = links.find(r.get("bucket"));
            if (b == null) {
                continue; // a bucket declared elsewhere: judged where it is declared, or live
            }
            switch (r.type()) {
                case "aws_s3_bucket_public_access_block" -> part(b, r, "public-access-block", () -> b.parts.publicAccessBlock = pab(r, b.attrs));
                case "aws_s3_bucket_policy" -> part(b, r, "policy", () -> b.parts.policy = Policies.read(r.get("policy"), b.attrs,
                        "aws_s3_bucket_policy.policy", standIn(b.parts.name)));
                case "aws_s3_bucket_acl" -> part(b, r, "acl", () -> acl(b, r.get("acl"), Attrs.first(r.get("access_control_policy"))));
                case "aws_s3_bucket_versioning" -> part(b, r, "versioning", () -> {
                    Value.Obj vc = Attrs.first(r.get("versioning_configuration"));
                    b.parts.versioning = S3Parts.status(b.attrs.str(Attrs.get(vc, "status"), "versioning status", null, "Enabled"));
                    b.parts.mfaDelete = S3Parts.status(b.attrs.str(Attrs.get(vc, "mfa_delete"), "mfa_delete", null, "Enabled"));
                });
                case "aws_s3_bucket_server_side_encryption_configuration" -> part(b, r, "encryption",
                        () -> b.parts.encryption = encryption(r.get("rule"), b.attrs));
                case "aws_s3_bucket_logging" -> part(b, r, "logging", () -> b.parts.logging = new S3BucketConfig.Logging(
                        b.attrs.str(r.get("target_bucket"), "target_bucket", null, "unknown-target"),
                        b.attrs.str(r.get("target_prefix"), "target_prefix", null, null)));
                case "aws_s3_bucket_ownership_controls" -> part(b, r, "ownership", () -> b.parts.objectOwnership = b.attrs.str(
                        Attrs.get(Attrs.first(r.get("rule")), "object_ownership"), "object_ownership", "BucketOwnerEnforced", "BucketOwnerEnforced"));
                default -> { }
            }
        }
        for (Bucket b : buckets) {
            out.add(new Planned("aws.s3.bucket", b.parts.name, b.parts.build(null), b.origin, b.partResources, b.attrs.unknown(),
                    b.declared));
        }
    }

    private static void part(Bucket b, IacResource r, String aspect, Runnable apply) {
        b.partResources.put(aspect, r);
        b.declared.add(aspect);
        apply.run();
    }

    /** The pre-v4 inline arguments of aws_s3_bucket. */
    private static void inline(Bucket b, IacResource r) {
        Attrs a = b.attrs;
        b.parts.tags = Attrs.tags(r.get("tags"));
        if (!Attrs.absent(r.get("policy"))) {
            b.declared.add("policy");
            b.parts.policy = Policies.read(r.get("policy"), a, "policy", standIn(b.parts.name));
        }
        if (!Attrs.absent(r.get("acl")) || !Attrs.absent(r.get("grant"))) {
            b.declared.add("acl");
            acl(b, r.get("acl"), null);
            if (r.get("grant") instanceof Value.Lst) {
                b.parts.grants = new ArrayList<>(b.parts.grants);
                for (Value.Obj g : Attrs.blocks(r.get("grant"))) {
                    for (String perm : a.strings(g.get("permissions"), "grant permissions")) {
                        grant(b, g.get("type"), g.get("uri"), g.get("id"), null, perm);
                    }
                }
            }
        }
        Value.Obj versioning = Attrs.first(r.get("versioning"));
        if (versioning != null) {
            b.declared.add("versioning");
            Boolean on = a.bool(versioning.get("enabled"), "versioning.enabled", false, true);
            b.parts.versioning = on ? "Enabled" : null;
            Boolean mfa = a.bool(versioning.get("mfa_delete"), "versioning.mfa_delete", false, true);
            b.parts.mfaDelete = mfa ? "Enabled" : null;
        }
        Value.Obj sse = Attrs.first(r.get("server_side_encryption_configuration"));
        if (sse != null) {
            b.declared.add("encryption");
            b.parts.encryption = encryption(sse.get("rule"), a);
        }
        Value.Obj logging = Attrs.first(r.get("logging"));
        if (logging != null) {
            b.declared.add("logging");
            b.parts.logging = new S3BucketConfig.Logging(a.str(logging.get("target_bucket"), "logging.target_bucket", null, "unknown-target"),
                    a.str(logging.get("target_prefix"), "logging.target_prefix", null, null));
        }
    }

    private static void acl(Bucket b, Value canned, Value.Obj policy) {
        Attrs a = b.attrs;
        if (policy != null) {
            Value.Obj owner = Attrs.first(policy.get("owner"));
            b.parts.aclOwner = a.str(Attrs.get(owner, "id"), "acl owner", S3Parts.OWNER, S3Parts.OWNER);
            b.parts.grants = new ArrayList<>();
            for (Value.Obj g : Attrs.blocks(policy.get("grant"))) {
                Value.Obj grantee = Attrs.first(g.get("grantee"));
                grant(b, Attrs.get(grantee, "type"), Attrs.get(grantee, "uri"), Attrs.get(grantee, "id"),
                        Attrs.get(grantee, "email_address"), a.str(g.get("permission"), "grant permission", null, null));
            }
            return;
        }
        b.parts.grants = S3Parts.canned(a.str(canned, "acl", "private", "private"));
    }

    private static void grant(Bucket b, Value type, Value uri, Value id, Value email, String permission) {
        Attrs a = b.attrs;
        String t = a.str(type, "grantee type", null, null);
        if (t == null || permission == null) {
            return;
        }
        switch (t) {
            case "Group" -> {
                String u = a.str(uri, "grantee uri", null, null);
                if (u != null) {
                    b.parts.grants.add(new S3BucketConfig.Grant("Group", u, permission));
                }
            }
            case "CanonicalUser" -> {
                String i = a.str(id, "grantee id", null, null);
                if (i != null) {
                    b.parts.grants.add(new S3BucketConfig.Grant("CanonicalUser", i, permission));
                }
            }
            case "AmazonCustomerByEmail" -> {
                String e = a.str(email, "grantee email", null, null);
                if (e != null) {
                    b.parts.grants.add(new S3BucketConfig.Grant("AmazonCustomerByEmail", e, permission));
                }
            }
            default -> { }
        }
    }

    static PublicAccessBlock pab(IacResource r, Attrs a) {
        // the Terraform resource's arguments default to false
        return new PublicAccessBlock(a.bool(r.get("block_public_acls"), "block_public_acls", false, true),
                a.bool(r.get("ignore_public_acls"), "ignore_public_acls", false, true),
                a.bool(r.get("block_public_policy"), "block_public_policy", false, true),
                a.bool(r.get("restrict_public_buckets"), "restrict_public_buckets", false, true));
    }

    private static List<S3BucketConfig.EncryptionRule> encryption(Value rules, Attrs a) {
        if (rules instanceof Value.Unknown) {
            a.isUnknown(rules, "encryption rule");
            return List.of(new S3BucketConfig.EncryptionRule("AES256", null, null));
        }
        List<S3BucketConfig.EncryptionRule> out = new ArrayList<>();
        for (Value.Obj rule : Attrs.blocks(rules)) {
            Value.Obj def = Attrs.first(rule.get("apply_server_side_encryption_by_default"));
            out.add(new S3BucketConfig.EncryptionRule(a.str(Attrs.get(def, "sse_algorithm"), "sse_algorithm", "AES256", "AES256"),
                    a.str(Attrs.get(def, "kms_master_key_id"), "kms_master_key_id", null, null),
                    a.bool(rule.get("bucket_key_enabled"), "bucket_key_enabled", null, null)));
        }
        return out.isEmpty() ? List.of(new S3BucketConfig.EncryptionRule("AES256", null, null)) : out;
    }

    /** A bucket policy known only at apply time: judged as one that only denies plain HTTP. */
    static PolicyDocument standIn(String bucket) {
        String name = bucket == null ? "*" : bucket;
        var doc = io.watchkeeper.core.json.Json.object().put("Version", "2012-10-17");
        var st = doc.putArray("Statement").addObject().put("Effect", "Deny").put("Principal", "*").put("Action", "s3:*");
        st.putArray("Resource").add("arn:aws:s3:::" + name).add("arn:aws:s3:::" + name + "/*");
        st.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
        return PolicyDocument.parse(io.watchkeeper.core.json.Json.write(doc));
    }
}
