package io.watchkeeper.watchers.aws.guardduty;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.GuardDutyDetectorConfig;
import io.watchkeeper.core.config.aws.GuardDutyDetectorConfig.Detector;
import io.watchkeeper.core.config.aws.GuardDutyDetectorConfig.Feature;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/**
 * GuardDuty of one region as one item: its detector (AWS allows one) with protection plans and
 * administrator; a region without a detector is an item with none. One call, plus two per detector.
 */
@AutoService(Watcher.class)
public final class GuardDutyDetectorWatcher extends AwsWatcher<GuardDutyDetectorConfig> {

    public GuardDutyDetectorWatcher() {
        super("aws.guardduty.detector", GuardDutyDetectorConfig.class, ScopeKind.REGIONAL, "guardduty:ListDetectors",
                "guardduty:GetDetector", "guardduty:GetAdministratorAccount");
    }

    @Override
    protected List<Observation<GuardDutyDetectorConfig>> observe(WatchScope scope, AwsSession aws) {
        GuardDutyClient guardDuty = aws.guardDuty(scope.region());
        List<String> ids = guardDuty.listDetectorsPaginator(r -> r.maxResults(50)).detectorIds().stream().toList();
        List<Detector> detectors = ids.stream().map(id -> detector(guardDuty, id)).toList();
        return List.of(new Observation.Observed<>("arn:aws:guardduty:" + scope.region() + ":" + aws.accountId()
                + ":detectors", "GuardDuty " + scope.region(), scope.region(),
                new GuardDutyDetectorConfig(scope.region(), sorted(detectors, Comparator.comparing(Detector::detectorId)))));
    }

    private static Detector detector(GuardDutyClient guardDuty, String id) {
        var d = guardDuty.getDetector(r -> r.detectorId(id));
        var administrator = guardDuty.getAdministratorAccount(r -> r.detectorId(id)).administrator();
        List<Feature> features = d.features().stream().map(f -> {
            Map<String, String> additional = new TreeMap<>();
            f.additionalConfiguration().forEach(a -> additional.put(a.nameAsString(), a.statusAsString()));
            return new Feature(f.nameAsString(), f.statusAsString(), additional);
        }).toList();
        return new Detector(id, d.statusAsString(), d.findingPublishingFrequencyAsString(),
                sorted(features, Comparator.comparing(Feature::name, Comparator.nullsFirst(Comparator.naturalOrder()))),
                d.serviceRole(), administrator == null ? null : administrator.accountId(),
                administrator == null ? null : administrator.relationshipStatus(), instant(d.createdAt()),
                instant(d.updatedAt()), new TreeMap<>(d.tags()));
    }

    /** GuardDuty writes times as ISO-8601 text; anything else is kept as unknown. */
    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
