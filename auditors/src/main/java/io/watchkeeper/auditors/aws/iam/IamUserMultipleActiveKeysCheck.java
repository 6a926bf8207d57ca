package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.config.aws.IamUserConfig.AccessKey;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** More than one active access key on the same user. */
@AutoService(Check.class)
public final class IamUserMultipleActiveKeysCheck implements Check<IamUserConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.user/multiple-active-keys"); }
    @Override public Class<IamUserConfig> configType() { return IamUserConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "IAM user has more than one active access key"; }
    @Override public String rationale() {
        return "Two active keys outside a short rotation window usually mean a forgotten key still in circulation.";
    }
    @Override public String remediation() {
        return "Finish the rotation: find which key is in use (last used date), deactivate the other and delete it.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.13"); }

    @Override
    public List<Evidence> evaluate(IamUserConfig user, AuditContext context) {
        List<Integer> active = IdentityStatements.nonNull(user.accessKeys()).stream().filter(AccessKey::active)
                .map(AccessKey::slot).sorted().toList();
        if (active.size() < 2) {
            return List.of();
        }
        ObjectNode details = Json.object();
        active.forEach(details.putArray("activeSlots")::add);
        return List.of(new Evidence("keys", active.size() + " active access keys (slots " + active + ")",
                Exposure.INTERNAL, details));
    }
}
