package io.watchkeeper.watchers.aws.securityhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.SecurityHubConfig;
import io.watchkeeper.core.config.aws.SecurityHubConfig.Standard;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.watchers.testing.WireStub;
import io.watchkeeper.watchers.testing.WireStub.Reply;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHubWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private static final String HUB = "arn:aws:securityhub:eu-west-1:" + Moto.ACCOUNT_ID + ":hub/default";
    private final SecurityHubWatcher watcher = new SecurityHubWatcher();

    @Test
    void aRegionWhereTheAccountIsNotSubscribedIsOneItemNotEnabled() {
        // moto answers DescribeHub with InvalidAccessException, as AWS does
        List<Observation<SecurityHubConfig>> all = observe(watcher, REGION);
        assertThat(all).singleElement().extracting(Observation::resourceId).isEqualTo(HUB);
        SecurityHubConfig c = ((Observation.Observed<SecurityHubConfig>) all.getFirst()).config();
        assertThat(c.enabled()).isFalse();
        assertThat(c.hubArn()).isNull();
        assertThat(c.standards()).isEmpty();
    }

    @Test
    void readsAnEnabledHubAndItsStandards() {
        // moto has no GetEnabledStandards: the enabled case is a wire stub (REST-JSON)
        try (WireStub stub = WireStub.start(r -> switch (r.method() + " " + r.path()) {
            case "GET /accounts" -> Reply.json("{\"HubArn\":\"" + HUB + "\",\"SubscribedAt\":\"2024-03-01T12:00:00.000Z\","
                    + "\"AutoEnableControls\":true,\"ControlFindingGenerator\":\"SECURITY_CONTROL\"}");
            case "POST /standards/get" -> Reply.json("{\"StandardsSubscriptions\":["
                    + "{\"StandardsSubscriptionArn\":\"arn:aws:securityhub:eu-west-1:" + Moto.ACCOUNT_ID
                    + ":subscription/cis-aws-foundations-benchmark/v/3.0.0\",\"StandardsArn\":"
                    + "\"arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0\","
                    + "\"StandardsInput\":{},\"StandardsStatus\":\"READY\"}]}");
            default -> null;
        })) {
            serveFrom("SecurityHub", stub);
            SecurityHubConfig c = configs(watcher, REGION).values().iterator().next();
            assertThat(c.enabled()).isTrue();
            assertThat(c.hubArn()).isEqualTo(HUB);
            assertThat(c.subscribedAt()).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
            assertThat(c.autoEnableControls()).isTrue();
            assertThat(c.controlFindingGenerator()).isEqualTo("SECURITY_CONTROL");
            assertThat(c.standards()).containsExactly(new Standard(
                    "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
                    "arn:aws:securityhub:eu-west-1:" + Moto.ACCOUNT_ID + ":subscription/cis-aws-foundations-benchmark/v/3.0.0",
                    "READY"));
        }
    }

    @Test
    void aDeniedCallFailsTheScopeInsteadOfReadingAsNotEnabled() {
        try (WireStub stub = WireStub.start(r -> Reply.jsonError(403, "AccessDeniedException",
                "User is not authorized to perform: securityhub:DescribeHub"))) {
            serveFrom("SecurityHub", stub);
            assertThatThrownBy(() -> observe(watcher, REGION)).isInstanceOfSatisfying(WatchkeeperException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.DENIED));
        }
    }
}
