package io.watchkeeper.watchers.aws.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.EcrRepositoryConfig;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.RegistryScanningRule;
import software.amazon.awssdk.services.ecr.model.ScanFrequency;
import software.amazon.awssdk.services.ecr.model.ScanType;
import software.amazon.awssdk.services.ecr.model.ScanningRepositoryFilterType;

class EcrRepositoryWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final EcrRepositoryWatcher watcher = new EcrRepositoryWatcher();

    @Test
    void readsPolicyTagMutabilityAndScanningOfRepositoryAndRegistry() {
        EcrClient ecr = moto.client(EcrClient.builder(), REGION);
        ecr.createRepository(r -> r.repositoryName("team/api").imageTagMutability(ImageTagMutability.IMMUTABLE)
                .imageScanningConfiguration(s -> s.scanOnPush(true)));
        ecr.createRepository(r -> r.repositoryName("scratch"));
        ecr.setRepositoryPolicy(r -> r.repositoryName("scratch").policyText("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImage\"}]}"));
        ecr.putRegistryScanningConfiguration(r -> r.scanType(ScanType.ENHANCED).rules(RegistryScanningRule.builder()
                .scanFrequency(ScanFrequency.CONTINUOUS_SCAN).repositoryFilters(f -> f.filter("team/*")
                        .filterType(ScanningRepositoryFilterType.WILDCARD)).build()));

        Map<String, EcrRepositoryConfig> byName = configs(watcher, REGION);
        assertThat(byName).containsOnlyKeys("team/api", "scratch");
        EcrRepositoryConfig api = byName.get("team/api");
        assertThat(api.repositoryArn()).isEqualTo("arn:aws:ecr:eu-west-1:" + Moto.ACCOUNT_ID + ":repository/team/api");
        assertThat(api.imageTagMutability()).isEqualTo("IMMUTABLE");
        assertThat(api.scanOnPush()).isTrue();
        assertThat(api.registryScanType()).isEqualTo("ENHANCED");
        assertThat(api.registryScanFrequency()).isEqualTo("CONTINUOUS_SCAN");
        assertThat(api.policy()).isNull();
        EcrRepositoryConfig scratch = byName.get("scratch");
        assertThat(scratch.imageTagMutability()).isEqualTo("MUTABLE");
        assertThat(scratch.scanOnPush()).isFalse();
        assertThat(scratch.registryScanFrequency()).isNull();
        assertThat(scratch.policy().json().at("/Statement/0/Principal").asString()).isEqualTo("*");
    }

    @Test
    void wildcardFiltersMatchLikeEcr() {
        RegistryScanningRule rule = RegistryScanningRule.builder().scanFrequency(ScanFrequency.SCAN_ON_PUSH)
                .repositoryFilters(f -> f.filter("prod-*-api").filterType(ScanningRepositoryFilterType.WILDCARD)).build();
        assertThat(EcrRepositoryWatcher.frequency(List.of(rule), "prod-orders-api")).isEqualTo("SCAN_ON_PUSH");
        assertThat(EcrRepositoryWatcher.frequency(List.of(rule), "prod-orders-api-old")).isNull();
        assertThat(EcrRepositoryWatcher.frequency(List.of(rule), "prod.x-api")).isNull();
        assertThat(EcrRepositoryWatcher.wildcard("a.b").matcher("axb").matches()).isFalse();
    }

    @Test
    void aRegionWithoutRepositoriesHasNoneAndMakesOneCall() {
        assertThat(observe(watcher, REGION)).isEmpty();
    }
}
