package io.watchkeeper.watchers.aws.securityhub;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.SecurityHubConfig;
import io.watchkeeper.core.config.aws.SecurityHubConfig.Standard;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.DescribeHubResponse;

/**
 * Security Hub of one region as one item: whether the account is subscribed, the hub's settings
 * and the enabled standards. Not subscribed is a state ({@code InvalidAccessException}), not an
 * error; a denied call fails the scope.
 */
@AutoService(Watcher.class)
public final class SecurityHubWatcher extends AwsWatcher<SecurityHubConfig> {

    public SecurityHubWatcher() {
        super("aws.securityhub.hub", SecurityHubConfig.class, ScopeKind.REGIONAL, "securityhub:DescribeHub",
                "securityhub:GetEnabledStandards");
    }

    @Override
    protected List<Observation<SecurityHubConfig>> observe(WatchScope scope, AwsSession aws) {
        SecurityHubClient hub = aws.securityHub(scope.region());
        // not subscribed in the region: InvalidAccessException (older answers: ResourceNotFoundException)
        DescribeHubResponse described = orNull(() -> hub.describeHub(r -> {}), "InvalidAccessException",
                "ResourceNotFoundException");
        SecurityHubConfig config;
        if (described == null) {
            config = new SecurityHubConfig(scope.region(), false, null, null, null, null, List.of());
        } else {
            List<Standard> standards = hub.getEnabledStandardsPaginator(r -> r.maxResults(100)).standardsSubscriptions()
                    .stream().map(s -> new Standard(s.standardsArn(), s.standardsSubscriptionArn(),
                            s.standardsStatusAsString())).toList();
            config = new SecurityHubConfig(scope.region(), true, described.hubArn(), instant(described.subscribedAt()),
                    described.autoEnableControls(), described.controlFindingGeneratorAsString(),
                    sorted(standards, Comparator.comparing(Standard::standardsArn)));
        }
        return List.of(new Observation.Observed<>("arn:aws:securityhub:" + scope.region() + ":" + aws.accountId()
                + ":hub/default", "Security Hub " + scope.region(), scope.region(), config));
    }

    private static Instant instant(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
