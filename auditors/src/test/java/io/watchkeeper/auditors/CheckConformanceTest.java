package io.watchkeeper.auditors;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.plugin.Plugins;
import io.watchkeeper.core.watch.Watcher;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every registered check (single classes and check sets): well-formed id, texts, controls in a known
 * format, a record config that a watcher produces, its own test.
 */
class CheckConformanceTest {

    private static final Collection<Check<?>> CHECKS = CheckRegistry.discover().all();

    @Test
    void everyRegisteredCheckIsComplete() {
        assertThat(CHECKS).isNotEmpty();
        Set<String> names = new HashSet<>();
        for (Check<?> check : CHECKS) {
            String name = check.getClass().getName();
            assertThat(check.getClass().getSimpleName()).as(name).endsWith("Check");
            assertThat(check.id().id()).as(name).matches("[a-z0-9-]+(\\.[a-z0-9-]+)+/[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(check.name()).as("name of %s", check.id()).matches("[A-Z][A-Za-z0-9]+");
            assertThat(names.add(check.name())).as("the name %s of %s is unique", check.name(), check.id()).isTrue();
            assertThat(check.title()).as("title of %s", name).isNotBlank().hasSizeLessThan(100);
            assertThat(check.rationale()).as("rationale of %s", name).isNotBlank();
            assertThat(check.remediation()).as("remediation of %s", name).isNotBlank();
            assertThat(check.severity()).as(name).isNotNull();
            assertThat(check.controls()).as("controls of %s", name)
                    .allMatch(c -> c.matches("(CIS-AWS-3\\.0|CIS-GCP-3\\.0|CIS-GitHub-1\\.2\\.0):\\d+(\\.\\d+){1,2}"));
            assertThat(check.configType().isRecord()).as(name).isTrue();
            assertThat(check.configType().getPackageName()).startsWith("io.watchkeeper.core.config.");
            try {
                Class.forName(name + "Test");
            } catch (ClassNotFoundException e) {
                throw new AssertionError(name + " has no test class " + name + "Test");
            }
        }
    }

    @Test
    void theResourcePolicyChecksKeepTheirStoredIdsAndAreListedOnce() {
        List<String> ids = CHECKS.stream().map(c -> c.id().id()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        for (String type : List.of("aws.s3.bucket", "aws.sqs.queue", "aws.sns.topic", "aws.lambda.function", "aws.kms.key")) {
            for (String kind : List.of("public-policy", "unknown-account-policy", "unparseable-policy")) {
                assertThat(ids).as("ids").containsOnlyOnce(type + "/" + kind);
            }
        }
        assertThat(CHECKS.stream().filter(c -> c.id().id().equals("aws.s3.bucket/public-policy")).findFirst().orElseThrow()
                .name()).as("outputs keep the rule name they had").isEqualTo("S3BucketPublicPolicy");
    }

    @SuppressWarnings("rawtypes")
    @Test
    void everyCheckAppliesToATypeAWatcherProducesWithTheWatchersConfigRecord() {
        Map<String, Watcher> watchers = Plugins.load(Watcher.class, w -> w.type().id());
        assertThat(watchers).isNotEmpty();
        for (Check<?> check : CHECKS) {
            Watcher<?> watcher = watchers.get(check.appliesTo().id());
            assertThat(watcher).as("a watcher produces %s, the type %s applies to", check.appliesTo(), check.id()).isNotNull();
            assertThat(check.configType()).as("config record of %s vs configType of %s", check.id(),
                    watcher.getClass().getSimpleName()).isEqualTo(watcher.configType());
            for (ResourceType related : check.dependsOn()) {
                assertThat(watchers).as("a watcher produces %s, which %s reads", related, check.id())
                        .containsKey(related.id());
            }
        }
    }
}
