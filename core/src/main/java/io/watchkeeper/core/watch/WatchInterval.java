package io.watchkeeper.core.watch;

/**
 * A configured watch interval. Null account or type means "every"; the most specific row wins:
 * account and type, then account, then type, then the default.
 *
 * @param accountId account, or null for every account
 * @param accountName the account's name (null when accountId is null)
 * @param type resource type id, or null for every type
 * @param minutes interval in minutes (1..10080)
 */
public record WatchInterval(Long accountId, String accountName, String type, int minutes) {

    /** Specificity: 3 for account+type, 2 for account, 1 for type, 0 for the global row. */
    public int specificity() {
        return (accountId != null ? 2 : 0) + (type != null ? 1 : 0);
    }

    public boolean appliesTo(long account, String resourceType) {
        return (accountId == null || accountId == account) && (type == null || type.equals(resourceType));
    }
}
