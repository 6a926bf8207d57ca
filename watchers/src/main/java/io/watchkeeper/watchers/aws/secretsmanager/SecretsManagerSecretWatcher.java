package io.watchkeeper.watchers.aws.secretsmanager;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.SecretsManagerSecretConfig;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * Secrets Manager secrets (also those scheduled for deletion): metadata, rotation and tags from one
 * page per 100, the resource policy from one call per secret. The value is never read: the watcher
 * has no permission for GetSecretValue.
 */
@AutoService(Watcher.class)
public final class SecretsManagerSecretWatcher extends AwsWatcher<SecretsManagerSecretConfig> {

    public SecretsManagerSecretWatcher() {
        super("aws.secretsmanager.secret", SecretsManagerSecretConfig.class, ScopeKind.REGIONAL,
                "secretsmanager:ListSecrets", "secretsmanager:GetResourcePolicy");
    }

    @Override
    protected List<Observation<SecretsManagerSecretConfig>> observe(WatchScope scope, AwsSession aws) {
        SecretsManagerClient secrets = aws.secretsManager(scope.region());
        List<SecretListEntry> listed = secrets.listSecretsPaginator(r -> r.maxResults(100).includePlannedDeletion(true))
                .stream().flatMap(page -> page.secretList().stream()).toList();
        return describeEach(listed, SecretListEntry::arn, SecretListEntry::name, s -> {
            String policy = orNull(() -> secrets.getResourcePolicy(r -> r.secretId(s.arn())).resourcePolicy(),
                    "ResourceNotFoundException");
            var rules = s.rotationRules();
            var config = new SecretsManagerSecretConfig(s.name(), s.arn(), s.description(), s.kmsKeyId(),
                    s.rotationEnabled(), blankToNull(s.rotationLambdaARN()), rules == null ? null : rules.automaticallyAfterDays(),
                    rules == null ? null : rules.scheduleExpression(), s.owningService(), s.primaryRegion(),
                    s.createdDate(), s.deletedDate(), PolicyDocument.parse(policy), s.lastRotatedDate(),
                    s.lastChangedDate(), s.lastAccessedDate(), tags(s.tags(), t -> t.key(), t -> t.value()));
            return new Observation.Observed<>(s.arn(), s.name(), scope.region(), config);
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
