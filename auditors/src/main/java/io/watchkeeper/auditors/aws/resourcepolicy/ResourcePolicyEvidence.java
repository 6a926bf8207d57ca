package io.watchkeeper.auditors.aws.resourcepolicy;

import io.watchkeeper.auditors.policy.Policies;
import io.watchkeeper.auditors.policy.ResourcePolicies;
import io.watchkeeper.auditors.policy.PolicyEvaluator.Grant;
import io.watchkeeper.auditors.policy.Statement;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The evidence every resource-policy check (S3, KMS, SQS, SNS, Lambda) reports, in one place:
 * grants to the internet, grants to unknown accounts, and policies that cannot be read. A policy
 * that cannot be read (not JSON, wrong shapes, unknown operators, too many statements, condition
 * values of the wrong type) yields no grants: only the dedicated "unparseable" checks report it,
 * under the key {@value #UNPARSEABLE}.
 */
public final class ResourcePolicyEvidence {

    /** Evidence key of an unreadable policy. */
    public static final String UNPARSEABLE = "unparseable";
    /** Longest evidence key {@link Evidence} accepts. */
    static final int MAX_KEY = 500;
    private static final int MAX_TEXT = 200;
    private static final int EXCERPT = 4_096;

    private ResourcePolicyEvidence() {}

    /**
     * A policy as read for auditing.
     *
     * @param statements its statements (empty when absent or unreadable)
     * @param grants its grants to anyone outside the account (empty when absent or unreadable)
     * @param problem why it cannot be read, or null
     */
    public record Reading(List<Statement> statements, List<Grant> grants, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Reads {@code policy}; never throws. A null policy is an empty, readable one. */
    public static Reading read(PolicyDocument policy, AuditContext context) {
        if (policy == null) {
            return new Reading(List.of(), List.of(), null);
        }
        try {
            Policies.Parsed parsed = Policies.parse(policy);
            if (!parsed.ok()) {
                return new Reading(List.of(), List.of(), parsed.problem());
            }
            return new Reading(parsed.statements(), ResourcePolicies.externalGrants(parsed.statements(), context), null);
        } catch (RuntimeException e) {
            return new Reading(List.of(), List.of(), "cannot be read: " + e.getMessage());
        }
    }

    /** One piece of evidence per grant of {@code policy} to the internet. */
    public static List<Evidence> publicGrants(PolicyDocument policy, AuditContext context) {
        return grantsTo(read(policy, context).grants(), EntityClass.INTERNET);
    }

    /** One piece of evidence per grant of {@code policy} to an account nobody registered. */
    public static List<Evidence> unknownAccountGrants(PolicyDocument policy, AuditContext context) {
        return grantsTo(read(policy, context).grants(), EntityClass.UNKNOWN);
    }

    /** One piece of evidence per grant to {@code entity} (grants with the same key reported once). */
    public static List<Evidence> grantsTo(Collection<Grant> grants, EntityClass entity) {
        Map<String, Evidence> out = new LinkedHashMap<>();
        for (Grant g : grants) {
            if (g.entity() == entity) {
                out.putIfAbsent(key(g.key()), evidence(g));
            }
        }
        return List.copyOf(out.values());
    }

    /** The evidence of one grant: key statement + principal, exposure of the grantee's class. */
    public static Evidence evidence(Grant grant) {
        ObjectNode details = Json.object();
        details.set("statement", grant.statement().raw());
        details.put("principal", grant.principal());
        details.put("entity", grant.entity().name());
        details.set("actions", Json.tree(grant.actions()));
        List<String> actions = grant.actions();
        String shownActions = actions.isEmpty() ? "no actions" : actions.size() <= 3 ? String.join(", ", actions)
                : String.join(", ", actions.subList(0, 3)) + " and " + (actions.size() - 3) + " more";
        String message = grant.statement().key() + " allows " + grant.principal() + " (" + describe(grant)
                + "): " + shownActions;
        Exposure exposure = grant.entity().exposure();
        return new Evidence(key(grant.key()), line(message), exposure == null ? Exposure.INTERNAL : exposure, details);
    }

    /** Evidence under {@value #UNPARSEABLE} when {@code policy} cannot be read, else none. */
    public static List<Evidence> unparseable(PolicyDocument policy, AuditContext context) {
        Reading reading = read(policy, context);
        if (reading.ok()) {
            return List.of();
        }
        String text = policy.parsed() ? Json.write(policy.json()) : policy.unparseable() == null ? "" : policy.unparseable();
        ObjectNode details = Json.object();
        details.put("problem", clip(reading.problem(), 500));
        details.put("excerpt", clip(text, EXCERPT));
        details.put("sha256", CanonicalJson.sha256(text));
        return List.of(new Evidence(UNPARSEABLE, line("Policy cannot be audited: " + reading.problem()),
                Exposure.INTERNAL, details));
    }

    /** {@code key} bounded to what {@link Evidence} accepts; long keys keep a prefix and a hash of the whole. */
    public static String key(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        return key.substring(0, MAX_KEY - 65) + "#" + CanonicalJson.sha256(key);
    }

    /** {@code text} on one line (control characters become spaces), at most 200 characters. */
    public static String line(String text) {
        return clip(text == null ? "" : text.replaceAll("\\p{Cntrl}", " "), MAX_TEXT);
    }

    private static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Who the grant reaches, in words: the evaluator's class when it says more than the entity. */
    private static String describe(Grant grant) {
        return switch (grant.reach()) {
            case ANY_AUTHENTICATED -> grant.reach().words();
            case IP_RESTRICTED -> grant.entity() == EntityClass.UNKNOWN ? "unknown network" : describe(grant.entity());
            default -> describe(grant.entity());
        };
    }

    private static String describe(EntityClass entity) {
        return switch (entity) {
            case INTERNET -> "anyone";
            case UNKNOWN -> "unknown account";
            case THIRD_PARTY -> "third party";
            case FRIENDLY -> "registered account";
            case SAME_ACCOUNT -> "this account";
            case SERVICE -> "AWS service";
        };
    }
}
