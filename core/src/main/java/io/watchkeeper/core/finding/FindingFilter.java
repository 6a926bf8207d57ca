package io.watchkeeper.core.finding;

import java.util.Set;

/**
 * Filters for listing findings; null (or empty) members do not filter. Ordered by score, highest
 * first, then id; keyset pages continue after ({@code afterScore}, {@code afterId}).
 *
 * @param statuses statuses (default: OPEN and REGRESSED)
 * @param account account name
 * @param check check id or glob
 * @param type resource type, or a provider name (aws, gcp, github) for all its types
 * @param region region
 * @param minSeverity lowest severity
 * @param resource substring of the resource id or name
 * @param afterScore score of the last row of the previous page
 * @param afterId id of the last row of the previous page
 * @param limit page size (1..5000)
 * @param scope the accounts the caller may see
 */
public record FindingFilter(Set<FindingStatus> statuses, String account, String check, String type, String region,
                            Severity minSeverity, String resource, Integer afterScore, Long afterId, int limit,
                            io.watchkeeper.core.access.AccountScope scope) {

    public FindingFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of(FindingStatus.OPEN, FindingStatus.REGRESSED)
                : Set.copyOf(statuses);
        limit = Math.max(1, Math.min(limit, 5000));
        scope = scope == null ? io.watchkeeper.core.access.AccountScope.ALL : scope;
    }

    /** A filter over every account. */
    public FindingFilter(Set<FindingStatus> statuses, String account, String check, String type, String region,
                         Severity minSeverity, String resource, Integer afterScore, Long afterId, int limit) {
        this(statuses, account, check, type, region, minSeverity, resource, afterScore, afterId, limit, null);
    }

    public static FindingFilter open() {
        return new FindingFilter(null, null, null, null, null, null, null, null, null, 5000);
    }
}
