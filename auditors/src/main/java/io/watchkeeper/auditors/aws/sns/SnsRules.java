package io.watchkeeper.auditors.aws.sns;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.is;
import static io.watchkeeper.auditors.rules.Facts.list;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.config.aws.SnsTopicConfig.Subscription;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.CanonicalJson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SNS topics: subscriptions delivering over plain HTTP, and topics without KMS encryption. HTTP
 * endpoints often carry tokens in their path or query, so evidence keeps scheme, host and port and a
 * hash of the rest.
 */
@AutoService(CheckSet.class)
public final class SnsRules implements CheckSet {

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.sns.topic/http-subscription", SnsTopicConfig.class, Severity.MEDIUM)
                        .title("SNS topic delivers messages over plain HTTP")
                        .why("Messages (alerts, events, sometimes data) travel unencrypted and unauthenticated to the"
                                + " endpoint, readable and forgeable on the path.")
                        .fix("Subscribe the endpoint over HTTPS and remove the HTTP subscription.")
                        .evaluate(SnsRules::httpSubscriptions),
                RuleCheck.of("aws.sns.topic/not-encrypted", SnsTopicConfig.class, Severity.LOW)
                        .title("SNS topic is not encrypted with KMS")
                        .why("Messages are stored unencrypted by a key you control while they wait for delivery.")
                        .fix("Set the topic's KmsMasterKeyId (alias/aws/sns or a customer managed key).")
                        .when(t -> Facts.blank(t.kmsMasterKeyId()), "encryption",
                                t -> "Topic " + t.topicArn() + " is not encrypted with KMS", Exposure.INTERNAL,
                                t -> details("kmsMasterKeyId", null)));
    }

    static List<Evidence> httpSubscriptions(SnsTopicConfig topic, AuditContext context) {
        Map<String, Evidence> out = new LinkedHashMap<>();
        for (Subscription s : list(topic.subscriptions())) {
            if (!is(s.protocol(), "http")) {
                continue;
            }
            String shown = masked(s.endpoint());
            String key = Facts.key("subscription:http:" + shown);
            out.putIfAbsent(key, Evidence.of(key, Facts.line("HTTP subscription to " + shown), Exposure.INTERNAL,
                    details("protocol", "http", "endpoint", shown)));
        }
        return List.copyOf(out.values());
    }

    /** {@code http://host:port/#<sha256 of path and query, 16 hex>}: never the path or query themselves. */
    static String masked(String endpoint) {
        if (endpoint == null) {
            return "?";
        }
        try {
            URI uri = new URI(endpoint);
            String rest = endpoint.substring(Math.min(endpoint.length(), (uri.getScheme() + "://" + uri.getRawAuthority()).length()));
            String host = uri.getHost() == null ? "?" : uri.getHost();
            return "http://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/#"
                    + CanonicalJson.sha256(rest).substring(0, 16);
        } catch (Exception e) {
            return "http://?/#" + CanonicalJson.sha256(endpoint).substring(0, 16);
        }
    }
}
