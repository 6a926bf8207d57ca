package io.watchkeeper.core.finding;

import tools.jackson.databind.JsonNode;

/**
 * An item's current state, as the auditor reads it.
 *
 * @param itemId item id
 * @param accountId account id
 * @param type resource type id
 * @param region region
 * @param resourceId resource id (ARN)
 * @param name name
 * @param deleted whether the latest revision is a deletion
 * @param config the latest live configuration (null when deleted)
 */
public record ItemSnapshot(long itemId, long accountId, String type, String region, String resourceId, String name,
                           boolean deleted, JsonNode config) {}
