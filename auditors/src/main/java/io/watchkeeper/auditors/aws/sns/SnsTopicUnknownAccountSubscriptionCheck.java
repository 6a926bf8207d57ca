package io.watchkeeper.auditors.aws.sns;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.config.aws.SnsTopicConfig.Subscription;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A subscription owned by, or delivering to a resource (ARN endpoint) of, an account nobody registered. */
@AutoService(Check.class)
public final class SnsTopicUnknownAccountSubscriptionCheck implements Check<SnsTopicConfig> {

    private static final Pattern ARN_ACCOUNT = Pattern.compile("arn:[^:]*:[^:]*:[^:]*:(\\d{12}):.*", Pattern.DOTALL);

    @Override public CheckId id() { return CheckId.of("aws.sns.topic/unknown-account-subscription"); }
    @Override public Class<SnsTopicConfig> configType() { return SnsTopicConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "SNS topic delivers to an unknown account"; }
    @Override public String rationale() {
        return "Every message published to the topic is copied to an account that is neither this one nor registered.";
    }
    @Override public String remediation() {
        return "Unsubscribe the endpoint, or register the account as friendly or third party if the delivery is intended.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(SnsTopicConfig topic, AuditContext context) {
        Map<String, Evidence> out = new LinkedHashMap<>();
        for (Subscription s : topic.subscriptions() == null ? List.<Subscription>of() : topic.subscriptions()) {
            if (s == null) {
                continue;
            }
            boolean unknownOwner = s.owner() != null && !s.owner().isBlank()
                    && context.classifyPrincipal(s.owner()) == EntityClass.UNKNOWN;
            Matcher arn = s.endpoint() == null ? null : ARN_ACCOUNT.matcher(s.endpoint());
            boolean unknownEndpoint = arn != null && arn.matches()
                    && context.classifyPrincipal(arn.group(1)) == EntityClass.UNKNOWN;
            if (unknownOwner || unknownEndpoint) {
                String key = ResourcePolicyEvidence.key("subscription:" + s.protocol() + ":" + s.endpoint());
                out.putIfAbsent(key, Evidence.of(key, ResourcePolicyEvidence.line(s.protocol() + " subscription "
                        + s.endpoint()
                        + (unknownOwner ? " owned by unknown account " + s.owner() : " in an unknown account")),
                        Exposure.UNKNOWN_ACCOUNT, s));
            }
        }
        return List.copyOf(out.values());
    }
}
