package io.watchkeeper.watchers.aws.sns;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.config.aws.SnsTopicConfig.Subscription;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;

/** SNS topics with policy, encryption, delivery policy, subscriptions (who receives what) and tags. */
@AutoService(Watcher.class)
public final class SnsTopicWatcher extends AwsWatcher<SnsTopicConfig> {

    private static final Comparator<Subscription> ORDER = Comparator
            .comparing(Subscription::protocol, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Subscription::endpoint, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Subscription::owner, Comparator.nullsFirst(Comparator.naturalOrder()));

    public SnsTopicWatcher() {
        super("aws.sns.topic", SnsTopicConfig.class, ScopeKind.REGIONAL, "sns:ListTopics", "sns:GetTopicAttributes",
                "sns:ListSubscriptionsByTopic", "sns:ListTagsForResource");
    }

    @Override
    protected List<Observation<SnsTopicConfig>> observe(WatchScope scope, AwsSession aws) {
        SnsClient sns = aws.sns(scope.region());
        List<String> arns = sns.listTopicsPaginator().topics().stream().map(Topic::topicArn).toList();
        return describeEach(arns, arn -> arn, SnsTopicWatcher::name, arn -> new Observation.Observed<>(
                arn, name(arn), scope.region(), describe(sns, arn)));
    }

    private static SnsTopicConfig describe(SnsClient sns, String arn) {
        Map<String, String> a = sns.getTopicAttributes(r -> r.topicArn(arn)).attributes();
        List<Subscription> subscriptions = sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(arn)).subscriptions()
                .stream().map(s -> new Subscription(s.protocol(), s.endpoint(), s.owner())).toList();
        var tags = sns.listTagsForResource(r -> r.resourceArn(arn)).tags();
        return new SnsTopicConfig(arn, a.get("DisplayName"), a.get("Owner"), PolicyDocument.parse(a.get("Policy")),
                text(a.get("KmsMasterKeyId")), bool(a.get("FifoTopic")), bool(a.get("ContentBasedDeduplication")),
                text(a.get("SignatureVersion")), text(a.get("DeliveryPolicy")), text(a.get("EffectiveDeliveryPolicy")),
                sorted(subscriptions, ORDER), integer(a.get("SubscriptionsConfirmed")),
                integer(a.get("SubscriptionsPending")), integer(a.get("SubscriptionsDeleted")),
                tags(tags, t -> t.key(), t -> t.value()));
    }

    private static String name(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Boolean bool(String value) {
        return text(value) == null ? null : Boolean.valueOf(value.strip());
    }

    private static Integer integer(String value) {
        return text(value) == null ? null : Integer.valueOf(value.strip());
    }
}
