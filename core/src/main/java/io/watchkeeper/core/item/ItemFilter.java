package io.watchkeeper.core.item;

/**
 * Filters for listing items; null fields do not filter. Pages are keyset-based: pass the last id
 * of the previous page as {@code afterId}.
 *
 * @param account account name
 * @param type resource type id
 * @param region region
 * @param nameContains case-insensitive substring of the name or resource id
 * @param includeDeleted whether deleted items are listed
 * @param afterId list items with a larger id only
 * @param limit page size (1..1000)
 */
public record ItemFilter(String account, String type, String region, String nameContains, boolean includeDeleted,
                         Long afterId, int limit) {

    public ItemFilter {
        limit = Math.max(1, Math.min(limit, 1000));
    }

    public static ItemFilter all() {
        return new ItemFilter(null, null, null, null, true, null, 1000);
    }
}
