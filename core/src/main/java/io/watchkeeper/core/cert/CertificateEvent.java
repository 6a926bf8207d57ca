package io.watchkeeper.core.cert;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Something that happened to a certificate ({@code issued}, {@code imported}, {@code revoked},
 * {@code replaced}, {@code key-exported}).
 */
public record CertificateEvent(long certificateId, Instant at, String event, String actor, JsonNode details) {}
