package io.watchkeeper.watchers.aws.sqs;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SQS queues: every attribute of {@code GetQueueAttributes(All)} that is configuration, plus tags. */
@AutoService(Watcher.class)
public final class SqsQueueWatcher extends AwsWatcher<SqsQueueConfig> {

    public SqsQueueWatcher() {
        super("aws.sqs.queue", SqsQueueConfig.class, ScopeKind.REGIONAL, "sqs:ListQueues", "sqs:GetQueueAttributes",
                "sqs:ListQueueTags");
    }

    @Override
    protected List<Observation<SqsQueueConfig>> observe(WatchScope scope, AwsSession aws) {
        SqsClient sqs = aws.sqs(scope.region());
        String partition = PartitionMetadata.of(Region.of(scope.region())).id();
        // Without MaxResults, ListQueues returns at most 1000 queues and no NextToken.
        List<String> urls = sqs.listQueuesPaginator(r -> r.maxResults(1000)).queueUrls().stream().toList();
        return describeEach(urls, url -> arn(partition, scope.region(), url), SqsQueueWatcher::name, url -> {
            Map<String, String> a = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("All"))
                    .attributesAsStrings();
            Map<String, String> tags = sqs.listQueueTags(r -> r.queueUrl(url)).tags();
            SqsQueueConfig config = new SqsQueueConfig(url, a.get("QueueArn"), PolicyDocument.parse(a.get("Policy")),
                    a.get("KmsMasterKeyId"), integer(a.get("KmsDataKeyReusePeriodSeconds")),
                    bool(a.get("SqsManagedSseEnabled")), integer(a.get("VisibilityTimeout")),
                    integer(a.get("MessageRetentionPeriod")), integer(a.get("DelaySeconds")),
                    integer(a.get("MaximumMessageSize")), integer(a.get("ReceiveMessageWaitTimeSeconds")),
                    SqsQueueConfig.RedrivePolicy.parse(a.get("RedrivePolicy")), a.get("RedriveAllowPolicy"),
                    bool(a.get("FifoQueue")), bool(a.get("ContentBasedDeduplication")), a.get("DeduplicationScope"),
                    a.get("FifoThroughputLimit"), instant(a.get("CreatedTimestamp")),
                    instant(a.get("LastModifiedTimestamp")), tags(List.copyOf(tags.entrySet()), Map.Entry::getKey,
                            Map.Entry::getValue));
            return new Observation.Observed<>(arn(partition, scope.region(), url), name(url), scope.region(), config);
        });
    }

    /** The queue ARN from its URL ({@code https://sqs.region.amazonaws.com/account/name}), known before describing. */
    private static String arn(String partition, String region, String url) {
        String[] path = url.replaceAll("/+$", "").split("/");
        return "arn:" + partition + ":sqs:" + region + ":" + path[path.length - 2] + ":" + path[path.length - 1];
    }

    private static String name(String url) {
        String trimmed = url.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static Integer integer(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }

    private static Boolean bool(String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf(value.strip());
    }

    /** SQS timestamps are epoch seconds (moto adds a fraction). */
    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal seconds = new BigDecimal(value.strip());
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
}
