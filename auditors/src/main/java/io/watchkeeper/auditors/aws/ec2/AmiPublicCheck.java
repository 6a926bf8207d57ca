package io.watchkeeper.auditors.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.AmiConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Map;

/** Anyone may launch the image (launch permission group "all", or the public flag). */
@AutoService(Check.class)
public final class AmiPublicCheck implements Check<AmiConfig> {

    @Override public CheckId id() { return CheckId.of("aws.ec2.image/public"); }
    @Override public Class<AmiConfig> configType() { return AmiConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "AMI is public"; }
    @Override public String rationale() {
        return "Every AWS account can launch a public image and read its disks: baked-in keys, configuration "
                + "and code are exposed.";
    }
    @Override public String remediation() {
        return "Remove the \"all\" launch permission (modify-image-attribute) and turn on Block Public Access for AMIs.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(AmiConfig image, AuditContext context) {
        // not image.publiclyShared(): that one trips over a null list element
        if (!Boolean.TRUE.equals(image.publicImage()) && (image.launchPermissions() == null || image.launchPermissions()
                .stream().noneMatch(p -> p != null && "all".equals(p.group())))) {
            return List.of();
        }
        return List.of(Evidence.of("share:all", "Any AWS account may launch the image", Exposure.INTERNET,
                Map.of("group", "all")));
    }
}
