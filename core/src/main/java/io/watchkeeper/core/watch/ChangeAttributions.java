package io.watchkeeper.core.watch;

import java.time.Instant;

/**
 * Changes Watchkeeper itself makes to watched resources (the IAM tuner's apply and rollback), so that the watch that
 * next observes such a resource records who caused its new revision ({@code item_revision.changed_by}) instead of
 * leaving it anonymous. The first watch of the resource after {@code at} uses the expectation up, whether the
 * resource changed or not; one not observed by {@code until} lapses.
 */
public interface ChangeAttributions {

    void expect(long accountId, String resourceType, String resourceId, String actor, Instant at, Instant until);
}
