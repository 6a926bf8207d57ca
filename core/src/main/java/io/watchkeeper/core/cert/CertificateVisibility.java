package io.watchkeeper.core.cert;

import java.util.Set;

/**
 * Which certificates a caller may see: those of its accounts, of its teams, and those it owns. A
 * null {@code accountIds} means every account (an unrestricted caller sees every certificate).
 *
 * @param accountIds the caller's accounts, or null for all
 * @param teamIds the teams the caller belongs to
 * @param userId the caller's user id, or null (the command line, a service)
 */
public record CertificateVisibility(Set<Long> accountIds, Set<Long> teamIds, Long userId) {

    public static final CertificateVisibility ALL = new CertificateVisibility(null, Set.of(), null);

    public CertificateVisibility {
        accountIds = accountIds == null ? null : Set.copyOf(accountIds);
        teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
    }

    public boolean unrestricted() {
        return accountIds == null;
    }

    /** Whether a certificate with this ownership is visible. */
    public boolean allows(Ownership o) {
        return unrestricted()
                || o.accountId() != null && accountIds.contains(o.accountId())
                || o.teamId() != null && teamIds.contains(o.teamId())
                || o.userId() != null && o.userId().equals(userId);
    }
}
