package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.rules.Facts.details;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.policy.CallerPins;
import io.watchkeeper.auditors.policy.Condition;
import io.watchkeeper.auditors.policy.Policies;
import io.watchkeeper.auditors.policy.PolicyEvaluator;
import io.watchkeeper.auditors.policy.Statement;
import io.watchkeeper.auditors.policy.Wildcards;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Role trust beyond "who": third-party accounts trusted without an external id or MFA (through the
 * {@link PolicyEvaluator}, so a grant a Deny or a pin narrows is judged as narrowed), AWS services
 * trusted without {@code aws:SourceArn}/{@code aws:SourceAccount} (the confused deputy), and CIS 1.17:
 * no role of the account may use the AWS Support policy (an account-level control reported once on the
 * account's first role by ARN).
 */
@AutoService(CheckSet.class)
public final class TrustRules implements CheckSet {

    static final ResourceType ROLE = ResourceType.of("aws.iam.role");
    static final String SUPPORT_POLICY = "arn:aws:iam::aws:policy/AWSSupportAccess";
    private static final List<String> ASSUME = List.of("sts:AssumeRole");
    private static final Set<String> SOURCE_KEYS = Set.of("aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid",
            "aws:sourceorgpaths");
    /**
     * Services that only ever assume a role for the account's own resources (an instance, a function, a
     * task, a node): no other customer can make them act, so no source condition is needed.
     */
    private static final Set<String> OWN_COMPUTE = Set.of("ec2.amazonaws.com", "lambda.amazonaws.com",
            "edgelambda.amazonaws.com", "ecs-tasks.amazonaws.com", "eks.amazonaws.com", "eks-nodegroup.amazonaws.com",
            "eks-fargate-pods.amazonaws.com", "pods.eks.amazonaws.com", "spotfleet.amazonaws.com",
            "autoscaling.amazonaws.com");

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.iam.role/third-party-trust-without-external-id", IamRoleConfig.class, Severity.MEDIUM)
                        .title("Role trusts a third-party account without an external id or MFA")
                        .why("A vendor that assumes roles for many customers can be tricked by another customer into"
                                + " using this role (the confused deputy) unless the trust requires an external id.")
                        .fix("Add a StringEquals sts:ExternalId condition with the id the vendor gave you (or require MFA"
                                + " for people).")
                        .evaluate(TrustRules::thirdPartyWithoutExternalId),
                RuleCheck.of("aws.iam.role/service-trust-without-source", IamRoleConfig.class, Severity.LOW)
                        .title("Role trusts an AWS service without aws:SourceArn or aws:SourceAccount")
                        .why("A service that acts for many customers (SNS, CloudTrail, Config, S3…) can be made by"
                                + " another customer to use this role: the cross-service confused deputy.")
                        .fix("Add aws:SourceAccount (this account) or aws:SourceArn (the resource that uses the role) to"
                                + " the trust statement.")
                        .evaluate(TrustRules::serviceWithoutSource),
                RuleCheck.of("aws.iam.role/no-support-role", IamRoleConfig.class, Severity.LOW)
                        .title("No role of the account has the AWSSupportAccess policy")
                        .why("Without a support role, people open AWS Support cases with broader credentials (root or"
                                + " administrators) during incidents.")
                        .fix("Create a role people can assume with arn:aws:iam::aws:policy/AWSSupportAccess attached.")
                        .cis("1.17")
                        .dependsOn(ROLE.id())
                        .evaluate(TrustRules::noSupportRole));
    }

    static List<Evidence> thirdPartyWithoutExternalId(IamRoleConfig role, AuditContext context) {
        Policies.Parsed parsed = Policies.parse(role.trustPolicy());
        if (!parsed.ok()) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (PolicyEvaluator.Grant g : PolicyEvaluator.grants(parsed.statements(), context, ASSUME)) {
            if (g.entity() == EntityClass.THIRD_PARTY && !externalIdOrMfa(g.statement())) {
                out.add(new Evidence(IdentityStatements.key(g.key()), IdentityStatements.oneLine("Trust policy statement "
                        + g.statement().key() + " lets third party " + g.principal() + " assume the role without an"
                        + " external id or MFA"), Exposure.THIRD_PARTY, g.statement().raw()));
            }
        }
        return IdentityStatements.distinct(out);
    }

    private static boolean externalIdOrMfa(Statement s) {
        for (Condition c : Condition.of(s.conditions())) {
            if (c.ifExists() || c.values().isEmpty()) {
                continue;
            }
            if (c.key().equals("sts:externalid") && c.positive() && c.values().stream().noneMatch(Wildcards::onlyWildcards)) {
                return true;
            }
            if (c.key().equals("aws:multifactorauthpresent") && c.operator().equals("bool")
                    && c.values().stream().allMatch("true"::equalsIgnoreCase)) {
                return true;
            }
            if (c.key().equals("aws:multifactorauthage") && c.operator().startsWith("numericless")) {
                return true;
            }
        }
        return false;
    }

    static List<Evidence> serviceWithoutSource(IamRoleConfig role, AuditContext context) {
        if (role.path() != null && role.path().startsWith("/aws-service-role/")) {
            return List.of();
        }
        Policies.Parsed parsed = Policies.parse(role.trustPolicy());
        if (!parsed.ok()) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (Statement s : parsed.statements()) {
            if (!s.allow() || !(s.allowsAction("sts:AssumeRole") || s.allowsAction("sts:SetSourceIdentity")) || pinned(s, context)) {
                continue;
            }
            for (Statement.Principal p : s.principals()) {
                String service = p.value() == null ? "" : p.value().toLowerCase(Locale.ROOT);
                if ("Service".equals(p.type()) && !OWN_COMPUTE.contains(service) && service.endsWith(".amazonaws.com")) {
                    out.add(new Evidence(IdentityStatements.key(s.key() + ":" + p.value()), IdentityStatements.oneLine(
                            "Trust policy statement " + s.key() + " lets " + p.value() + " assume the role for any"
                                    + " source (no aws:SourceArn or aws:SourceAccount)"), Exposure.INTERNAL, s.raw()));
                }
            }
        }
        return IdentityStatements.distinct(out);
    }

    /** Whether a clause pins the calling resource to known accounts or organisations. */
    private static boolean pinned(Statement s, AuditContext context) {
        for (Condition c : Condition.of(s.conditions())) {
            if (!SOURCE_KEYS.contains(c.key())) {
                continue;
            }
            if (c.key().startsWith("aws:sourceorg")) {
                if (!c.ifExists() && c.positive() && !c.values().isEmpty()
                        && c.values().stream().noneMatch(Wildcards::onlyWildcards)) {
                    return true;
                }
                continue;
            }
            CallerPins.Pin pin = CallerPins.allow(c, context);
            if (pin != null && pin.restricts()) {
                return true;
            }
        }
        return false;
    }

    static List<Evidence> noSupportRole(IamRoleConfig role, AuditContext context) {
        String mine = role.arn() == null ? "" : role.arn();
        if (hasSupport(role)) {
            return List.of();
        }
        for (var item : context.related(ROLE, IamRoleConfig.class)) {
            IamRoleConfig other = item.config();
            if (other == null) {
                continue;
            }
            if (hasSupport(other) || other.arn() != null && other.arn().compareTo(mine) < 0) {
                return List.of();
            }
        }
        return List.of(Evidence.of("account:support-role", "No role of the account has AWSSupportAccess attached",
                Exposure.INTERNAL, details("policy", SUPPORT_POLICY)));
    }

    private static boolean hasSupport(IamRoleConfig role) {
        if (role.attachedPolicyArns() == null) {
            return false;
        }
        for (String arn : role.attachedPolicyArns()) {
            if (arn != null && support(arn)) {
                return true;
            }
        }
        return false;
    }

    private static boolean support(String arn) {
        return arn.endsWith(":iam::aws:policy/AWSSupportAccess") && arn.startsWith("arn:aws");
    }
}
