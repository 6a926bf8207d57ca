package io.watchkeeper.core.watch;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Changes Watchkeeper itself makes to watched resources (the IAM tuner's apply and rollback), so that the watch that
 * next observes such a resource records who caused its new revision ({@code item_revision.changed_by}) instead of
 * leaving it anonymous. The first watch of the resource after {@code at} uses the expectation up, whether the
 * resource changed or not; one not observed by {@code until} lapses. The actor is credited only when the observed
 * configuration holds what the change left ({@code expected}): when someone else changed the resource in between,
 * the revision stays unattributed.
 */
public interface ChangeAttributions {

    /**
     * @param expected top-level fields of the resource's configuration (as its watcher records it) that must be equal
     *                 in the observed configuration for the actor to be credited; null credits any next revision
     */
    void expect(long accountId, String resourceType, String resourceId, String actor, Instant at, Instant until,
                JsonNode expected);
}
