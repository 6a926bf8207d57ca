package io.watchkeeper.core.inventory;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One watched resource as last observed.
 *
 * @param itemId the item's id (links to the console's item page)
 * @param type its resource type
 * @param accountName the account's name
 * @param accountId the account's provider id
 * @param region where it lives
 * @param resourceId its resource id (ARN)
 * @param name its name
 * @param config the latest revision's configuration (the type's record as JSON)
 * @param observedAt when that revision was observed
 */
public record LiveItem(long itemId, String type, String accountName, String accountId, String region, String resourceId,
                       String name, JsonNode config, Instant observedAt) {}
