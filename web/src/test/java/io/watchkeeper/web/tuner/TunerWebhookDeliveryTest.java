package io.watchkeeper.web.tuner;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.watchkeeper.auditors.notify.SlackWebhookChannel;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.tuner.PlanStatus;
import io.watchkeeper.core.tuner.TunerNotice;
import io.watchkeeper.core.tuner.TunerPlan;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqTunerNoticeStore;
import io.watchkeeper.db.JooqTunerPlanStore;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.iamtuner.aws.PrincipalType;
import io.watchkeeper.iamtuner.plan.PrincipalPlan;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A scheduled plan's notice delivered to an owner's webhook: a real HTTP receiver on loopback (the directory builds
 * the channel with {@link SlackWebhookChannel#allowingHttpToLoopback}; the application's path stays https only, see
 * {@link OwnerDirectoryTest} and {@link WebhookStartupRefusalTest}) gets one POST at the configured path, as JSON
 * {@code {"text": …}} naming the plan, the principal and each action to be removed, with Slack's escaping; the notice
 * is recorded SENT, and a receiver that refuses is recorded FAILED with the status, never the secret URL.
 */
class TunerWebhookDeliveryTest {

    private record Received(String method, String path, Map<String, List<String>> headers, String body) {}

    private static final String ARN = "arn:aws:iam::123456789012:role/app";
    private static final String SECRET_PATH = "/services/T0/B0/s3cr3tT0ken";

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int status = 200;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String receiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            byte[] answer = (status == 200 ? "ok" : "no_service").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH;
    }

    private record Setup(PlanNotices notices, TunerPlan plan, JooqTunerNoticeStore store) {}

    private Setup setup(String webhook) {
        TestDatabase db = TestDatabase.fresh();
        long accountId = new JooqAccountStore(db.dsl()).add(new AccountSpec(Provider.AWS, "tuned", "123456789012",
                AccountAccess.NONE, List.of("us-east-1"), Map.of(), false)).id();
        JooqTunerPlanStore plans = new JooqTunerPlanStore(db.dsl());
        TunerPlan created = plans.create(new TunerPlan(0, accountId, PlanStatus.PLANNED, "test", null, 90, null, "note", "bundled",
                null, null, null, null, null, Json.object()), List.of());
        assertThat(plans.schedule(created.id(), Instant.parse("2026-12-20T10:00:00Z"), "test", Instant.now())).isTrue();
        TunerPlan plan = plans.find(created.id()).orElseThrow();
        OwnerDirectory owners = new OwnerDirectory(new TunerNoticeProperties(List.of(new TunerNoticeProperties.Owner(
                "payments <team>", List.of("arn:aws:iam::*:role/app"), null, webhook)), false, Duration.ofSeconds(5)),
                SlackWebhookChannel::allowingHttpToLoopback);
        JooqTunerNoticeStore store = new JooqTunerNoticeStore(db.dsl());
        return new Setup(new PlanNotices(owners, null, store, "https://watchkeeper.example/", Clock.systemUTC()), plan, store);
    }

    private static PrincipalPlan changing() {
        return new PrincipalPlan(PrincipalType.ROLE, ARN, true, null, 3, 1, 2, 0, List.of("s3:DeleteObject", "sqs:DeleteQueue"),
                List.of(), List.of(new io.watchkeeper.iamtuner.plan.PolicyEdit(io.watchkeeper.iamtuner.plan.PolicyEdit.Kind.INLINE,
                        "role", "app", "inline", null, null, "{}", "{}", null)), null, List.of(), List.of(), "hash", null);
    }

    @Test
    void anOwnersWebhookReceivesTheNoticeAsSlackJson() throws Exception {
        Setup s = setup(receiver());
        List<TunerNotice> drafted = s.notices().draft(s.plan(), List.of(changing()));
        assertThat(drafted).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(TunerNotice.Channel.WEBHOOK);
            assertThat(n.recipient()).as("the host only: the URL is a secret").isEqualTo("127.0.0.1");
        });
        List<TunerNotice> done = s.notices().deliver(s.plan(), "tuned", List.of(changing()), drafted);

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(SECRET_PATH);
            assertThat(r.headers().get("Content-type")).containsExactly("application/json; charset=utf-8");
            assertThat(r.headers()).as("no credentials of ours travel with it")
                    .doesNotContainKeys("Authorization", "Cookie");
            JsonNode body = Json.parse(r.body());
            assertThat(body.propertyNames()).containsExactly("text");
            String text = body.get("text").asString();
            assertThat(text).startsWith("*IAM tuner plan " + s.plan().id() + " (tuned) will remove 2 unused action(s) after "
                    + "2026-12-20 10:00 UTC*\n")
                    .contains(ARN + " — 2 action(s):\n  - s3:DeleteObject\n  - sqs:DeleteQueue\n")
                    .contains("owner (payments &lt;team&gt;)").doesNotContain("<team>")
                    .contains("https://watchkeeper.example/tuner/plans/" + s.plan().id());
        });
        assertThat(done).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(TunerNotice.Status.SENT);
            assertThat(n.principals()).containsExactly(ARN);
        });
    }

    @Test
    void aReceiverThatRefusesIsRecordedAsFailedWithoutTheSecretUrl() throws Exception {
        status = 404;
        Setup s = setup(receiver());
        List<TunerNotice> done = s.notices().deliver(s.plan(), "tuned", List.of(changing()),
                s.notices().draft(s.plan(), List.of(changing())));
        assertThat(received).hasSize(1);
        assertThat(done).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(TunerNotice.Status.FAILED);
            assertThat(n.detail()).contains("HTTP 404").doesNotContain("s3cr3tT0ken");
        });
    }
}
