package io.watchkeeper.auditors.policy;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One statement of an AWS policy, normalised: single values become lists, principals become
 * {@link Principal}s.
 *
 * @param index position in the document (for evidence keys when there is no Sid)
 * @param sid the Sid, or null
 * @param allow Effect is Allow (false: Deny)
 * @param principals Principal entries (empty when the statement has none, as in identity policies)
 * @param notPrincipals NotPrincipal entries
 * @param actions Action entries, as written
 * @param notActions NotAction entries
 * @param resources Resource entries
 * @param notResources NotResource entries
 * @param conditions the Condition block (an empty object when none)
 * @param raw the statement as written (canonical), for evidence details
 */
public record Statement(
        int index, String sid, boolean allow, List<Principal> principals, List<Principal> notPrincipals,
        List<String> actions, List<String> notActions, List<String> resources, List<String> notResources,
        JsonNode conditions, JsonNode raw) {

    /** The statement's name in evidence keys: its Sid, else its position. */
    public String key() {
        return sid != null && !sid.isBlank() ? "sid:" + sid : "statement:" + index;
    }

    public boolean hasConditions() {
        return conditions != null && conditions.size() > 0;
    }

    /** Whether any Action entry matches {@code action} (case-insensitive, with * and ? wildcards). */
    public boolean allowsAction(String action) {
        return allow && notActions.isEmpty() && actions.stream().anyMatch(a -> Wildcards.matches(a, action));
    }

    /**
     * A principal entry.
     *
     * @param type AWS, Service, Federated, CanonicalUser, or * (the bare string "*")
     * @param value the account id, ARN, service name, or *
     */
    public record Principal(String type, String value) {

        public boolean everyone() {
            return "*".equals(value) || "*".equals(type) && "*".equals(value);
        }
    }
}
