package io.watchkeeper.auditors.aws.organizations;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.is;
import static io.watchkeeper.auditors.rules.Facts.list;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.policy.Policies;
import io.watchkeeper.auditors.policy.Statement;
import io.watchkeeper.auditors.policy.Wildcards;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.OrganizationPolicyConfig;
import io.watchkeeper.core.config.aws.OrganizationPolicyConfig.Target;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Organisation guardrails as service control policies (AWS's published example SCPs, checked by
 * peers as "SCP denies …"): the organisation's root carries an SCP that denies leaving the
 * organisation, stopping or deleting CloudTrail trails, disabling GuardDuty, and stopping AWS Config.
 * Decided once per organisation from every SCP the watched account may read (the management account
 * or a delegated administrator), and reported on the first SCP by id; an organisation whose SCPs are
 * not watched has no items, so nothing is decided.
 *
 * <p>A deny counts when its Action (or NotAction) covers every listed action on every resource; its
 * conditions (the usual exemption of a break-glass role) do not void it. It must be attached to the
 * root: attached only to OUs or accounts, others can still do it, and the evidence names where it is.
 */
@AutoService(CheckSet.class)
public final class ScpGuardrailRules implements CheckSet {

    static final ResourceType POLICY = ResourceType.of("aws.organizations.policy");
    static final String SCP = "SERVICE_CONTROL_POLICY";

    /**
     * One guardrail.
     *
     * @param slug the check id's suffix
     * @param actions every action the deny must cover
     * @param what what the guardrail prevents, in messages
     * @param why why it matters
     */
    record Guardrail(String slug, List<String> actions, String what, String why) {}

    static final List<Guardrail> GUARDRAILS = List.of(
            new Guardrail("no-deny-leave-organization", List.of("organizations:LeaveOrganization"),
                    "leaving the organisation",
                    "An account that leaves the organisation sheds every SCP, the organisation trail and central"
                            + " security services; an intruder with admin rights in a member account can do it in one call."),
            new Guardrail("no-deny-cloudtrail-tampering", List.of("cloudtrail:StopLogging", "cloudtrail:DeleteTrail",
                    "cloudtrail:UpdateTrail"), "stopping, changing or deleting CloudTrail",
                    "Stopping or deleting the trail is an intruder's first step to act unrecorded."),
            new Guardrail("no-deny-guardduty-disabling", List.of("guardduty:DeleteDetector", "guardduty:UpdateDetector",
                    "guardduty:DisassociateFromMasterAccount"), "disabling GuardDuty or leaving its administrator",
                    "Without the deny, an account administrator can switch GuardDuty off before acting."),
            new Guardrail("no-deny-config-disabling", List.of("config:StopConfigurationRecorder",
                    "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel"), "stopping AWS Config",
                    "Stopping the recorder erases the configuration history of whatever is done next."));

    @Override
    public List<Check<?>> checks() {
        List<Check<?>> out = new ArrayList<>();
        for (Guardrail g : GUARDRAILS) {
            out.add(RuleCheck.of("aws.organizations.policy/" + g.slug(), OrganizationPolicyConfig.class, Severity.MEDIUM)
                    .title("No SCP on the organisation root denies " + g.what())
                    .why(g.why())
                    .fix("Attach to the root an SCP that denies " + String.join(", ", g.actions())
                            + " (exempt a break-glass role with an ArnNotLike aws:PrincipalARN condition if needed).")
                    .dependsOn("aws.organizations.policy")
                    .evaluate((p, ctx) -> evaluate(g, p, ctx)));
        }
        return List.copyOf(out);
    }

    static List<Evidence> evaluate(Guardrail g, OrganizationPolicyConfig policy, AuditContext context) {
        if (!is(policy.type(), SCP)) {
            return List.of();
        }
        List<OrganizationPolicyConfig> scps = new ArrayList<>();
        for (var related : context.related(POLICY, OrganizationPolicyConfig.class)) {
            if (related.config() != null && is(related.config().type(), SCP)) {
                scps.add(related.config());
            }
        }
        if (scps.stream().noneMatch(p -> Objects.equals(p.policyId(), policy.policyId()))) {
            scps.add(policy);
        }
        scps.sort(Comparator.comparing(p -> Objects.requireNonNullElse(p.policyId(), "")));
        if (!Objects.equals(scps.getFirst().policyId(), policy.policyId())) {
            return List.of(); // reported once, on the organisation's first SCP
        }
        TreeSet<String> elsewhere = new TreeSet<>();
        for (OrganizationPolicyConfig p : scps) {
            if (!denies(p, g.actions())) {
                continue;
            }
            List<Target> targets = list(p.targets());
            if (targets.stream().anyMatch(t -> t != null && is(t.type(), "ROOT"))) {
                return List.of();
            }
            targets.stream().filter(Objects::nonNull)
                    .forEach(t -> elsewhere.add(p.name() + " on " + t.type() + " " + t.targetId()));
        }
        String why = elsewhere.isEmpty() ? "no SCP denies it" : "denied only below the root: " + String.join(", ", elsewhere);
        return List.of(Evidence.of("organization", Facts.line("No SCP on the organisation root denies " + g.what()
                + " (" + why + ")"), Exposure.INTERNAL, details("actions", g.actions(), "deniedBelowRoot",
                List.copyOf(elsewhere), "scpsRead", scps.size())));
    }

    /** Whether one Deny statement of {@code p} covers every action in {@code actions} on every resource. */
    static boolean denies(OrganizationPolicyConfig p, List<String> actions) {
        Policies.Parsed parsed = Policies.parse(p.content());
        if (!parsed.ok()) {
            return false;
        }
        for (Statement s : parsed.statements()) {
            if (s.allow() || !s.notResources().isEmpty() || s.resources().stream().noneMatch(r -> "*".equals(r))) {
                continue;
            }
            if (actions.stream().allMatch(a -> covers(s, a))) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(Statement s, String action) {
        if (!s.notActions().isEmpty()) {
            return s.notActions().stream().noneMatch(n -> Wildcards.matches(n, action));
        }
        return s.actions().stream().anyMatch(a -> Wildcards.matches(a, action));
    }
}
