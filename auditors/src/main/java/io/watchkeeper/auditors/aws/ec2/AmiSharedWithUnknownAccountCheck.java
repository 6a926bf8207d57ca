package io.watchkeeper.auditors.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.AmiConfig;
import io.watchkeeper.core.config.aws.AmiConfig.LaunchPermission;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The image is shared with an account nobody registered, or with an organization or unit whose
 * management account nobody registered; friendly and third-party shares are fine.
 */
@AutoService(Check.class)
public final class AmiSharedWithUnknownAccountCheck implements Check<AmiConfig> {

    @Override public CheckId id() { return CheckId.of("aws.ec2.image/shared-with-unknown-account"); }
    @Override public Class<AmiConfig> configType() { return AmiConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "AMI is shared with an unknown account"; }
    @Override public String rationale() {
        return "The other account can launch the image and read its disks; nobody registered that account, "
                + "so nobody is accountable for it.";
    }
    @Override public String remediation() {
        return "Remove the launch permission, or register the account if the share is intended.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(AmiConfig image, AuditContext context) {
        if (image.launchPermissions() == null) {
            return List.of();
        }
        return image.launchPermissions().stream()
                .filter(Objects::nonNull)
                .map(AmiSharedWithUnknownAccountCheck::grantee)
                .filter(g -> g != null && !g.isBlank())
                .distinct()
                .filter(g -> context.classifyPrincipal(g) == EntityClass.UNKNOWN)
                .map(g -> Evidence.of(ResourcePolicyEvidence.key("share:" + g), ResourcePolicyEvidence.line(
                                "Image shared with unknown " + (g.startsWith("arn:") ? "" : "account ") + g),
                        Exposure.UNKNOWN_ACCOUNT, Map.of("grantee", g)))
                .toList();
    }

    /** The account, organization or unit a permission names; null for the "all" group. */
    private static String grantee(LaunchPermission p) {
        return p.userId() != null ? p.userId() : p.organizationArn() != null ? p.organizationArn() : p.organizationalUnitArn();
    }
}
