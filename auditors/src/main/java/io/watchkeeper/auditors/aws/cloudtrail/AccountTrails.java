package io.watchkeeper.auditors.aws.cloudtrail;

import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig.EventSelector;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The account's trails as CIS AWS 3.0 3.1 sees them: the control passes when at least one trail is
 * multi-region, logging, and records read and write management events. Decided per account from
 * every trail of the account (read through the audit context), so a single-region trail next to
 * such a trail fails nothing.
 */
final class AccountTrails {

    static final ResourceType TRAIL = ResourceType.of("aws.cloudtrail.trail");

    private AccountTrails() {}

    /** The account's trails, {@code trail} among them, sorted by ARN (then name). */
    static List<CloudTrailTrailConfig> of(CloudTrailTrailConfig trail, AuditContext context) {
        List<CloudTrailTrailConfig> out = new ArrayList<>();
        for (var related : context.related(TRAIL, CloudTrailTrailConfig.class)) {
            if (related.config() != null) {
                out.add(related.config());
            }
        }
        if (out.stream().noneMatch(t -> same(t, trail))) {
            out.add(trail);
        }
        out.sort(Comparator.comparing((CloudTrailTrailConfig t) -> Objects.requireNonNullElse(t.trailArn(), ""))
                .thenComparing(t -> Objects.requireNonNullElse(t.name(), "")));
        return out;
    }

    static boolean same(CloudTrailTrailConfig a, CloudTrailTrailConfig b) {
        if (a == b) {
            return true;
        }
        return a.trailArn() != null ? Objects.equals(a.trailArn(), b.trailArn()) : Objects.equals(a.name(), b.name());
    }

    /** Multi-region, logging, and recording read and write management events. */
    static boolean coversTheAccount(CloudTrailTrailConfig t) {
        return Boolean.TRUE.equals(t.isMultiRegionTrail()) && Boolean.TRUE.equals(t.isLogging()) && readWriteManagement(t);
    }

    /**
     * Whether the trail records read and write management events. No basic selector is the default
     * (all management events). Advanced selectors are stored by name only, so they cannot be read here
     * and do not fail the trail.
     */
    static boolean readWriteManagement(CloudTrailTrailConfig t) {
        List<EventSelector> selectors = t.eventSelectors() == null ? List.of()
                : t.eventSelectors().stream().filter(Objects::nonNull).toList();
        if (selectors.isEmpty()) {
            return true;
        }
        List<String> kinds = selectors.stream().filter(s -> !Boolean.FALSE.equals(s.includeManagementEvents()))
                .map(s -> s.readWriteType() == null ? "all" : s.readWriteType().toLowerCase(java.util.Locale.ROOT)).toList();
        return kinds.contains("all") || kinds.contains("readonly") && kinds.contains("writeonly");
    }

    /** Whether some trail of the account covers it. */
    static boolean accountCovered(CloudTrailTrailConfig trail, AuditContext context) {
        return of(trail, context).stream().anyMatch(AccountTrails::coversTheAccount);
    }
}
