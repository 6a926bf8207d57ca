package io.watchkeeper.watchers.aws.ecr;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.EcrRepositoryConfig;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.GetRegistryScanningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RegistryScanningRule;

/**
 * ECR repositories with tag mutability, scanning (the repository's setting and the registry rule
 * that applies to it) and policy: one page per 1,000 repositories, one registry scanning call per
 * region, one policy call per repository.
 */
@AutoService(Watcher.class)
public final class EcrRepositoryWatcher extends AwsWatcher<EcrRepositoryConfig> {

    public EcrRepositoryWatcher() {
        super("aws.ecr.repository", EcrRepositoryConfig.class, ScopeKind.REGIONAL, "ecr:DescribeRepositories",
                "ecr:GetRepositoryPolicy", "ecr:GetRegistryScanningConfiguration");
    }

    @Override
    protected List<Observation<EcrRepositoryConfig>> observe(WatchScope scope, AwsSession aws) {
        EcrClient ecr = aws.ecr(scope.region());
        List<Repository> repositories = ecr.describeRepositoriesPaginator(r -> r.maxResults(1000)).repositories().stream()
                .toList();
        if (repositories.isEmpty()) {
            return List.of();
        }
        GetRegistryScanningConfigurationResponse scanning = ecr.getRegistryScanningConfiguration(r -> {});
        String scanType = scanning.scanningConfiguration() == null ? null
                : scanning.scanningConfiguration().scanTypeAsString();
        List<RegistryScanningRule> rules = scanning.scanningConfiguration() == null ? List.of()
                : scanning.scanningConfiguration().rules();
        return describeEach(repositories, Repository::repositoryArn, Repository::repositoryName, repo -> {
            String policy = orNull(() -> ecr.getRepositoryPolicy(r -> r.repositoryName(repo.repositoryName())
                    .registryId(repo.registryId())).policyText(), "RepositoryPolicyNotFoundException");
            var encryption = repo.encryptionConfiguration();
            var config = new EcrRepositoryConfig(repo.repositoryName(), repo.repositoryArn(), repo.registryId(),
                    repo.repositoryUri(), repo.imageTagMutabilityAsString(),
                    repo.imageScanningConfiguration() == null ? null : repo.imageScanningConfiguration().scanOnPush(),
                    scanType, frequency(rules, repo.repositoryName()),
                    encryption == null ? null : encryption.encryptionTypeAsString(),
                    encryption == null ? null : encryption.kmsKey(), repo.createdAt(), PolicyDocument.parse(policy));
            return new Observation.Observed<>(repo.repositoryArn(), repo.repositoryName(), scope.region(), config);
        });
    }

    /** The scan frequency of the first registry rule whose wildcard filters match the repository, or null. */
    static String frequency(List<RegistryScanningRule> rules, String repository) {
        for (RegistryScanningRule rule : rules) {
            boolean matches = rule.repositoryFilters().stream()
                    .anyMatch(f -> "WILDCARD".equals(f.filterTypeAsString()) && wildcard(f.filter()).matcher(repository).matches());
            if (matches) {
                return rule.scanFrequencyAsString();
            }
        }
        return null;
    }

    /** ECR wildcard filters: {@code *} matches any run of characters, everything else itself. */
    static Pattern wildcard(String filter) {
        String[] parts = (filter == null ? "" : filter).split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
