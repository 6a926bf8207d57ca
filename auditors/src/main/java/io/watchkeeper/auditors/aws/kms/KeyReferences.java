package io.watchkeeper.auditors.aws.kms;

import static io.watchkeeper.auditors.rules.Facts.list;

import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.config.aws.EbsVolumeConfig;
import io.watchkeeper.core.config.aws.EcrRepositoryConfig;
import io.watchkeeper.core.config.aws.Ec2AccountSettingsConfig;
import io.watchkeeper.core.config.aws.EfsFileSystemConfig;
import io.watchkeeper.core.config.aws.EksClusterConfig;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.config.aws.LambdaFunctionConfig;
import io.watchkeeper.core.config.aws.RdsClusterConfig;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.SecretsManagerSecretConfig;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The watched resources that name a KMS key for their encryption (by key id, key ARN, alias or alias
 * ARN), so a key that is disabled or scheduled for deletion can be reported with what it would break.
 */
final class KeyReferences {

    /** One type that names keys, and how to read them from its config. */
    private record Referrer<C extends Record>(ResourceType type, Class<C> configType, Function<C, List<String>> keys) {
        static <C extends Record> Referrer<C> of(String type, Class<C> configType, Function<C, List<String>> keys) {
            return new Referrer<>(ResourceType.of(type), configType, keys);
        }
    }

    private static final List<Referrer<?>> REFERRERS = List.of(
            Referrer.of("aws.cloudtrail.trail", CloudTrailTrailConfig.class, c -> one(c.kmsKeyId())),
            Referrer.of("aws.s3.bucket", S3BucketConfig.class, c -> list(c.encryption()).stream()
                    .map(S3BucketConfig.EncryptionRule::kmsKeyId).filter(Objects::nonNull).toList()),
            Referrer.of("aws.sqs.queue", SqsQueueConfig.class, c -> one(c.kmsMasterKeyId())),
            Referrer.of("aws.sns.topic", SnsTopicConfig.class, c -> one(c.kmsMasterKeyId())),
            Referrer.of("aws.ec2.volume", EbsVolumeConfig.class, c -> one(c.kmsKeyId())),
            Referrer.of("aws.rds.instance", RdsInstanceConfig.class, c -> one(c.kmsKeyId())),
            Referrer.of("aws.rds.cluster", RdsClusterConfig.class, c -> one(c.kmsKeyId())),
            Referrer.of("aws.secretsmanager.secret", SecretsManagerSecretConfig.class, c -> one(c.kmsKeyId())),
            Referrer.of("aws.efs.file-system", EfsFileSystemConfig.class, c -> one(c.kmsKeyId())),
            Referrer.of("aws.lambda.function", LambdaFunctionConfig.class, c -> one(c.kmsKeyArn())),
            Referrer.of("aws.ecr.repository", EcrRepositoryConfig.class, c -> one(c.kmsKey())),
            Referrer.of("aws.eks.cluster", EksClusterConfig.class, c -> list(c.encryption()).stream()
                    .map(EksClusterConfig.Encryption::keyArn).filter(Objects::nonNull).toList()),
            Referrer.of("aws.ec2.account-settings", Ec2AccountSettingsConfig.class, c -> one(c.ebsDefaultKmsKeyId())));

    /** The referring types (what a key check depends on). */
    static final String[] TYPES = REFERRERS.stream().map(r -> r.type().id()).toArray(String[]::new);

    /** At most this many referrers are named in evidence. */
    private static final int SHOWN = 20;

    private KeyReferences() {}

    private static List<String> one(String key) {
        return key == null || key.isBlank() ? List.of() : List.of(key);
    }

    /** "aws.ec2.volume vol-1" for every watched resource of the account that names {@code key}; sorted, at most 20. */
    static List<String> of(KmsKeyConfig key, AuditContext context) {
        List<String> names = names(key);
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Referrer<?> referrer : REFERRERS) {
            collect(referrer, names, context, out);
        }
        return out.stream().sorted().limit(SHOWN).toList();
    }

    private static <C extends Record> void collect(Referrer<C> referrer, List<String> names, AuditContext context,
                                                   List<String> out) {
        for (AuditContext.Related<C> item : context.related(referrer.type(), referrer.configType())) {
            if (item.config() == null) {
                continue;
            }
            for (String ref : referrer.keys().apply(item.config())) {
                if (names.stream().anyMatch(n -> matches(ref, n))) {
                    out.add(referrer.type().id() + " " + (item.name() != null ? item.name() : item.resourceId()));
                    break;
                }
            }
        }
    }

    /** The key's id, ARN and aliases ({@code alias/x}). */
    private static List<String> names(KmsKeyConfig key) {
        return Stream.concat(Stream.of(key.keyId(), key.arn()), list(key.aliases()).stream())
                .filter(n -> n != null && !n.isBlank() && !n.equals("*")).collect(Collectors.toList());
    }

    /** A reference names the key: equal, or an ARN ending in {@code :key/<id>} or {@code :<alias>}. */
    static boolean matches(String reference, String name) {
        if (reference == null || reference.isBlank()) {
            return false;
        }
        if (reference.equals(name)) {
            return true;
        }
        return reference.startsWith("arn:") && (reference.endsWith(":key/" + name) || reference.endsWith(":" + name));
    }
}
