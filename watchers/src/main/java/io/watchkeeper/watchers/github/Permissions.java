package io.watchkeeper.watchers.github;

import io.watchkeeper.core.config.github.RepositoryPermission;
import tools.jackson.databind.JsonNode;

/** A listed repository's or collaborator's {@code permissions} object as one permission. */
final class Permissions {

    private static final String[] ORDER = {"admin", "maintain", "push", "triage", "pull"};

    private Permissions() {}

    /** The highest permission set to true, or null. */
    static String highest(JsonNode permissions) {
        for (String p : ORDER) {
            if (Fields.isTrue(permissions, p)) {
                return p;
            }
        }
        return null;
    }

    static RepositoryPermission of(String repository, JsonNode holder) {
        return new RepositoryPermission(repository, highest(holder.get("permissions")), Fields.text(holder, "role_name"));
    }
}
