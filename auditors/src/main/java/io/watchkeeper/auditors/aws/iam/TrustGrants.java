package io.watchkeeper.auditors.aws.iam;

import io.watchkeeper.auditors.policy.Policies;
import io.watchkeeper.auditors.policy.ResourcePolicies;
import io.watchkeeper.auditors.policy.Statement;
import io.watchkeeper.auditors.policy.Wildcards;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who outside the account a role's trust policy lets assume the role, through
 * {@link ResourcePolicies#externalGrants} (so {@code *} pinned by an account, organisation or
 * network condition is classified by that condition). Only statements that allow an
 * {@code sts:AssumeRole*} action count. Condition values are normalised to strings first: AWS
 * accepts numbers and booleans there, and the grant analysis reads strings. A principal shown as a
 * unique id (AROA…, AIDA…) is one that was deleted: it can never be used again and is not reported.
 */
final class TrustGrants {

    private static final List<String> ASSUME = List.of("sts:AssumeRole", "sts:AssumeRoleWithSAML",
            "sts:AssumeRoleWithWebIdentity");

    private static final Pattern DELETED = Pattern.compile("(AROA|AIDA|AGPA|AIPA)[A-Z0-9]{12,}");

    private TrustGrants() {}

    /** Evidence for the grants to {@code entity}, or none when the trust policy is absent or unreadable. */
    static List<Evidence> to(EntityClass entity, IamRoleConfig role, AuditContext context) {
        Policies.Parsed parsed = Policies.parse(role.trustPolicy());
        if (!parsed.ok()) {
            return List.of();
        }
        List<Statement> assuming = parsed.statements().stream().filter(TrustGrants::assumes)
                .map(TrustGrants::normalised).toList();
        return IdentityStatements.distinct(ResourcePolicies.externalGrants(assuming, context).stream()
                .filter(g -> g.entity() == entity && !DELETED.matcher(g.principal()).matches())
                .map(g -> new Evidence(IdentityStatements.key(g.key()), IdentityStatements.oneLine(
                        "Trust policy statement " + g.statement().key() + " lets " + g.principal() + " assume the role"),
                        entity.exposure(), g.statement().raw()))
                .toList());
    }

    private static boolean assumes(Statement s) {
        if (!s.allow()) {
            return false;
        }
        return s.notActions().isEmpty()
                ? s.actions().stream().anyMatch(a -> ASSUME.stream().anyMatch(x -> Wildcards.matches(a, x)))
                : ASSUME.stream().anyMatch(x -> s.notActions().stream().noneMatch(n -> Wildcards.matches(n, x)));
    }

    /** The statement with condition values as strings or lists of strings; other shapes are dropped. */
    private static Statement normalised(Statement s) {
        ObjectNode conditions = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> operator : s.conditions().properties()) {
            ObjectNode keys = conditions.putObject(operator.getKey());
            for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                JsonNode value = key.getValue();
                if (value.isValueNode() && !value.isNull()) {
                    keys.put(key.getKey(), value.asString());
                } else if (value.isArray()) {
                    ArrayNode values = keys.putArray(key.getKey());
                    value.forEach(v -> {
                        if (v.isValueNode() && !v.isNull()) {
                            values.add(v.asString());
                        }
                    });
                }
            }
        }
        return new Statement(s.index(), s.sid(), s.allow(), s.principals(), s.notPrincipals(), s.actions(),
                s.notActions(), s.resources(), s.notResources(), conditions, s.raw());
    }
}
