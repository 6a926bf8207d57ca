package io.watchkeeper.auditors.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Map;

/** A running instance has no IAM instance profile, so whatever calls AWS from it likely uses static keys. */
@AutoService(Check.class)
public final class Ec2InstanceNoInstanceProfileCheck implements Check<Ec2InstanceConfig> {

    @Override public CheckId id() { return CheckId.of("aws.ec2.instance/no-instance-profile"); }
    @Override public Class<Ec2InstanceConfig> configType() { return Ec2InstanceConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "Running EC2 instance has no IAM instance profile"; }
    @Override public String rationale() {
        return "Without an instance role, software on the instance that calls AWS needs long-lived access keys "
                + "on disk, which leak and are rarely rotated.";
    }
    @Override public String remediation() {
        return "Attach an instance profile with a least-privilege role and remove access keys from the instance.";
    }
    /** No CIS control: CIS AWS 3.0 1.18 (instance roles) is a manual recommendation; its report lists this check as related. */
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(Ec2InstanceConfig instance, AuditContext context) {
        String profile = instance.iamInstanceProfileArn();
        if (!"running".equals(instance.state()) || profile != null && !profile.isBlank()) {
            return List.of();
        }
        return List.of(Evidence.of("instance-profile", "Running instance has no IAM instance profile",
                Exposure.INTERNAL, Map.of("state", "running", "iamInstanceProfileArn", "none")));
    }
}
