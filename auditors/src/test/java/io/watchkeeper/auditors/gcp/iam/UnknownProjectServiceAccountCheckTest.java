package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.auditors.EntityClassifier;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UnknownProjectServiceAccountCheckTest {

    private static final String OWN = "watched-project";
    /** watched-project is 111111111111, shared-project 222222222222 (both watched). */
    private static final Map<String, String> NUMBERS = Map.of("111111111111", OWN, "222222222222", TestContext.GCP_FRIENDLY);

    private static GcpProjectIamPolicyConfig policy(String... members) {
        return Configs.lenient(GcpProjectIamPolicyConfig.class, "{'projectId':'" + OWN + "','policy':{'bindings':[{'role':'roles/editor',"
                + "'members':['" + String.join("','", members) + "']}]}}");
    }

    private static final Check<GcpProjectIamPolicyConfig> CHECK =
            GcpIamPolicyChecks.get("gcp.project.iam-policy/unknown-project-service-account");

    @Test
    void serviceAccountsOfWatchedThirdPartyAndDeclaredProjectsAndTheirServiceAgentsAreTrusted() {
        var config = policy("serviceAccount:app@watched-project.iam.gserviceaccount.com",
                "serviceAccount:ci@shared-project.iam.gserviceaccount.com",
                "serviceAccount:sync@partner-project.iam.gserviceaccount.com",
                "serviceAccount:etl@declared-project.iam.gserviceaccount.com",
                "serviceAccount:service-111111111111@gcp-sa-pubsub.iam.gserviceaccount.com",
                "serviceAccount:service-222222222222@compute-system.iam.gserviceaccount.com",
                "serviceAccount:111111111111@cloudservices.gserviceaccount.com",
                "serviceAccount:222222222222-compute@developer.gserviceaccount.com",
                "serviceAccount:p111111111111-abc123@gcp-sa-cloud-sql.iam.gserviceaccount.com",
                "serviceAccount:watched-project@appspot.gserviceaccount.com",
                "serviceAccount:service-333333333333@gcp-sa-logging.iam.gserviceaccount.com",
                "serviceAccount:cloud-logs@system.gserviceaccount.com",
                "user:someone@example.com");
        var ctx = new TestContext().asGcpProject(OWN, NUMBERS, "declared-project", "333333333333");
        assertThat(CHECK.evaluate(config, ctx)).isEmpty();
    }

    @Test
    void serviceAccountsAndServiceAgentsOfUnknownProjectsAreReported() {
        var config = policy("serviceAccount:app@watched-project.iam.gserviceaccount.com",
                "serviceAccount:x@attacker-project.iam.gserviceaccount.com",
                "serviceAccount:service-999999999999@gcp-sa-pubsub.iam.gserviceaccount.com",
                "serviceAccount:999999999999-compute@developer.gserviceaccount.com",
                "serviceAccount:attacker-project@appspot.gserviceaccount.com");
        var evidence = CHECK.evaluate(config, new TestContext().asGcpProject(OWN, NUMBERS));
        assertThat(evidence).extracting(Evidence::key).containsExactly(
                "member:roles/editor:serviceAccount:x@attacker-project.iam.gserviceaccount.com",
                "member:roles/editor:serviceAccount:service-999999999999@gcp-sa-pubsub.iam.gserviceaccount.com",
                "member:roles/editor:serviceAccount:999999999999-compute@developer.gserviceaccount.com",
                "member:roles/editor:serviceAccount:attacker-project@appspot.gserviceaccount.com");
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.UNKNOWN_ACCOUNT);
        assertThat(evidence.getFirst().details().path("project").asString()).isEqualTo("attacker-project");
    }

    @Test
    void lookAlikeProjectIdsAndNumbersStayUnknown() {
        var bucket = Configs.lenient(GcpBucketConfig.class, "{'name':'b','policy':{'bindings':[{'role':'roles/storage.admin','members':["
                + "'serviceAccount:x@watched-project-evil.iam.gserviceaccount.com',"
                + "'serviceAccount:x@evil-shared-project.iam.gserviceaccount.com',"
                + "'serviceAccount:x@declared-project2.iam.gserviceaccount.com',"
                + "'serviceAccount:service-1111111111112@gcp-sa-pubsub.iam.gserviceaccount.com',"
                + "'serviceAccount:x@shared-project.iam.gserviceaccount.com.evil.io',"
                + "'serviceAccount:x@gcp-sa-pubsub.iam.gserviceaccount.com']}]}}");
        Check<GcpBucketConfig> check = GcpIamPolicyChecks.get("gcp.storage.bucket/unknown-project-service-account");
        var evidence = check.evaluate(bucket, new TestContext().asGcpProject(OWN, NUMBERS, "declared-project"));
        // the first four name a project that merely contains a trusted one; the last two name no project at all
        assertThat(evidence).extracting(e -> e.details().path("project").asString()).containsExactly(
                "watched-project-evil", "evil-shared-project", "declared-project2", "1111111111112");
    }

    @Test
    void projectNumbersAreReadOnlyWhenANumberIsMetAndAtMostOnce() {
        AtomicInteger reads = new AtomicInteger();
        var ctx = new TestContext().asGcpProject(OWN, Map.of());
        EntityClassifier classifier = new EntityClassifier(OWN, List.of(), Map.of())
                .withGcpProjects(List.of(), () -> { reads.incrementAndGet(); return NUMBERS; });
        assertThat(classifier.gcpProject("attacker-project")).hasToString("UNKNOWN");
        assertThat(reads).hasValue(0);
        assertThat(classifier.gcpProject("111111111111")).hasToString("SAME_ACCOUNT");
        assertThat(classifier.gcpProject("999999999999")).hasToString("UNKNOWN");
        assertThat(reads).hasValue(1);
        assertThat(ctx.classifyGcpProject(TestContext.GCP_THIRD_PARTY)).hasToString("THIRD_PARTY");
    }

    @Test
    void anAwsAccountWithTheSameDigitsAsAProjectNumberDoesNotTrustIt() {
        // TestContext registers AWS account 222222222222 as friendly; as a GCP project number it means nothing
        var config = policy("serviceAccount:service-222222222222@gcp-sa-pubsub.iam.gserviceaccount.com");
        assertThat(CHECK.evaluate(config, new TestContext().asGcpProject(OWN, Map.of()))).hasSize(1);
    }

    @Test
    void aDeclaredTrustedProjectMustBeAProjectIdOrNumber() {
        for (String bad : new String[] {"", "ab", "Has Space", "-starts-with-dash", "proj_underscore", "0123", "x".repeat(31)}) {
            assertThatThrownBy(() -> EntityClassifier.normalProject(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid trusted project");
        }
        assertThat(EntityClassifier.normalProject(" Partner-Project ")).isEqualTo("partner-project");
        assertThat(Members.serviceAccountProject("user:a@b.example")).isNull();
    }
}
