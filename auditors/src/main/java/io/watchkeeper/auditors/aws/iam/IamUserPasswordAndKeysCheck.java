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

/** The same user has a console password and active access keys (a person and a program sharing one identity). */
@AutoService(Check.class)
public final class IamUserPasswordAndKeysCheck implements Check<IamUserConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.user/password-and-keys"); }
    @Override public Class<IamUserConfig> configType() { return IamUserConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "IAM user has both a console password and active access keys"; }
    @Override public String rationale() {
        return "A user that is both a person (console) and a program (keys) doubles the ways in, and its keys tend to"
                + " carry the person's broad permissions.";
    }
    @Override public String remediation() {
        return "Give programs their own role or user with narrow permissions; people should use the console or"
                + " short-lived credentials (IAM Identity Center) instead of access keys.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(IamUserConfig user, AuditContext context) {
        List<Integer> active = IdentityStatements.nonNull(user.accessKeys()).stream().filter(AccessKey::active)
                .map(AccessKey::slot).sorted().toList();
        if (!user.passwordEnabled() || active.isEmpty()) {
            return List.of();
        }
        ObjectNode details = Json.object().put("passwordEnabled", true);
        active.forEach(details.putArray("activeSlots")::add);
        return List.of(new Evidence("password-and-keys", "Console password and " + active.size()
                + " active access key(s)", Exposure.INTERNAL, details));
    }
}
