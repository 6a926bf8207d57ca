package io.watchkeeper.core.item;

import java.time.OffsetDateTime;

/**
 * One watched resource as lists show it.
 *
 * @param id Watchkeeper's item id
 * @param type resource type id
 * @param account account name
 * @param region where the resource lives
 * @param resourceId the provider's id (ARN where there is one)
 * @param name display name
 * @param revisions number of revisions, deletions included
 * @param deleted whether the latest revision is a deletion
 * @param firstSeen when Watchkeeper first saw it
 * @param lastChanged when its latest revision was recorded
 * @param accountId the account's id (what scope checks compare)
 */
public record ItemSummary(
        long id, String type, String account, String region, String resourceId, String name, int revisions,
        boolean deleted, OffsetDateTime firstSeen, OffsetDateTime lastChanged, long accountId) {}
