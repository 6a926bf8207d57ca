package io.watchkeeper.core.item;

import io.watchkeeper.core.access.AccountScope;

/**
 * Filters for listing items; null fields do not filter. Pages are keyset-based: pass the last id
 * of the previous page as {@code afterId}.
 *
 * @param account account name
 * @param type resource type id, or a provider name (aws, gcp, github) for all its types
 * @param region region
 * @param nameContains case-insensitive substring of the name or resource id
 * @param includeDeleted whether deleted items are listed
 * @param afterId list items with a larger id only
 * @param limit page size (1..1000)
 * @param tagKey only items whose current configuration has this tag key (or null)
 * @param tagValue with {@code tagKey}: only this tag value (or null for any value)
 * @param scope the accounts the caller may see
 */
public record ItemFilter(String account, String type, String region, String nameContains, boolean includeDeleted,
                         Long afterId, int limit, String tagKey, String tagValue, AccountScope scope) {
    public ItemFilter {
        limit = Math.max(1, Math.min(limit, 1000));
        tagKey = tagKey == null || tagKey.isBlank() ? null : tagKey.strip();
        tagValue = tagKey == null || tagValue == null || tagValue.isBlank() ? null : tagValue.strip();
        scope = scope == null ? AccountScope.ALL : scope;
    }

    /** A filter over every account without tag conditions. */
    public ItemFilter(String account, String type, String region, String nameContains, boolean includeDeleted,
                      Long afterId, int limit) {
        this(account, type, region, nameContains, includeDeleted, afterId, limit, null, null, AccountScope.ALL);
    }

    public static ItemFilter all() {
        return new ItemFilter(null, null, null, null, true, null, 1000);
    }
}
