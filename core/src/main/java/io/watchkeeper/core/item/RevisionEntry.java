package io.watchkeeper.core.item;

import java.time.OffsetDateTime;

/**
 * One line of an item's timeline: a revision without its configuration, for pages that list
 * revisions and need none of their documents.
 *
 * @param number 1 for the first
 * @param kind created, changed, deleted or recreated
 * @param observedAt when the change was seen
 * @param changedBy who made the change, where the provider tells us (or null)
 * @param operations how many RFC 6902 operations its diff holds (0 for none)
 */
public record RevisionEntry(int number, String kind, OffsetDateTime observedAt, String changedBy, int operations) {}
