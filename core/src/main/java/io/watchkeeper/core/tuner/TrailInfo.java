package io.watchkeeper.core.tuner;

import java.time.Instant;
import java.util.Set;

/**
 * A CloudTrail trail that delivers an account's logs, as its configuration said when last read.
 *
 * @param bucket the S3 bucket it delivers to
 * @param keyPrefix the trail's S3 key prefix ("" for none)
 * @param managementEvents whether it records management events
 * @param dataResourceTypes data event types it records for every resource ({@code AWS::S3::Object}); types
 *        recorded for some resources only are left out (their actions stay unknown)
 */
public record TrailInfo(long accountId, String trailArn, String bucket, String keyPrefix, String homeRegion,
                        boolean multiRegion, boolean organization, boolean managementEvents,
                        Set<String> dataResourceTypes, Instant updatedAt) {

    public TrailInfo {
        keyPrefix = keyPrefix == null ? "" : keyPrefix;
        dataResourceTypes = Set.copyOf(dataResourceTypes);
    }
}
