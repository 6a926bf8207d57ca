package io.watchkeeper.core.tuner;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How far the log files under one key prefix ({@code AWSLogs/<account>/CloudTrail/<region>/}) were read.
 *
 * @param coverageStart the first day read (the earliest log file, or the back-fill start)
 * @param completeThrough every file of every day up to and including this one was read; files of later
 *        days that were read are remembered one by one until their day is complete
 */
public record TrailCursor(long accountId, String bucket, String keyPrefix, String logAccount, String region,
                          LocalDate coverageStart, LocalDate completeThrough, Instant updatedAt) {}
