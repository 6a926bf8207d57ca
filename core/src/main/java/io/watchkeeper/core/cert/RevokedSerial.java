package io.watchkeeper.core.cert;

import java.time.Instant;

/** One entry of an authority's CRL. */
public record RevokedSerial(String serial, Instant revokedAt, RevocationReason reason) {}
