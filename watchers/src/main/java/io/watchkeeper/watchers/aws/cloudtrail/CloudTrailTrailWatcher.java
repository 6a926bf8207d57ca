package io.watchkeeper.watchers.aws.cloudtrail;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig.AdvancedSelector;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig.DataResource;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig.FieldSelector;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig.EventSelector;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * CloudTrail trails in their home region (shadow copies of multi-region trails are left out), with
 * logging status, event selectors and tags.
 */
@AutoService(Watcher.class)
public final class CloudTrailTrailWatcher extends AwsWatcher<CloudTrailTrailConfig> {

    public CloudTrailTrailWatcher() {
        super("aws.cloudtrail.trail", CloudTrailTrailConfig.class, ScopeKind.REGIONAL, "cloudtrail:DescribeTrails",
                "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors", "cloudtrail:ListTags");
    }

    @Override
    protected List<Observation<CloudTrailTrailConfig>> observe(WatchScope scope, AwsSession aws) {
        CloudTrailClient cloudTrail = aws.cloudTrail(scope.region());
        List<Trail> trails = cloudTrail.describeTrails(r -> r.includeShadowTrails(false)).trailList().stream()
                .filter(t -> scope.region().equals(t.homeRegion()))
                .toList();
        return describeEach(trails, Trail::trailARN, Trail::name, t -> new Observation.Observed<>(
                t.trailARN(), t.name(), scope.region(), config(cloudTrail, t)));
    }

    private static CloudTrailTrailConfig config(CloudTrailClient cloudTrail, Trail t) {
        var status = cloudTrail.getTrailStatus(r -> r.name(t.trailARN()));
        var selectors = cloudTrail.getEventSelectors(r -> r.trailName(t.trailARN()));
        var tags = cloudTrail.listTagsPaginator(r -> r.resourceIdList(t.trailARN())).resourceTagList().stream()
                .flatMap(resource -> resource.tagsList().stream()).toList();
        return new CloudTrailTrailConfig(t.name(), t.trailARN(), t.homeRegion(), t.isMultiRegionTrail(),
                t.isOrganizationTrail(), t.s3BucketName(), t.s3KeyPrefix(), t.includeGlobalServiceEvents(),
                t.logFileValidationEnabled(), t.kmsKeyId(), t.cloudWatchLogsLogGroupArn(), t.snsTopicARN(),
                status.isLogging(),
                selectors.eventSelectors().stream().map(s -> new EventSelector(s.readWriteTypeAsString(),
                        s.includeManagementEvents(),
                        sorted(s.dataResources().stream().map(d -> new DataResource(d.type(),
                                sorted(d.values(), Comparator.naturalOrder()))).toList(),
                                Comparator.comparing(DataResource::type, Comparator.nullsLast(Comparator.naturalOrder()))),
                        sorted(s.excludeManagementEventSources(), Comparator.naturalOrder()))).toList(),
                sorted(selectors.advancedEventSelectors().stream()
                        .map(a -> a.name() == null ? "" : a.name()).toList(), Comparator.naturalOrder()),
                status.latestDeliveryTime(),
                status.latestDeliveryError(),
                tags(tags, tag -> tag.key(), tag -> tag.value()),
                advanced(selectors.advancedEventSelectors()));
    }

    /** Advanced selectors in full (CIS 3.8/3.9 read their S3 data event conditions), or null when there are none. */
    private static List<AdvancedSelector> advanced(List<AdvancedEventSelector> selectors) {
        if (selectors == null || selectors.isEmpty()) {
            return null;
        }
        return selectors.stream().map(a -> new AdvancedSelector(a.name() == null ? "" : a.name(),
                sorted(a.fieldSelectors().stream().map(f -> new FieldSelector(f.field(), values(f.equalsValue()),
                        values(f.startsWith()), values(f.endsWith()), values(f.notEquals()), values(f.notStartsWith()),
                        values(f.notEndsWith()))).toList(), Comparator.comparing(FieldSelector::field,
                        Comparator.nullsFirst(Comparator.naturalOrder()))))).toList();
    }

    private static List<String> values(List<String> values) {
        return sorted(values, Comparator.naturalOrder());
    }
}
