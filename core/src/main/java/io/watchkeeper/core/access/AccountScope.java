package io.watchkeeper.core.access;

import java.util.Set;
import java.util.TreeSet;

/**
 * The accounts a user or token may see: every account, or a fixed set of account ids.
 *
 * @param accountIds the allowed account ids, or null for every account
 */
public record AccountScope(Set<Long> accountIds) {

    /** Every account. */
    public static final AccountScope ALL = new AccountScope(null);

    public AccountScope {
        accountIds = accountIds == null ? null : Set.copyOf(accountIds);
    }

    /** A scope of exactly these accounts. */
    public static AccountScope of(Set<Long> accountIds) {
        return new AccountScope(accountIds);
    }

    /** Whether every account is allowed. */
    public boolean unrestricted() {
        return accountIds == null;
    }

    /** Whether account {@code accountId} is allowed. */
    public boolean allows(long accountId) {
        return accountIds == null || accountIds.contains(accountId);
    }

    /** Whether this scope is no wider than {@code other} (a token may never exceed its user). */
    public boolean within(AccountScope other) {
        if (other.unrestricted()) {
            return true;
        }
        return accountIds != null && other.accountIds.containsAll(accountIds);
    }

    /** The narrower of the two scopes. */
    public AccountScope intersect(AccountScope other) {
        if (unrestricted()) {
            return other;
        }
        if (other.unrestricted()) {
            return this;
        }
        Set<Long> both = new TreeSet<>(accountIds);
        both.retainAll(other.accountIds);
        return new AccountScope(both);
    }
}
