package io.watchkeeper.iamtuner.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One IAM action of the catalogue.
 *
 * @param id position in the catalogue (actions of a service are contiguous, sorted by name)
 * @param service service prefix ({@code s3})
 * @param name action name as AWS spells it ({@code GetObject})
 * @param levels access levels (one or two)
 * @param lastAccessed whether action-level last-accessed data covers it
 * @param resourceTypes resource type names the action applies to (empty: only {@code *})
 * @param dependentActions actions AWS also requires when this one is used ({@code iam:PassRole})
 */
public record IamAction(int id, String service, String name, Set<AccessLevel> levels, LastAccessedSupport lastAccessed,
                        List<String> resourceTypes, List<String> dependentActions) {

    public IamAction {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        levels = Set.copyOf(levels);
        resourceTypes = List.copyOf(resourceTypes);
        dependentActions = List.copyOf(dependentActions);
    }

    /** {@code s3:GetObject}. */
    public String qualified() {
        return service + ":" + name;
    }

    /** The most privileged level (permissions management, write, tagging, read, list), for ordering by risk. */
    public AccessLevel topLevel() {
        for (AccessLevel l : List.of(AccessLevel.PERMISSIONS_MANAGEMENT, AccessLevel.WRITE, AccessLevel.TAGGING,
                AccessLevel.READ)) {
            if (levels.contains(l)) {
                return l;
            }
        }
        return AccessLevel.LIST;
    }
}
