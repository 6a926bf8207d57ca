package io.watchkeeper.iamtuner.evidence;

import io.watchkeeper.aws.AwsErrors;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.tuner.TrailInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * The trails that deliver an account's logs to S3 and what they record: management events, and the
 * data event types recorded for <em>every</em> resource. A data type recorded for some resources only
 * (selected buckets, a read-only filter, event-name filters) is left out: its actions stay unknown,
 * since use on an unrecorded resource would be invisible.
 */
public final class TrailDiscovery {

    private TrailDiscovery() {}

    public static List<TrailInfo> discover(long accountId, AwsSession session) {
        CloudTrailClient home = session.cloudTrail(session.homeRegion());
        List<Trail> trails;
        try {
            trails = home.describeTrails(r -> r.includeShadowTrails(true)).trailList();
        } catch (RuntimeException e) {
            throw AwsErrors.translate("cloudtrail:DescribeTrails", e);
        }
        Map<String, TrailInfo> byLocation = new LinkedHashMap<>();
        for (Trail t : trails) {
            if (t.s3BucketName() == null || t.s3BucketName().isBlank()) {
                continue;
            }
            String region = t.homeRegion() == null ? session.homeRegion() : t.homeRegion();
            GetEventSelectorsResponse selectors;
            try {
                selectors = session.cloudTrail(region).getEventSelectors(r -> r.trailName(t.trailARN() != null ? t.trailARN() : t.name()));
            } catch (RuntimeException e) {
                throw AwsErrors.translate("cloudtrail:GetEventSelectors " + t.name(), e);
            }
            Recorded recorded = recorded(selectors);
            TrailInfo info = new TrailInfo(accountId, t.trailARN() == null ? t.name() : t.trailARN(), t.s3BucketName(),
                    t.s3KeyPrefix(), region, Boolean.TRUE.equals(t.isMultiRegionTrail()),
                    Boolean.TRUE.equals(t.isOrganizationTrail()), recorded.management, recorded.dataTypes, Instant.now());
            String key = info.bucket() + "/" + info.keyPrefix();
            TrailInfo seen = byLocation.get(key);
            if (seen == null) {
                byLocation.put(key, info);
            } else {
                // two trails to one place: the union of what they record
                Set<String> types = new HashSet<>(seen.dataResourceTypes());
                types.addAll(info.dataResourceTypes());
                byLocation.put(key, new TrailInfo(accountId, seen.trailArn(), seen.bucket(), seen.keyPrefix(),
                        seen.homeRegion(), seen.multiRegion() || info.multiRegion(), seen.organization() || info.organization(),
                        seen.managementEvents() || info.managementEvents(), types, seen.updatedAt()));
            }
        }
        return new ArrayList<>(byLocation.values());
    }

    record Recorded(boolean management, Set<String> dataTypes) {}

    static Recorded recorded(GetEventSelectorsResponse r) {
        boolean management = false;
        Set<String> types = new HashSet<>();
        if (r.hasEventSelectors()) {
            for (EventSelector s : r.eventSelectors()) {
                boolean allRw = s.readWriteType() == null || s.readWriteType() == ReadWriteType.ALL;
                if (!Boolean.FALSE.equals(s.includeManagementEvents()) && allRw) {
                    management = true;
                }
                if (!allRw || !s.hasDataResources()) {
                    continue;
                }
                for (DataResource d : s.dataResources()) {
                    if (d.type() != null && d.hasValues() && d.values().stream().anyMatch(TrailDiscovery::everyResource)) {
                        types.add(d.type());
                    }
                }
            }
        }
        if (r.hasAdvancedEventSelectors()) {
            for (AdvancedEventSelector s : r.advancedEventSelectors()) {
                String category = null;
                String type = null;
                boolean narrowed = false;
                for (AdvancedFieldSelector f : s.fieldSelectors()) {
                    String field = f.field() == null ? "" : f.field();
                    boolean oneEquals = f.hasEqualsValue() && f.equalsValue().size() == 1 && !f.hasStartsWith()
                            && !f.hasNotEquals() && !f.hasEndsWith() && !f.hasNotStartsWith() && !f.hasNotEndsWith();
                    switch (field) {
                        case "eventCategory" -> category = oneEquals ? f.equalsValue().getFirst() : "?";
                        case "resources.type" -> type = oneEquals ? f.equalsValue().getFirst() : null;
                        default -> narrowed = true;
                    }
                }
                if ("Management".equals(category) && !narrowed) {
                    management = true;
                }
                if ("Data".equals(category) && type != null && !narrowed) {
                    types.add(type);
                }
            }
        }
        return new Recorded(management, Set.copyOf(types));
    }

    /** {@code arn:aws:s3}, {@code arn:aws:s3:::}, {@code arn:aws:lambda}: every resource of the type. */
    static boolean everyResource(String value) {
        return value != null && value.matches("arn:aws[a-z-]*:[a-z0-9-]+(:+)?");
    }
}
