package io.watchkeeper.core.tuner;

import java.time.Instant;

/**
 * A CloudTrail event of a principal that could not be mapped to an IAM action: the principal used
 * something of that service which the tuner cannot name, so none of the service's actions is ever
 * called unused for it on CloudTrail's word.
 */
public record UnmappedEvent(String principalArn, String eventSource, String eventName, Instant lastSeen, long count) {}
