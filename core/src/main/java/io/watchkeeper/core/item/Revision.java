package io.watchkeeper.core.item;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * One revision of an item.
 *
 * @param number 1 for the first
 * @param kind created, changed, deleted or recreated
 * @param observedAt when the change was seen
 * @param ephemeralUpdatedAt when ephemeral values were last refreshed in place (or null)
 * @param config the configuration (null for a deletion)
 * @param diff RFC 6902 patch from the previous live revision's durable config
 * @param changedBy who made the change, where the provider tells us (or null)
 */
public record Revision(int number, String kind, OffsetDateTime observedAt, OffsetDateTime ephemeralUpdatedAt,
                       JsonNode config, JsonNode diff, String changedBy) {}
