package io.watchkeeper.core.cert;

import java.time.Instant;

/**
 * Which certificates to list; null fields do not filter.
 *
 * @param ownerUserId owning user
 * @param teamId owning team
 * @param accountId account
 * @param authorityId issuing authority
 * @param status stored status (EXPIRED matches active certificates past notAfter too)
 * @param expiringBefore notAfter before this instant
 * @param name common name or DNS SAN containing this text (case-insensitive)
 * @param afterId keyset paging: ids greater than this
 * @param limit at most this many (1-1000)
 * @param visibility what the caller may see ({@link CertificateVisibility#ALL} when null)
 */
public record CertificateFilter(
        Long ownerUserId,
        Long teamId,
        Long accountId,
        Long authorityId,
        CertificateStatus status,
        Instant expiringBefore,
        String name,
        long afterId,
        int limit,
        CertificateVisibility visibility) {

    public CertificateFilter {
        limit = limit <= 0 ? 200 : Math.min(limit, 1000);
        visibility = visibility == null ? CertificateVisibility.ALL : visibility;
    }

    public static CertificateFilter all() {
        return new CertificateFilter(null, null, null, null, null, null, null, 0, 1000, CertificateVisibility.ALL);
    }
}
