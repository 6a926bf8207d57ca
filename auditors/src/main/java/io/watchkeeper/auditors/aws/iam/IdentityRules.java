package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.iam.IdentityStatements.Analysis;
import io.watchkeeper.auditors.policy.Statement;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.IamGroupConfig;
import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.config.aws.IamPolicyConfig;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Identity-policy weaknesses checked on customer-managed policies and on the inline policies of roles,
 * users and groups: privilege-escalation paths ({@link EscalationPaths}, the path named in the
 * evidence), {@code sts:AssumeRole} on every role, and every CloudTrail or KMS action.
 */
@AutoService(CheckSet.class)
public final class IdentityRules implements CheckSet {

    /** One kind of weakness, with its texts. */
    private record Kind(String name, Severity severity, String title, String why, String fix, Analysis analysis) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("privilege-escalation", Severity.HIGH, "allows a privilege-escalation path",
                    "The actions together let the holder grant itself more (up to administrator) without anyone's"
                            + " approval: the permissions it appears to have are not its real limit.",
                    "Remove the actions, or scope them to named resources (and iam:PassRole to named roles with"
                            + " iam:PassedToService).", null),
            new Kind("assume-any-role", Severity.MEDIUM, "allows sts:AssumeRole on every role",
                    "The holder can become any role whose trust policy trusts the account, in this and other accounts.",
                    "Name the roles it must assume.", Analysis.ASSUME_ANY_ROLE),
            new Kind("cloudtrail-star", Severity.MEDIUM, "allows every CloudTrail action",
                    "cloudtrail:* includes StopLogging, DeleteTrail and PutEventSelectors: the holder can blind the"
                            + " account's audit trail.", "Grant the read actions it needs (cloudtrail:Describe*, Get*, "
                            + "LookupEvents) instead.", Analysis.CLOUDTRAIL_STAR),
            new Kind("kms-star", Severity.MEDIUM, "allows every KMS action on every key",
                    "kms:* on every key includes decrypting every secret and scheduling every key's deletion.",
                    "Grant the key actions it needs on the keys it uses.", Analysis.KMS_STAR));

    @Override
    public List<Check<?>> checks() {
        List<Check<?>> out = new ArrayList<>();
        for (Kind kind : KINDS) {
            out.add(RuleCheck.of("aws.iam.policy/" + kind.name(), IamPolicyConfig.class, kind.severity())
                    .title("Customer-managed policy " + kind.title()).why(kind.why()).fix(kind.fix())
                    .evaluate((p, ctx) -> managed(kind, p, ctx)));
            out.add(inline(kind, "aws.iam.role", IamRoleConfig.class, IamRoleConfig::inlinePolicies, "Role"));
            out.add(inline(kind, "aws.iam.user", IamUserConfig.class, IamUserConfig::inlinePolicies, "User"));
            out.add(inline(kind, "aws.iam.group", IamGroupConfig.class, IamGroupConfig::inlinePolicies, "Group"));
        }
        return List.copyOf(out);
    }

    private static List<Evidence> managed(Kind kind, IamPolicyConfig policy, AuditContext context) {
        if (kind.analysis() != null) {
            return IdentityStatements.managed(policy.document(), kind.analysis(), context);
        }
        return EscalationPaths.of(IdentityStatements.statements(policy.document()), context.account().externalId(),
                "The policy", true);
    }

    private static <C extends Record> Check<C> inline(Kind kind, String type, Class<C> configType,
                                                      Function<C, List<IamInlinePolicy>> policies, String noun) {
        return RuleCheck.of(type + "/inline-" + kind.name(), configType, kind.severity())
                .title(noun + " inline policy " + kind.title()).why(kind.why()).fix(kind.fix())
                .evaluate((c, ctx) -> {
                    List<IamInlinePolicy> inline = policies.apply(c);
                    if (kind.analysis() != null) {
                        return IdentityStatements.inline(inline, kind.analysis(), ctx);
                    }
                    List<Statement> all = new ArrayList<>();
                    for (IamInlinePolicy p : IdentityStatements.nonNull(inline)) {
                        all.addAll(IdentityStatements.statements(p.document()));
                    }
                    return EscalationPaths.of(all, ctx.account().externalId(), "Its inline policies together", false);
                });
    }
}
