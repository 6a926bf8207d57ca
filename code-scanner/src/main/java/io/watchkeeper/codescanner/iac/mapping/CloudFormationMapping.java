package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.codescanner.iac.IacResource;
import io.watchkeeper.codescanner.iac.Value;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.config.aws.IamPolicyConfig;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudFormation resources to the watchers' typed configuration records: {@code AWS::S3::Bucket}
 * (+ {@code AWS::S3::BucketPolicy}), {@code AWS::EC2::SecurityGroup} (+ {@code SecurityGroupIngress}
 * / {@code Egress}), {@code AWS::IAM::ManagedPolicy}, {@code AWS::IAM::Role} (+ {@code AWS::IAM::Policy}
 * attached to it), {@code AWS::RDS::DBInstance}, {@code AWS::KMS::Key}, {@code AWS::CloudTrail::Trail},
 * {@code AWS::SQS::Queue}, with CloudFormation's defaults.
 */
public final class CloudFormationMapping {

    private record Pending(IacResource origin, Attrs attrs, Map<String, IacResource> parts, Builder builder) {}

    /** What a main declaration collects from the declarations that point at it. */
    private sealed interface Builder permits Bucket, Group, Role {}

    private record Bucket(S3Parts s3) implements Builder {}

    private record Group(List<Rule> ingress, List<Rule> egress) implements Builder {}

    private record Role(List<IamInlinePolicy> inline) implements Builder {}

    private CloudFormationMapping() {}

    public static List<Planned> map(List<IacResource> resources) {
        List<Planned> out = new ArrayList<>();
        Links<Pending> links = new Links<>();
        List<Pending> pending = new ArrayList<>();
        for (IacResource r : resources) {
            Attrs a = new Attrs();
            switch (r.type()) {
                case "AWS::S3::Bucket" -> {
                    S3Parts s3 = bucket(r, a);
                    Pending p = new Pending(r, a, new LinkedHashMap<>(), new Bucket(s3));
                    pending.add(p);
                    links.add(r.address(), s3.name, p);
                }
                case "AWS::EC2::SecurityGroup" -> {
                    List<Rule> ingress = new ArrayList<>();
                    List<Rule> egress = new ArrayList<>();
                    Attrs.blocks(r.get("SecurityGroupIngress")).forEach(x -> rule(a, x, ingress, true));
                    Attrs.blocks(r.get("SecurityGroupEgress")).forEach(x -> rule(a, x, egress, false));
                    Pending p = new Pending(r, a, new LinkedHashMap<>(), new Group(ingress, egress));
                    pending.add(p);
                    links.add(r.address(), a.str(r.get("GroupName"), "GroupName", null, null), p);
                }
                case "AWS::IAM::Role" -> {
                    List<IamInlinePolicy> inline = new ArrayList<>();
                    for (Value.Obj p : Attrs.blocks(r.get("Policies"))) {
                        inline.add(new IamInlinePolicy(a.str(p.get("PolicyName"), "PolicyName", "inline", "inline"),
                                Policies.read(p.get("PolicyDocument"), a, "PolicyDocument", Policies.EMPTY)));
                    }
                    Pending p = new Pending(r, a, new LinkedHashMap<>(), new Role(inline));
                    pending.add(p);
                    links.add(r.address(), a.str(r.get("RoleName"), "RoleName", null, null), p);
                }
                case "AWS::IAM::ManagedPolicy" -> {
                    String name = a.str(r.get("ManagedPolicyName"), "ManagedPolicyName", null, null);
                    String path = a.str(r.get("Path"), "Path", "/", "/");
                    out.add(new Planned("aws.iam.policy", name, new IamPolicyConfig(name, null, null, path,
                            a.str(r.get("Description"), "Description", null, null), "v1",
                            Policies.read(r.get("PolicyDocument"), a, "PolicyDocument", Policies.EMPTY), true, null, null, null),
                            r, Map.of(), a.unknown(), Set.of("document")));
                }
                case "AWS::RDS::DBInstance" -> out.add(rds(r, a));
                case "AWS::KMS::Key" -> out.add(new Planned("aws.kms.key", null, new KmsKeyConfig(null, null,
                        a.str(r.get("Description"), "Description", null, null),
                        Boolean.FALSE.equals(a.bool(r.get("Enabled"), "Enabled", true, true)) ? "Disabled" : "Enabled",
                        a.str(r.get("KeyUsage"), "KeyUsage", "ENCRYPT_DECRYPT", null), a.str(r.get("KeySpec"), "KeySpec", "SYMMETRIC_DEFAULT", null),
                        "AWS_KMS", a.bool(r.get("MultiRegion"), "MultiRegion", false, false), List.of(),
                        Policies.read(r.get("KeyPolicy"), a, "KeyPolicy", null),
                        a.bool(r.get("EnableKeyRotation"), "EnableKeyRotation", false, true),
                        a.integer(r.get("RotationPeriodInDays"), "RotationPeriodInDays", null, null), null, null, Attrs.tags(r.get("Tags"))),
                        r, Map.of(), a.unknown(), Set.of("all")));
                case "AWS::CloudTrail::Trail" -> {
                    String name = a.str(r.get("TrailName"), "TrailName", null, null);
                    out.add(new Planned("aws.cloudtrail.trail", name, new CloudTrailTrailConfig(name, null, null,
                            a.bool(r.get("IsMultiRegionTrail"), "IsMultiRegionTrail", false, true),
                            a.bool(r.get("IsOrganizationTrail"), "IsOrganizationTrail", false, false),
                            a.str(r.get("S3BucketName"), "S3BucketName", null, null), a.str(r.get("S3KeyPrefix"), "S3KeyPrefix", null, null),
                            a.bool(r.get("IncludeGlobalServiceEvents"), "IncludeGlobalServiceEvents", true, true),
                            a.bool(r.get("EnableLogFileValidation"), "EnableLogFileValidation", false, true),
                            a.str(r.get("KMSKeyId"), "KMSKeyId", null, "planned-kms-key"),
                            a.str(r.get("CloudWatchLogsLogGroupArn"), "CloudWatchLogsLogGroupArn", null, "planned-log-group"),
                            a.str(r.get("SnsTopicName"), "SnsTopicName", null, null),
                            a.bool(r.get("IsLogging"), "IsLogging", true, true), List.of(), List.of(), null, null,
                            Attrs.tags(r.get("Tags"))), r, Map.of(), a.unknown(), Set.of("all")));
                }
                case "AWS::SQS::Queue" -> {
                    String name = a.str(r.get("QueueName"), "QueueName", null, null);
                    String kms = a.str(r.get("KmsMasterKeyId"), "KmsMasterKeyId", null, "planned-kms-key");
                    Boolean sse = a.bool(r.get("SqsManagedSseEnabled"), "SqsManagedSseEnabled", kms == null, true);
                    out.add(new Planned("aws.sqs.queue", name, new SqsQueueConfig(null, null, null, kms, null, sse, null, null, null,
                            null, null, null, null, a.bool(r.get("FifoQueue"), "FifoQueue", false, false), null, null, null, null, null,
                            Attrs.tags(r.get("Tags"))), r, Map.of(), a.unknown(), Set.of("all")));
                }
                default -> { }
            }
        }
        for (IacResource r : resources) {
            switch (r.type()) {
                case "AWS::S3::BucketPolicy" -> {
                    Pending p = links.find(r.get("Bucket"));
                    if (p != null && p.builder() instanceof Bucket(S3Parts s3)) {
                        s3.policy = Policies.read(r.get("PolicyDocument"), p.attrs(), "PolicyDocument", TerraformS3.standIn(s3.name));
                        p.parts().put("policy", r);
                    }
                }
                case "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress" -> {
                    Pending p = links.find(r.get("GroupId"));
                    if (p != null && p.builder() instanceof Group g) {
                        boolean ingress = r.type().endsWith("Ingress");
                        List<Rule> into = ingress ? g.ingress() : g.egress();
                        SgRules.origin(p.parts(), ingress ? "ingress" : "egress", rule(p.attrs(), r.attributes(), into, ingress), r);
                    }
                }
                case "AWS::IAM::Policy" -> {
                    for (Value role : r.get("Roles") instanceof Value.Lst l ? l.items() : List.<Value>of()) {
                        Pending p = links.find(role);
                        if (p != null && p.builder() instanceof Role target) {
                            target.inline().add(new IamInlinePolicy(p.attrs().str(r.get("PolicyName"), "PolicyName", "inline", "inline"),
                                    Policies.read(r.get("PolicyDocument"), p.attrs(), "PolicyDocument", Policies.EMPTY)));
                            p.parts().putIfAbsent("inline-policy", r);
                        }
                    }
                }
                default -> { }
            }
        }
        for (Pending p : pending) {
            out.add(finish(p));
        }
        return out;
    }

    private static Planned finish(Pending p) {
        IacResource r = p.origin();
        Attrs a = p.attrs();
        return switch (p.builder()) {
            case Bucket(S3Parts s3) -> new Planned("aws.s3.bucket", s3.name, s3.build(null), r, p.parts(), a.unknown(),
                    declaredS3(r, p.parts()));
            case Group g -> {
                String name = a.str(r.get("GroupName"), "GroupName", null, null);
                yield new Planned("aws.ec2.security-group", name, new SecurityGroupConfig(null, name,
                        a.str(r.get("GroupDescription"), "GroupDescription", null, null), a.str(r.get("VpcId"), "VpcId", null, null), null,
                        g.ingress(), g.egress(), Attrs.tags(r.get("Tags"))),
                        r, p.parts(), a.unknown(), Set.of("ingress", "egress"));
            }
            case Role role -> {
                String name = a.str(r.get("RoleName"), "RoleName", null, null);
                String path = a.str(r.get("Path"), "Path", "/", "/");
                yield new Planned("aws.iam.role", name, new IamRoleConfig(name, null, null, path, null,
                        Policies.read(r.get("AssumeRolePolicyDocument"), a, "AssumeRolePolicyDocument", Policies.EMPTY),
                        role.inline(), a.strings(r.get("ManagedPolicyArns"), "ManagedPolicyArns"),
                        a.str(r.get("PermissionsBoundary"), "PermissionsBoundary", null, null), List.of(), Attrs.tags(r.get("Tags")),
                        null, null), r, p.parts(), a.unknown(), Set.of("trust", "inline", "attached"));
            }
        };
    }

    private static Set<String> declaredS3(IacResource r, Map<String, IacResource> parts) {
        Set<String> d = new java.util.TreeSet<>(parts.keySet());
        Map<String, String> props = Map.of("PublicAccessBlockConfiguration", "public-access-block", "AccessControl", "acl",
                "BucketEncryption", "encryption", "VersioningConfiguration", "versioning", "LoggingConfiguration", "logging",
                "OwnershipControls", "ownership");
        props.forEach((prop, aspect) -> {
            if (!Attrs.absent(r.get(prop))) {
                d.add(aspect);
            }
        });
        return d;
    }

    private static S3Parts bucket(IacResource r, Attrs a) {
        S3Parts s3 = new S3Parts();
        s3.name = a.str(r.get("BucketName"), "BucketName", null, null);
        s3.tags = Attrs.tags(r.get("Tags"));
        if (!Attrs.absent(r.get("AccessControl"))) {
            s3.grants = S3Parts.canned(a.str(r.get("AccessControl"), "AccessControl", "Private", "Private"));
        }
        Value pab = r.get("PublicAccessBlockConfiguration");
        if (pab instanceof Value.Obj o) {
            // CloudFormation: an omitted setting is false
            s3.publicAccessBlock = new PublicAccessBlock(a.bool(o.get("BlockPublicAcls"), "BlockPublicAcls", false, true),
                    a.bool(o.get("IgnorePublicAcls"), "IgnorePublicAcls", false, true),
                    a.bool(o.get("BlockPublicPolicy"), "BlockPublicPolicy", false, true),
                    a.bool(o.get("RestrictPublicBuckets"), "RestrictPublicBuckets", false, true));
        } else {
            a.isUnknown(pab, "PublicAccessBlockConfiguration");
        }
        Value.Obj enc = Attrs.first(r.get("BucketEncryption"));
        if (enc != null) {
            List<S3BucketConfig.EncryptionRule> rules = new ArrayList<>();
            for (Value.Obj rule : Attrs.blocks(enc.get("ServerSideEncryptionConfiguration"))) {
                Value.Obj def = Attrs.first(rule.get("ServerSideEncryptionByDefault"));
                rules.add(new S3BucketConfig.EncryptionRule(a.str(Attrs.get(def, "SSEAlgorithm"), "SSEAlgorithm", "AES256", "AES256"),
                        a.str(Attrs.get(def, "KMSMasterKeyID"), "KMSMasterKeyID", null, null),
                        a.bool(rule.get("BucketKeyEnabled"), "BucketKeyEnabled", null, null)));
            }
            if (!rules.isEmpty()) {
                s3.encryption = rules;
            }
        }
        Value.Obj versioning = Attrs.first(r.get("VersioningConfiguration"));
        if (versioning != null) {
            s3.versioning = S3Parts.status(a.str(versioning.get("Status"), "VersioningConfiguration.Status", null, "Enabled"));
        }
        Value.Obj logging = Attrs.first(r.get("LoggingConfiguration"));
        if (logging != null) {
            // DestinationBucketName omitted: logs go to the bucket itself
            s3.logging = new S3BucketConfig.Logging(a.str(logging.get("DestinationBucketName"), "DestinationBucketName",
                    s3.name == null ? "self" : s3.name, "unknown-target"), a.str(logging.get("LogFilePrefix"), "LogFilePrefix", null, null));
        }
        Value.Obj ownership = Attrs.first(r.get("OwnershipControls"));
        if (ownership != null) {
            s3.objectOwnership = a.str(Attrs.get(Attrs.first(ownership.get("Rules")), "ObjectOwnership"), "ObjectOwnership",
                    "BucketOwnerEnforced", "BucketOwnerEnforced");
        }
        return s3;
    }

    private static List<Rule> rule(Attrs a, Value.Obj x, List<Rule> into, boolean ingress) {
        String sg = a.str(x.get(ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"), "security group", null, null);
        String pl = a.str(x.get(ingress ? "SourcePrefixListId" : "DestinationPrefixListId"), "prefix list", null, null);
        return SgRules.add(into, SgRules.protocol(a.str(x.get("IpProtocol"), "IpProtocol", null, null)),
                a.integer(x.get("FromPort"), "FromPort", null, SgRules.UNKNOWN_PORT), a.integer(x.get("ToPort"), "ToPort", null, SgRules.UNKNOWN_PORT),
                a.strings(x.get(ingress ? "CidrIp" : "CidrIp"), "CidrIp"), a.strings(x.get("CidrIpv6"), "CidrIpv6"),
                sg == null ? List.of() : List.of(sg), pl == null ? List.of() : List.of(pl),
                a.str(x.get("Description"), "Description", null, null));
    }

    private static Planned rds(IacResource r, Attrs a) {
        String id = a.str(r.get("DBInstanceIdentifier"), "DBInstanceIdentifier", null, null);
        List<String> sgs = a.strings(r.get("VPCSecurityGroups"), "VPCSecurityGroups");
        return new Planned("aws.rds.instance", id, new RdsInstanceConfig(id, null, a.str(r.get("Engine"), "Engine", null, null),
                a.str(r.get("EngineVersion"), "EngineVersion", null, null), a.str(r.get("DBInstanceClass"), "DBInstanceClass", null, null),
                a.bool(r.get("PubliclyAccessible"), "PubliclyAccessible", false, false),
                a.bool(r.get("StorageEncrypted"), "StorageEncrypted", false, true), a.str(r.get("KmsKeyId"), "KmsKeyId", null, null),
                sgs, a.str(r.get("DBSubnetGroupName"), "DBSubnetGroupName", null, null), a.bool(r.get("MultiAZ"), "MultiAZ", false, true),
                a.integer(r.get("BackupRetentionPeriod"), "BackupRetentionPeriod", null, null),
                a.bool(r.get("DeletionProtection"), "DeletionProtection", false, true),
                a.bool(r.get("EnableIAMDatabaseAuthentication"), "EnableIAMDatabaseAuthentication", false, true),
                a.bool(r.get("AutoMinorVersionUpgrade"), "AutoMinorVersionUpgrade", true, true), null,
                a.integer(r.get("Port"), "Port", null, null),
                a.str(r.get("CACertificateIdentifier"), "CACertificateIdentifier", null, null), null, null, null, null,
                Attrs.tags(r.get("Tags"))), r, Map.of(), a.unknown(), Set.of("all"));
    }
}
