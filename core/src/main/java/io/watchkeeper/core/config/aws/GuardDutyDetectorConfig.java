package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GuardDuty in one region ({@code aws.guardduty.detector}): one item per account and region with
 * the region's detectors (AWS allows one; none when GuardDuty was never enabled there).
 *
 * @param region the region
 * @param detectors the detectors, sorted by id
 */
public record GuardDutyDetectorConfig(String region, List<Detector> detectors) {

    /**
     * One detector.
     *
     * @param detectorId its id
     * @param status ENABLED or DISABLED
     * @param findingPublishingFrequency FIFTEEN_MINUTES, ONE_HOUR or SIX_HOURS
     * @param features protection plans and their status, sorted by name
     * @param serviceRole the service-linked role
     * @param administratorAccountId the account administering this one (organisations), or null
     * @param relationshipStatus the membership with that administrator (Enabled, …), or null
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     * @param tags tags
     */
    public record Detector(String detectorId, String status, String findingPublishingFrequency, List<Feature> features,
                           String serviceRole, String administratorAccountId, String relationshipStatus,
                           Instant createdAt, @Ephemeral Instant updatedAt, Map<String, String> tags) {}

    /**
     * One protection plan (S3, EKS audit logs, runtime monitoring, …).
     *
     * @param name its name
     * @param status ENABLED or DISABLED
     * @param additional additional settings (such as agent management), name to status, sorted
     */
    public record Feature(String name, String status, Map<String, String> additional) {}
}
