package io.watchkeeper.auditors.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig.MetadataOptions;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/** The instance metadata service answers token-less (IMDSv1) requests; worse with a public IP (SSRF from the internet). */
@AutoService(Check.class)
public final class Ec2InstanceImdsv1AllowedCheck implements Check<Ec2InstanceConfig> {

    @Override public CheckId id() { return CheckId.of("aws.ec2.instance/imdsv1-allowed"); }
    @Override public Class<Ec2InstanceConfig> configType() { return Ec2InstanceConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "EC2 instance allows IMDSv1 (metadata without a session token)"; }
    @Override public String rationale() {
        return "With IMDSv1 a single server-side request forgery or open proxy on the instance reads the instance "
                + "role's temporary credentials; IMDSv2's PUT-issued token blocks that.";
    }
    @Override public String remediation() {
        return "Set HttpTokens to required (aws ec2 modify-instance-metadata-options --http-tokens required), "
                + "and make IMDSv2 the account default for new instances.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:5.6"); }

    @Override
    public List<Evidence> evaluate(Ec2InstanceConfig instance, AuditContext context) {
        MetadataOptions imds = instance.metadataOptions();
        if (imds == null || !imds.imdsV1Allowed()) {
            return List.of();
        }
        boolean publicIp = instance.hasPublicIp();
        return List.of(Evidence.of("imds", "IMDSv1 allowed (httpTokens " + imds.httpTokens() + ")"
                        + (publicIp ? " on an instance with a public IP" : ""),
                publicIp ? Exposure.INTERNET : Exposure.INTERNAL, imds));
    }
}
