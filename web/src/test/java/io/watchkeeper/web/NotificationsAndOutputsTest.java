package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.notify.Notification;
import io.watchkeeper.auditors.notify.NotificationChannel;
import io.watchkeeper.auditors.output.CheckCatalog;
import io.watchkeeper.core.finding.AuditSummary;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.db.JooqNotificationLog;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.notify.Notifier;
import io.watchkeeper.web.testing.CliHarness;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import tools.jackson.databind.JsonNode;

/** Findings leave Watchkeeper as CSV, SARIF and OCSF, and as notifications sent once each. */
class NotificationsAndOutputsTest {

    private static final Moto MOTO = Moto.get();
    private static CliHarness cli;

    /** A channel that keeps what it was asked to send. */
    static final class Recording implements NotificationChannel {
        final List<Notification> sent = new ArrayList<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void send(Notification notification) {
            sent.add(notification);
        }
    }

    @BeforeAll
    static void seed() {
        MOTO.reset();
        Moto.pointProductAt(MOTO.endpoint());
        cli = new CliHarness();
        S3Client s3 = MOTO.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("out-public"));
        s3.putBucketAcl(r -> r.bucket("out-public").acl(BucketCannedACL.PUBLIC_READ));
        cli.run("accounts", "add", "aws", "--name", "out", "--account-id", Moto.ACCOUNT_ID, "--regions", "us-east-1");
        assertThat(cli.run("scan", "--account", "out", "--type", "aws.s3.bucket").exit()).isZero();
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    @Test
    void findingsExportAsSarifOcsfAndCsv() {
        JsonNode sarif = Json.parse(cli.run("findings", "list", "--format", "sarif").out());
        assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/tool/driver/version").asString()).isNotBlank().doesNotContain("${");
        assertThat(sarif.at("/runs/0/tool/driver/informationUri").asString()).endsWith("/checks");
        assertThat(sarif.at("/runs/0/results").toString()).contains("aws.s3.bucket/public-acl");
        JsonNode ocsf = Json.parse(cli.run("findings", "list", "--format", "ocsf").out());
        assertThat(ocsf.get(0).get("class_uid").asInt()).isEqualTo(2004);
        String csv = cli.run("findings", "list", "--format", "csv").out();
        assertThat(csv.lines().findFirst().orElse("")).contains("check").contains("fingerprint");
        assertThat(csv).contains("arn:aws:s3:::out-public");
        CliHarness.Run unknown = cli.run("findings", "list", "--format", "xml");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("sarif").contains("ocsf").contains("csv");
    }

    @Test
    void newFindingsAreAnnouncedOnceAndTheDigestOncePerDay() {
        Recording channel = new Recording();
        FindingReader findings = cli.bean(FindingReader.class);
        Notifier notifier = new Notifier(List.of(channel), new JooqNotificationLog(cli.db.dsl()), findings,
                CheckCatalog.of(cli.bean(CheckRegistry.class)), 50, URI.create("http://127.0.0.1:8080"),
                Clock.systemUTC());
        List<String> fresh = findings.list(FindingFilter.open()).stream().map(f -> f.fingerprint()).toList();
        AuditSummary audit = new AuditSummary(1, 1, 1, fresh.size(), 0, 0, 0, 0, java.time.Duration.ZERO, fresh);
        int announced = notifier.newFindings(audit);
        assertThat(announced).as("only findings with a score of at least 50").isPositive().isLessThanOrEqualTo(fresh.size());
        assertThat(channel.sent).hasSize(1);
        assertThat(channel.sent.getFirst().body()).contains("out-public");
        assertThat(notifier.newFindings(audit)).as("each opening is announced once").isZero();
        assertThat(channel.sent).hasSize(1);

        assertThat(notifier.dailyDigest()).isEqualTo(1);
        assertThat(notifier.dailyDigest()).isZero();
        assertThat(channel.sent).hasSize(2);
    }

    @Test
    void certificateExpiryDigestIsOnePerOwnerPerDay(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("keys"));
        try (CliHarness certs = new CliHarness("--watchkeeper.certs.master-keystore=" + dir.resolve("keys/master-keys.p12"))) {
            assertThat(certs.run("authorities", "create", "ca", "--key-type", "ec-p256", "--validity", "365d",
                    "--allow-domain", "example.test").exit()).isZero();
            for (String user : List.of("alice", "bob", "carol")) {
                certs.bean(io.watchkeeper.web.service.AccessAdmin.class).createUser(user, null,
                        io.watchkeeper.core.access.Role.COMMENTER, java.util.Set.of(), "correct horse battery staple",
                        io.watchkeeper.web.testing.WebApp.SYSTEM_ADMIN);
            }
            for (String[] c : new String[][] {{"a1.example.test", "alice", "5d"}, {"a2.example.test", "alice", "10d"},
                {"b1.example.test", "bob", "7d"}, {"c1.example.test", "carol", "90d"}}) {
                CliHarness.Run r = certs.run("certs", "request", "--authority", "ca", "--cn", c[0], "--owner", c[1],
                        "--validity", c[2]);
                assertThat(r.exit()).as(r.err()).isZero();
            }
            Recording channel = new Recording();
            Notifier notifier = new Notifier(List.of(channel), new JooqNotificationLog(certs.db.dsl()),
                    certs.bean(FindingReader.class), CheckCatalog.of(certs.bean(CheckRegistry.class)), 50,
                    URI.create("http://127.0.0.1:8080"), Clock.systemUTC());
            io.watchkeeper.certmanager.ExpiryDigest digest = certs.bean(io.watchkeeper.certmanager.ExpiryDigest.class);
            assertThat(notifier.certificateExpiry(digest, java.time.Duration.ofDays(30))).isEqualTo(2);
            assertThat(channel.sent).extracting(Notification::subject)
                    .containsExactlyInAnyOrder("2 certificate(s) of alice expire within 30 days",
                            "1 certificate(s) of bob expire within 30 days");
            assertThat(channel.sent.stream().filter(n -> n.subject().contains("alice")).findFirst().orElseThrow().body())
                    .contains("a1.example.test").contains("a2.example.test").doesNotContain("c1.example.test");
            assertThat(notifier.certificateExpiry(digest, java.time.Duration.ofDays(30))).as("once a day").isZero();
            assertThat(channel.sent).hasSize(2);

            var failed = List.of(new io.watchkeeper.certmanager.rotation.Renewals.Outcome(7, null, "ACME: rate limited"),
                    new io.watchkeeper.certmanager.rotation.Renewals.Outcome(8, 9L, null));
            assertThat(notifier.renewalFailures(failed)).isOne();
            assertThat(channel.sent.getLast().subject()).isEqualTo("Certificate 7 could not be renewed");
            assertThat(notifier.renewalFailures(failed)).as("once a day per certificate").isZero();
        }
    }
}
