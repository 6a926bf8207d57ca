package io.watchkeeper.auditors.policy;

import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.EntityClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Who a resource policy (S3, SQS, SNS, KMS, Lambda, a role's trust policy) lets in. A principal of
 * {@code *} restricted by a condition on the caller's account, organisation, VPC or source IP is
 * classified by that condition's values, not as the internet: a bucket policy with a restricting
 * Condition is not public.
 */
public final class ResourcePolicies {

    /** Condition keys that pin the caller to accounts or ARNs (values are classified as principals). */
    private static final Set<String> ACCOUNT_KEYS = Set.of("aws:sourceaccount", "aws:principalaccount",
            "aws:sourceowner", "aws:sourcearn", "aws:principalarn", "aws:userid", "kms:calleraccount",
            "aws:resourceaccount");
    /** Condition keys that pin the caller inside the organisation's network or organisation. */
    private static final Set<String> PRIVATE_KEYS = Set.of("aws:principalorgid", "aws:principalorgpaths",
            "aws:sourcevpc", "aws:sourcevpce", "aws:sourceorgid", "aws:sourceorgpaths");
    private static final Set<String> POSITIVE_OPERATORS = Set.of("stringequals", "stringlike", "arnequals", "arnlike",
            "stringequalsignorecase", "ipaddress");

    private ResourcePolicies() {}

    /**
     * One way in.
     *
     * @param statement the statement that allows it
     * @param principal the principal as written (or the restricting condition values)
     * @param entity who that is
     * @param actions the actions allowed (NotAction shown as "NOT ...")
     */
    public record Grant(Statement statement, String principal, EntityClass entity, List<String> actions) {

        /** Evidence key: statement and principal. */
        public String key() {
            return statement.key() + ":" + principal;
        }
    }

    /** Grants to anyone outside the account (the internet, unknown, third-party or friendly accounts). */
    public static List<Grant> externalGrants(List<Statement> statements, AuditContext context) {
        List<Grant> grants = new ArrayList<>();
        for (Statement s : statements) {
            if (!s.allow()) {
                continue;
            }
            List<String> actions = s.notActions().isEmpty() ? s.actions()
                    : s.notActions().stream().map(a -> "NOT " + a).toList();
            if (!s.notPrincipals().isEmpty()) {
                grants.add(new Grant(s, "NotPrincipal", EntityClass.INTERNET, actions));
                continue;
            }
            for (Statement.Principal p : s.principals()) {
                if ("Service".equalsIgnoreCase(p.type()) || "Federated".equalsIgnoreCase(p.type())) {
                    continue;
                }
                EntityClass entity;
                String shown = p.value();
                if (p.everyone()) {
                    Restriction r = restriction(s.conditions(), context);
                    entity = r == null ? EntityClass.INTERNET : r.entity();
                    shown = r == null ? "*" : "* if " + r.description();
                } else if ("CanonicalUser".equalsIgnoreCase(p.type())) {
                    entity = EntityClass.UNKNOWN;
                } else {
                    entity = context.classifyPrincipal(p.value());
                }
                if (entity != EntityClass.SAME_ACCOUNT && entity != EntityClass.SERVICE) {
                    grants.add(new Grant(s, shown, entity, actions));
                }
            }
        }
        return grants;
    }

    private record Restriction(EntityClass entity, String description) {}

    /** The narrowest pinning condition of a statement, or null when nothing restricts the caller. */
    private static Restriction restriction(JsonNode conditions, AuditContext context) {
        List<Restriction> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operator : conditions.properties()) {
            String op = operator.getKey().toLowerCase(Locale.ROOT);
            if (op.endsWith("ifexists") || op.startsWith("forallvalues:")) {
                continue;
            }
            String bare = op.startsWith("foranyvalue:") ? op.substring("foranyvalue:".length()) : op;
            if (!POSITIVE_OPERATORS.contains(bare)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                String k = key.getKey().toLowerCase(Locale.ROOT);
                List<String> values;
                try {
                    values = Policies.strings(key.getValue().isNumber()
                            ? tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(key.getValue().asString())
                            : key.getValue());
                } catch (IllegalArgumentException e) {
                    continue; // a value that is not a string restricts nobody we can name: the grant stays open
                }
                if (values.isEmpty()) {
                    continue;
                }
                if (ACCOUNT_KEYS.contains(k)) {
                    EntityClass worst = values.stream().map(v -> v.contains("*") ? EntityClass.UNKNOWN
                            : context.classifyPrincipal(v)).max(Comparator.naturalOrder()).orElse(EntityClass.UNKNOWN);
                    found.add(new Restriction(worst, key.getKey() + " " + String.join(",", values)));
                } else if (PRIVATE_KEYS.contains(k)) {
                    found.add(new Restriction(EntityClass.FRIENDLY, key.getKey() + " " + String.join(",", values)));
                } else if ("aws:sourceip".equals(k) && "ipaddress".equals(bare)) {
                    EntityClass worst = values.stream().map(context::classifyNetwork)
                            .max(Comparator.naturalOrder()).orElse(EntityClass.INTERNET);
                    found.add(new Restriction(worst, key.getKey() + " " + String.join(",", values)));
                }
            }
        }
        return found.stream().min(Comparator.comparing(Restriction::entity)).orElse(null);
    }
}
