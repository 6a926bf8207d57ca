package io.watchkeeper.watchers.aws.accessanalyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.AccessAnalyzerConfig;
import io.watchkeeper.core.config.aws.AccessAnalyzerConfig.Analyzer;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.watchers.testing.WireStub;
import io.watchkeeper.watchers.testing.WireStub.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** moto answers every Access Analyzer call with HTTP 500, so the service is a wire stub here (REST-JSON). */
class AccessAnalyzerWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private static final String ARN = "arn:aws:access-analyzer:eu-west-1:" + Moto.ACCOUNT_ID + ":analyzer/";
    private final AccessAnalyzerWatcher watcher = new AccessAnalyzerWatcher();

    @Test
    void readsEveryAnalyzerOfTheRegionAcrossPages() {
        String[] lastAnalyzed = {"2024-06-01T10:00:00Z"};
        try (WireStub stub = WireStub.start(r -> !r.path().equals("/analyzer") ? null
                : r.query() != null && r.query().contains("nextToken=p2")
                        ? Reply.json("{\"analyzers\":[{\"arn\":\"" + ARN + "unused\",\"name\":\"unused\","
                                + "\"type\":\"ACCOUNT_UNUSED_ACCESS\",\"status\":\"ACTIVE\",\"createdAt\":\"2024-02-01T00:00:00Z\","
                                + "\"configuration\":{\"unusedAccess\":{\"unusedAccessAge\":90}},\"tags\":{}}]}")
                        : Reply.json("{\"analyzers\":[{\"arn\":\"" + ARN + "account\",\"name\":\"account\","
                                + "\"type\":\"ACCOUNT\",\"status\":\"ACTIVE\",\"createdAt\":\"2024-01-01T00:00:00Z\","
                                + "\"lastResourceAnalyzed\":\"arn:aws:s3:::logs\",\"lastResourceAnalyzedAt\":\""
                                + lastAnalyzed[0] + "\",\"tags\":{\"team\":\"sec\"}}],\"nextToken\":\"p2\"}"))) {
            serveFrom("AccessAnalyzer", stub);
            List<Observation<AccessAnalyzerConfig>> all = observe(watcher, REGION);
            assertThat(all).singleElement().extracting(Observation::resourceId)
                    .isEqualTo("arn:aws:access-analyzer:eu-west-1:" + Moto.ACCOUNT_ID + ":analyzers");
            AccessAnalyzerConfig c = ((Observation.Observed<AccessAnalyzerConfig>) all.getFirst()).config();
            assertThat(c.analyzers()).containsExactly(
                    new Analyzer("account", ARN + "account", "ACCOUNT", "ACTIVE", null, null,
                            Instant.parse("2024-01-01T00:00:00Z"), "arn:aws:s3:::logs",
                            Instant.parse("2024-06-01T10:00:00Z"), Map.of("team", "sec")),
                    new Analyzer("unused", ARN + "unused", "ACCOUNT_UNUSED_ACCESS", "ACTIVE", null, 90,
                            Instant.parse("2024-02-01T00:00:00Z"), null, null, Map.of()));
            assertThat(stub.requests()).hasSize(2).allMatch(r -> r.method().equals("GET") && r.region().equals(REGION));

            // analysing another resource is activity, not configuration
            lastAnalyzed[0] = "2024-06-02T10:00:00Z";
            AccessAnalyzerConfig later = configs(watcher, REGION).values().iterator().next();
            assertThat(later).isNotEqualTo(c);
            assertThat(CanonicalJson.of(later).durableHash()).isEqualTo(CanonicalJson.of(c).durableHash());
        }
    }

    @Test
    void aRegionWithoutAnalyzersIsOneItemWithNone() {
        try (WireStub stub = WireStub.start(r -> r.path().equals("/analyzer") ? Reply.json("{\"analyzers\":[]}") : null)) {
            serveFrom("AccessAnalyzer", stub);
            assertThat(configs(watcher, REGION).values()).singleElement()
                    .satisfies(c -> assertThat(c.analyzers()).isEmpty());
        }
    }
}
