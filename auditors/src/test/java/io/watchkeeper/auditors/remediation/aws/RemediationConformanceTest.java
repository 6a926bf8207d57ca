package io.watchkeeper.auditors.remediation.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.plugin.Plugins;
import io.watchkeeper.core.remediation.Remediation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every registered remediation: a well-formed {@code <type>/<verb>} id, the check it fixes (of the
 * same type and config, where that check is registered), permissions, a description, its own test.
 */
class RemediationConformanceTest {

    @SuppressWarnings("rawtypes")
    @Test
    void everyRegisteredRemediationIsComplete() {
        Map<String, Remediation> remediations = Plugins.load(Remediation.class, r -> r.id());
        assertThat(remediations).containsKeys("aws.s3.bucket/block-public-access", "aws.s3.bucket/remove-public-acl-grants",
                "aws.ec2.security-group/revoke-open-ingress", "aws.iam.user/deactivate-unused-access-key",
                "aws.kms.key/enable-rotation", "aws.ec2.snapshot/make-private", "aws.ec2.image/make-private",
                "aws.cloudtrail.trail/start-logging", "aws.ec2.instance/require-imdsv2",
                "github.branch-protection/protect", "github.actions-permissions/read-only-token",
                "github.actions-permissions/forbid-pull-request-approval", "github.webhook/enable-tls-verification",
                "github.deploy-key/delete-write-key", "github.organization/require-two-factor");
        Map<String, Check> checks = CheckRegistry.discover().all().stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.id().id(), c -> (Check) c));
        for (Remediation<?> remediation : remediations.values()) {
            String name = remediation.getClass().getName();
            String id = remediation.id();
            assertThat(remediation.getClass().getSimpleName()).as(name).endsWith("Remediation");
            assertThat(id).as(name).matches("[a-z0-9.-]+/[a-z0-9]+(-[a-z0-9]+)*");
            ResourceType type = ResourceType.of(id.substring(0, id.indexOf('/')));
            assertThat(remediation.fixes()).as("fixes() of %s", name).isNotNull();
            assertThat(remediation.fixes().type()).as("type of the check %s fixes", name).isEqualTo(type);
            Check<?> check = checks.get(remediation.fixes().id());
            assertThat(check).as("the check %s fixes is registered", name).isNotNull();
            assertThat(check.configType()).as("config of %s and of its check", name).isEqualTo(remediation.configType());
            assertThat(remediation.configType().isRecord()).as(name).isTrue();
            assertThat(remediation.configType().getPackageName()).startsWith("io.watchkeeper.core.config.");
            assertThat(remediation.requiredPermissions()).as("permissions of %s", name).isNotEmpty()
                    .allMatch(p -> type.id().startsWith("github.") ? p.matches("[a-z_]+:(read|write)")
                            : p.matches("[a-z0-9-]+:[A-Z][A-Za-z0-9]+"));
            assertThat(remediation.description()).as("description of %s", name).isNotBlank().hasSizeLessThan(120);
            try {
                Class.forName(name + "Test");
            } catch (ClassNotFoundException e) {
                throw new AssertionError(name + " has no test class " + name + "Test");
            }
        }
    }
}
