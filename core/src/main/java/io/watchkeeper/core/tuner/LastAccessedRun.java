package io.watchkeeper.core.tuner;

import java.time.Instant;

/**
 * The last attempt to fetch IAM last-accessed data for a principal.
 *
 * @param available whether the API answered (false: an emulator, a missing permission, a failed job)
 * @param message why not, or a note
 * @param generatedAt when AWS generated the report (or when the attempt failed)
 */
public record LastAccessedRun(String principalArn, boolean available, String message, Instant generatedAt) {}
