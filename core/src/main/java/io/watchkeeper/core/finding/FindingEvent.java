package io.watchkeeper.core.finding;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** One entry of a finding's history. */
public record FindingEvent(OffsetDateTime at, String event, String actor, JsonNode details) {}
