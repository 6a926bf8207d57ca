package io.watchkeeper.auditors.aws.cloudtrail;

import static io.watchkeeper.auditors.rules.Facts.is;
import static io.watchkeeper.auditors.rules.Facts.list;

import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig.AdvancedSelector;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig.DataResource;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig.EventSelector;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig.FieldSelector;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * CIS AWS 3.0 3.8 (S3 object-level write events) and 3.9 (read events), decided for the account: some
 * multi-region trail that is logging records them for every bucket, through a basic event selector
 * ({@code AWS::S3::Object} on {@code arn:aws:s3} or {@code arn:aws:s3:::}) or an advanced one
 * ({@code eventCategory = Data}, {@code resources.type = AWS::S3::Object}, no narrowing by ARN, event
 * name or other field, and {@code readOnly} either absent or the wanted value). Reported once, on
 * the account's first trail by ARN.
 */
final class S3DataEvents {

    private static final String OBJECT = "AWS::S3::Object";
    /** Fields an advanced selector may set and still select every S3 object event of a kind. */
    private static final Set<String> WHOLE = Set.of("eventCategory", "resources.type", "readOnly");

    private S3DataEvents() {}

    static List<Evidence> evaluate(CloudTrailTrailConfig trail, AuditContext context, boolean writes) {
        List<CloudTrailTrailConfig> trails = AccountTrails.of(trail, context);
        if (!AccountTrails.same(trails.getFirst(), trail)
                || trails.stream().anyMatch(t -> Boolean.TRUE.equals(t.isMultiRegionTrail())
                && Boolean.TRUE.equals(t.isLogging()) && records(t, writes))) {
            return List.of();
        }
        String kind = writes ? "write" : "read";
        return List.of(Evidence.of("account:s3-" + kind + "-events", Facts.line("No multi-region trail that is logging"
                        + " records S3 object-level " + kind + " events for every bucket"), Exposure.INTERNAL,
                Facts.details("trails", trails.stream().map(t -> Objects.requireNonNullElse(t.name(), "?")).toList())));
    }

    /** Whether the trail's selectors record every bucket's object events of the kind. */
    static boolean records(CloudTrailTrailConfig t, boolean writes) {
        for (EventSelector s : list(t.eventSelectors())) {
            String rw = s.readWriteType() == null ? "All" : s.readWriteType();
            boolean kind = is(rw, "All") || is(rw, writes ? "WriteOnly" : "ReadOnly");
            if (kind && list(s.dataResources()).stream().anyMatch(S3DataEvents::everyObject)) {
                return true;
            }
        }
        for (AdvancedSelector s : list(t.advancedSelectors())) {
            if (advancedRecords(s, writes)) {
                return true;
            }
        }
        return false;
    }

    private static boolean everyObject(DataResource r) {
        return OBJECT.equals(r.type()) && list(r.values()).stream().anyMatch(v -> v.matches("arn:aws[a-z-]*:s3(:::)?"));
    }

    private static boolean advancedRecords(AdvancedSelector s, boolean writes) {
        List<FieldSelector> fields = list(s.fieldSelectors());
        boolean data = false;
        boolean objects = false;
        for (FieldSelector f : fields) {
            if (f.field() == null || !WHOLE.contains(f.field()) || negated(f)) {
                return false;
            }
            List<String> equal = list(f.equalTo());
            if (!list(f.startsWith()).isEmpty() || !list(f.endsWith()).isEmpty()) {
                return false;
            }
            switch (f.field()) {
                case "eventCategory" -> data = equal.contains("Data");
                case "resources.type" -> objects = equal.contains(OBJECT);
                default -> {
                    if (!equal.contains(writes ? "false" : "true")) {
                        return false;
                    }
                }
            }
        }
        return data && objects;
    }

    private static boolean negated(FieldSelector f) {
        return !list(f.notEquals()).isEmpty() || !list(f.notStartsWith()).isEmpty() || !list(f.notEndsWith()).isEmpty();
    }
}
