package io.watchkeeper.auditors.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3AccountPublicAccessBlockConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;

/** The account's S3 Block Public Access is missing or not all four settings are on. */
@AutoService(Check.class)
public final class S3AccountPublicAccessBlockNotEnabledCheck implements Check<S3AccountPublicAccessBlockConfig> {

    @Override public CheckId id() { return CheckId.of("aws.s3.account-public-access-block/not-enabled"); }
    @Override public Class<S3AccountPublicAccessBlockConfig> configType() { return S3AccountPublicAccessBlockConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "S3 Block Public Access is not fully on for the account"; }
    @Override public String rationale() {
        return "Account-wide Block Public Access is the one switch that keeps every bucket, present and future, "
                + "private.";
    }
    @Override public String remediation() {
        return "Turn on all four account-level Block Public Access settings (s3control put-public-access-block).";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:2.1.4"); }

    @Override
    public List<Evidence> evaluate(S3AccountPublicAccessBlockConfig account, AuditContext context) {
        PublicAccessBlock settings = account.settings();
        if (settings != null && settings.allBlocked()) {
            return List.of();
        }
        var details = settings == null ? Json.object().put("settings", "none") : Json.tree(settings);
        return List.of(new Evidence("block-public-access", settings == null ? "Account has no Block Public Access settings"
                : "Not all four account Block Public Access settings are on", Exposure.INTERNAL, details));
    }
}
