package io.watchkeeper.iamtuner.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.tuner.LastAccessedRun;
import io.watchkeeper.core.tuner.UsageEvidence;
import io.watchkeeper.db.JooqEvidenceStore;
import io.watchkeeper.iamtuner.testing.LastAccessedStub;
import io.watchkeeper.iamtuner.testing.TunerMoto;
import io.watchkeeper.watchers.testing.Moto;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/** Last-accessed data over the real IAM query protocol (a loopback stub), and moto's lack of it. */
class LastAccessedCollectorTest {

    private static final String APP = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/app";
    private static final String OTHER = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/other";
    private TunerMoto env;
    private LastAccessedStub stub;
    private JooqEvidenceStore store;

    @BeforeEach
    void setUp() {
        env = new TunerMoto();
        stub = LastAccessedStub.start(env.moto.endpoint());
        store = new JooqEvidenceStore(env.db.dsl());
    }

    @AfterEach
    void tearDown() {
        stub.close();
        env.close();
    }

    private IamClient iam(String endpoint) {
        return IamClient.builder().endpointOverride(URI.create(endpoint)).region(Region.AWS_GLOBAL)
                .credentialsProvider(Moto.credentials()).build();
    }

    @Test
    void actionLevelReportsBecomeEvidenceAfterThePollsComplete() {
        Instant used = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        stub.report(APP, List.of(
                new LastAccessedStub.Service("s3", used, LastAccessedStub.actions("GetBucketPolicy", used, "PutBucketPolicy", null)),
                new LastAccessedStub.Service("sqs", null, Map.of())));
        stub.inProgressPolls(2);
        LastAccessedCollector collector = new LastAccessedCollector(store, Clock.systemUTC(), Duration.ofSeconds(20),
                Duration.ofMillis(50));
        LastAccessedCollector.Summary s = collector.collect(iam(stub.endpoint()), List.of(APP, OTHER));
        assertThat(s.reports()).isEqualTo(2);
        assertThat(s.unavailableReason()).isNull();
        Map<String, UsageEvidence> rows = store.evidence(List.of(APP)).stream()
                .collect(Collectors.toMap(e -> e.action() + " " + e.source(), e -> e));
        assertThat(rows).containsOnlyKeys("s3:* LAST_ACCESSED_SERVICE", "sqs:* LAST_ACCESSED_SERVICE",
                "s3:GetBucketPolicy LAST_ACCESSED_ACTION", "s3:PutBucketPolicy LAST_ACCESSED_ACTION");
        assertThat(rows.get("s3:GetBucketPolicy LAST_ACCESSED_ACTION").lastSeen()).isEqualTo(used);
        assertThat(rows.get("s3:PutBucketPolicy LAST_ACCESSED_ACTION").lastSeen()).as("tracked, never accessed").isNull();
        assertThat(rows.get("sqs:* LAST_ACCESSED_SERVICE").lastSeen()).isNull();
        LastAccessedRun run = store.lastAccessedRuns(List.of(APP)).get(APP);
        assertThat(run.available()).isTrue();

        // a newer report replaces the old one entirely
        stub.report(APP, List.of(new LastAccessedStub.Service("s3", used, Map.of())));
        stub.inProgressPolls(0);
        collector.collect(iam(stub.endpoint()), List.of(APP));
        assertThat(store.evidence(List.of(APP))).extracting(UsageEvidence::action).containsExactly("s3:*");
    }

    @Test
    void withoutTheApiItSaysSoOnceAndKeepsCloudTrailEvidence() {
        store.merge(List.of(new UsageEvidence(APP, "s3:GetObject", io.watchkeeper.core.tuner.EvidenceSource.CLOUDTRAIL,
                Instant.now(), 3, "us-east-1")));
        LastAccessedCollector collector = new LastAccessedCollector(store, Clock.systemUTC(), Duration.ofSeconds(5),
                Duration.ofMillis(50));
        LastAccessedCollector.Summary s = collector.collect(iam(env.moto.endpoint()), List.of(APP, OTHER));
        assertThat(s.reports()).isZero();
        assertThat(s.unavailableReason()).startsWith("IAM last-accessed data unavailable");
        assertThat(store.lastAccessedRuns(List.of(APP, OTHER)).values()).hasSize(2)
                .allSatisfy(r -> assertThat(r.available()).isFalse());
        assertThat(store.evidence(List.of(APP))).extracting(UsageEvidence::action).containsExactly("s3:GetObject");
    }
}
