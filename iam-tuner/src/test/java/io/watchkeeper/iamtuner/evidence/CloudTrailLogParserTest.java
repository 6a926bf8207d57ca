package io.watchkeeper.iamtuner.evidence;

import static io.watchkeeper.iamtuner.testing.CloudTrailLogs.role;
import static io.watchkeeper.iamtuner.testing.CloudTrailLogs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.tuner.EvidenceSource;
import io.watchkeeper.core.tuner.UsageEvidence;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.testing.CloudTrailLogs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class CloudTrailLogParserTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/service/app";
    private static final String USER = "arn:aws:iam::123456789012:user/alice";
    private static final Instant T = Instant.parse("2026-10-01T10:15:30Z");
    private final CloudTrailMapping mapping = CloudTrailMapping.load(ActionCatalog.bundled());

    private UsageTally parse(String json) {
        UsageTally tally = new UsageTally();
        new CloudTrailLogParser().parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), tally);
        return tally;
    }

    @Test
    void attributesAssumedRolesToTheirRoleAndUsersToThemselvesAndMapsIrregularNames() throws Exception {
        String json = CloudTrailLogs.json(List.of(
                role(ROLE, "s3.amazonaws.com", "ListObjectsV2", T),
                role(ROLE, "s3.amazonaws.com", "ListObjectsV2", T.plusSeconds(60)),
                role(ROLE, "lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", T),
                role(ROLE, "monitoring.amazonaws.com", "PutMetricData", T),
                user(USER, "iam.amazonaws.com", "ListRoles", T),
                user(USER, "s3.amazonaws.com", "PutObject", T).denied().asData()));
        byte[] gz = CloudTrailLogs.gzip(json);
        UsageTally tally = new UsageTally();
        CloudTrailLogParser.FileResult r = new CloudTrailLogParser().parse(new GZIPInputStream(new ByteArrayInputStream(gz)), tally);
        assertThat(r.records()).isEqualTo(6);
        assertThat(r.attributed()).isEqualTo(6);
        UsageTally.Result result = tally.evidence(mapping);
        assertThat(result.evidence()).extracting(e -> e.principalArn() + " " + e.action() + " " + e.source() + " " + e.count())
                .containsExactlyInAnyOrder(
                        ROLE + " s3:ListBucket CLOUDTRAIL 2",
                        ROLE + " lambda:UpdateFunctionConfiguration CLOUDTRAIL 1",
                        ROLE + " cloudwatch:PutMetricData CLOUDTRAIL 1",
                        USER + " iam:ListRoles CLOUDTRAIL 1",
                        USER + " s3:PutObject CLOUDTRAIL_DENIED 1");
        UsageEvidence list = result.evidence().stream().filter(e -> e.action().equals("s3:ListBucket")).findFirst().orElseThrow();
        assertThat(list.lastSeen()).isEqualTo(T.plusSeconds(60));
        assertThat(result.logged()).containsKeys("s3:listbucket", "s3:putobject", "iam:listroles");
        assertThat(result.unmapped()).isEmpty();
    }

    @Test
    void rootServiceAndWebIdentityCallsAndForgedArnsAreNotAttributed() {
        String json = """
                {"Records":[
                 {"eventTime":"2026-10-01T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject",
                  "userIdentity":{"type":"Root","arn":"arn:aws:iam::123456789012:root"}},
                 {"eventTime":"2026-10-01T10:00:00Z","eventSource":"sts.amazonaws.com","eventName":"AssumeRole",
                  "userIdentity":{"type":"AWSService","invokedBy":"ec2.amazonaws.com"}},
                 {"eventTime":"2026-10-01T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject",
                  "userIdentity":{"type":"AssumedRole","sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::12345:role/x"}}}},
                 {"eventTime":"2026-10-01T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject",
                  "userIdentity":{"type":"IAMUser","arn":"arn:aws:sts::123456789012:assumed-role/x/y"}},
                 {"eventTime":"not a time","eventSource":"s3.amazonaws.com","eventName":"GetObject",
                  "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/bob"}},
                 {"eventTime":"2026-10-01T10:00:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin",
                  "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/bob"}},
                 {"eventTime":"2026-10-01T10:00:00Z","eventSource":"apigateway.amazonaws.com","eventName":"GetRestApis",
                  "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/bob"}},
                 "not an object", 42, [1, [2]]
                ], "extra": {"deep": [1, 2, {"x": "y"}]}}
                """;
        UsageTally tally = parse(json);
        assertThat(tally.events()).isEqualTo(2);
        UsageTally.Result r = tally.evidence(mapping);
        assertThat(r.evidence()).isEmpty();
        assertThat(r.unmapped()).extracting(u -> u.eventSource() + ":" + u.eventName())
                .containsExactly("apigateway.amazonaws.com:GetRestApis");
    }

    @Test
    void aFileIsStreamedNotLoaded() throws Exception {
        // ~380 MB of JSON parsed in a JVM with a 48 MB heap: it only works if nothing holds the file
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                StreamingProbe.class.getName(), "400000").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("records=400000").contains("states=1");
        long bytes = Long.parseLong(out.replaceAll("(?s).*bytes=(\\d+).*", "$1"));
        assertThat(bytes).isGreaterThan(300L << 20);
    }

    @Test
    void hostileStructureIsRefusedWithinBounds() {
        String deep = "{\"Records\":[" + "[".repeat(5000) + "]".repeat(5000) + "]}";
        assertThatThrownBy(() -> parse(deep)).hasMessageContaining("depth");
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parse("{\"Records\":[{\"eventName\":\"x\"")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void timesParseFastAndSlowAndRefuseGarbage() {
        assertThat(CloudTrailLogParser.epochSecond("2026-10-01T10:15:30Z")).isEqualTo(T.getEpochSecond());
        assertThat(CloudTrailLogParser.epochSecond("2026-10-01T12:15:30+02:00")).isEqualTo(T.getEpochSecond());
        assertThat(CloudTrailLogParser.epochSecond("2026-10-01T10:15:30.123Z")).isEqualTo(T.getEpochSecond());
        assertThat(CloudTrailLogParser.epochSecond("yesterday")).isEqualTo(Long.MIN_VALUE);
        assertThat(CloudTrailLogParser.iamPrincipal("arn:aws:iam::123456789012:role/a/b")).isTrue();
        assertThat(CloudTrailLogParser.iamPrincipal("arn:aws-us-gov:iam::123456789012:user/u")).isTrue();
        assertThat(CloudTrailLogParser.iamPrincipal("arn:aws:iam::123456789012:group/g")).isFalse();
        assertThat(CloudTrailLogParser.iamPrincipal("arn:aws:iam::1234567890:role/x")).isFalse();
        assertThat(EvidenceSource.values()).hasSize(4);
    }
}
