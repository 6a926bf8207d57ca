package io.watchkeeper.watchers.aws.kms;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;

/**
 * Customer-managed KMS keys with aliases, key policy, rotation and tags. AWS-managed keys (those
 * behind {@code alias/aws/…}, or with KeyManager AWS) are skipped. Aliases are listed once per
 * region; every other call is per key.
 */
@AutoService(Watcher.class)
public final class KmsKeyWatcher extends AwsWatcher<KmsKeyConfig> {

    public KmsKeyWatcher() {
        super("aws.kms.key", KmsKeyConfig.class, ScopeKind.REGIONAL, "kms:ListKeys", "kms:ListAliases",
                "kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags");
    }

    @Override
    protected List<Observation<KmsKeyConfig>> observe(WatchScope scope, AwsSession aws) {
        KmsClient kms = aws.kms(scope.region());
        Map<String, List<String>> aliases = kms.listAliasesPaginator(r -> r.limit(100)).aliases().stream()
                .filter(a -> a.targetKeyId() != null)
                .collect(Collectors.groupingBy(AliasListEntry::targetKeyId, Collectors.mapping(AliasListEntry::aliasName,
                        Collectors.collectingAndThen(Collectors.toList(), l -> sorted(l, Comparator.naturalOrder())))));
        List<KeyListEntry> keys = kms.listKeysPaginator(r -> r.limit(1000)).keys().stream()
                .filter(k -> !awsManaged(aliases.getOrDefault(k.keyId(), List.of())))
                .toList();
        return describeEach(keys, KeyListEntry::keyArn, k -> name(k, aliases), k -> {
            KeyMetadata meta = kms.describeKey(r -> r.keyId(k.keyId())).keyMetadata();
            if (meta.keyManager() == KeyManagerType.AWS) {
                return null;
            }
            KmsKeyConfig config = describe(kms, meta, aliases.getOrDefault(k.keyId(), List.of()));
            return new Observation.Observed<>(k.keyArn(), name(k, aliases), scope.region(), config);
        }).stream().filter(Objects::nonNull).toList();
    }

    private static KmsKeyConfig describe(KmsClient kms, KeyMetadata meta, List<String> aliases) {
        String id = meta.keyId();
        String policy = kms.getKeyPolicy(r -> r.keyId(id).policyName("default")).policy();
        // Automatic rotation exists only for symmetric encryption keys with KMS-generated material;
        // KMS answers UnsupportedOperationException for the others (and for keys in a custom key store).
        var rotation = meta.keySpec() != KeySpec.SYMMETRIC_DEFAULT ? null : orNull(
                () -> kms.getKeyRotationStatus(r -> r.keyId(id)), "UnsupportedOperationException", "KMSInvalidStateException");
        var tags = kms.listResourceTagsPaginator(r -> r.keyId(id).limit(50)).stream()
                .flatMap(p -> p.tags().stream()).toList();
        return new KmsKeyConfig(id, meta.arn(), meta.description(), meta.keyStateAsString(), meta.keyUsageAsString(),
                meta.keySpecAsString(), meta.originAsString(), meta.multiRegion(), aliases, PolicyDocument.parse(policy),
                rotation == null ? null : rotation.keyRotationEnabled(),
                rotation == null || !Boolean.TRUE.equals(rotation.keyRotationEnabled()) ? null : rotation.rotationPeriodInDays(),
                meta.creationDate(), meta.deletionDate(), tags(tags, t -> t.tagKey(), t -> t.tagValue()));
    }

    /** AWS-managed keys are the only ones behind the reserved {@code alias/aws/} names, and carry no other alias. */
    private static boolean awsManaged(List<String> aliases) {
        return !aliases.isEmpty() && aliases.stream().allMatch(a -> a.startsWith("alias/aws/"));
    }

    private static String name(KeyListEntry key, Map<String, List<String>> aliases) {
        List<String> names = aliases.getOrDefault(key.keyId(), List.of());
        return names.isEmpty() ? key.keyId() : names.getFirst();
    }
}
