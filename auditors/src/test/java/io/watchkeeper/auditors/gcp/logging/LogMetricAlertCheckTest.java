package io.watchkeeper.auditors.gcp.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpAlertPolicyConfig;
import io.watchkeeper.core.config.gcp.GcpLogMetricConfig;
import io.watchkeeper.core.config.gcp.GcpProjectConfig;
import io.watchkeeper.core.finding.Check;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogMetricAlertCheckTest {

    private static final GcpProjectConfig PROJECT = Configs.lenient(GcpProjectConfig.class, "{'projectId':'p'}");
    /** CIS 2.7's filter, as an operator would type it (other spacing and quotes). */
    private static final String FIREWALL = "resource.type=\"gce_firewall_rule\"\n AND (protoPayload.methodName:\"compute.firewalls.patch\""
            + " OR protoPayload.methodName:'compute.firewalls.insert' OR protoPayload.methodName:\"compute.firewalls.delete\")";

    private static Check<GcpProjectConfig> check(String cis) {
        return new LogMetricAlertCheck(MetricAlert.CIS.stream().filter(m -> m.cis().equals(cis)).findFirst().orElseThrow());
    }

    private static TestContext context(String filter, boolean metricDisabled, String alertFilter, boolean alertEnabled) {
        GcpLogMetricConfig metric = new GcpLogMetricConfig("fw-changes", null, filter, metricDisabled, "DELTA", "INT64", null, null);
        GcpAlertPolicyConfig alert = new GcpAlertPolicyConfig("projects/p/alertPolicies/1", "fw", alertEnabled, "OR",
                List.of(new GcpAlertPolicyConfig.Condition("c", "threshold", alertFilter, "COMPARISON_GT", 0.0, "0s")), List.of());
        return new TestContext().with("gcp.logging.metric", "global", "fw-changes", metric)
                .with("gcp.monitoring.alert-policy", "global", "fw", alert);
    }

    private static final String ON_METRIC = "metric.type = \"logging.googleapis.com/user/fw-changes\" AND resource.type=\"global\"";

    @Test
    void aMatchingMetricWithAnEnabledAlertPasses() {
        assertThat(check("2.7").evaluate(PROJECT, context(FIREWALL, false, ON_METRIC, true))).isEmpty();
    }

    @Test
    void noMetricAMetricWithoutAlertOrADisabledOneIsReported() {
        assertThat(check("2.7").evaluate(PROJECT, new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("No enabled log metric"));
        assertThat(check("2.7").evaluate(PROJECT, context(FIREWALL, false, ON_METRIC, false))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("fw-changes have no enabled alert"));
        assertThat(check("2.7").evaluate(PROJECT, context(FIREWALL, true, ON_METRIC, true))).hasSize(1);
        assertThat(check("2.7").evaluate(PROJECT, context(FIREWALL, false,
                "metric.type=\"logging.googleapis.com/user/fw-changes-old\"", true))).as("another metric's alert").hasSize(1);
    }

    @Test
    void aFilterMissingOneOfTheTermsDoesNotCount() {
        String partial = FIREWALL.replace(" OR protoPayload.methodName:\"compute.firewalls.delete\"", "");
        assertThat(check("2.7").evaluate(PROJECT, context(partial, false, ON_METRIC, true))).hasSize(1);
        assertThat(check("2.8").evaluate(PROJECT, context(FIREWALL, false, ON_METRIC, true))).as("the route metric").hasSize(1);
    }

    @Test
    void everyCisFilterMatchesItselfAndIdsAndNamesAreStable() {
        for (MetricAlert m : MetricAlert.CIS) {
            assertThat(m.matches(String.join(" AND ", m.terms()))).as(m.cis()).isTrue();
        }
        assertThat(new LogMetricAlertChecks().checks()).extracting(c -> c.id().id()).hasSize(8)
                .contains("gcp.project/no-metric-alert-project-ownership-changes", "gcp.project/no-metric-alert-sql-instance-changes");
        assertThat(check("2.10").name()).isEqualTo("GcpProjectNoMetricAlertStorageIamChanges");
        assertThat(check("2.10").controls()).containsExactly("CIS-GCP-3.0:2.10");
    }
}
