package io.watchkeeper.auditors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.auditors.output.TestFindings;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ErrorCategory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DailyDigestTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** A channel that keeps what it was asked to send, or fails while {@code failing} is set. */
    static final class Recording implements NotificationChannel {
        final List<Notification> sent = new ArrayList<>();
        boolean failing;

        @Override
        public String name() {
            return "test";
        }

        @Override
        public void send(Notification n) {
            if (failing) {
                throw new NotificationException(ErrorCategory.UNAVAILABLE, "test: down");
            }
            sent.add(n);
        }
    }

    private static DailyDigest digest(InMemoryNotificationLog log, String instant) {
        return new DailyDigest(log, new DigestMessage(TestFindings.catalog()), Clock.fixed(Instant.parse(instant), ZONE));
    }

    @Test
    void sentOncePerDayEvenWhenAskedTwice() {
        InMemoryNotificationLog log = new InMemoryNotificationLog();
        Recording channel = new Recording();
        AtomicInteger reads = new AtomicInteger();
        assertThat(digest(log, "2026-11-22T06:00:00Z").sendIfDue(channel, () -> {
            reads.incrementAndGet();
            return TestFindings.hostile();
        })).isTrue();
        assertThat(digest(log, "2026-11-22T21:30:00Z").sendIfDue(channel, () -> {
            reads.incrementAndGet();
            return TestFindings.hostile();
        })).isFalse();
        assertThat(channel.sent).hasSize(1);
        assertThat(reads).hasValue(1);
        // 23:30 UTC is already the 23rd in Paris: a new day, a new digest.
        assertThat(digest(log, "2026-11-22T23:30:00Z").sendIfDue(channel, TestFindings::hostile)).isTrue();
        assertThat(channel.sent).extracting(Notification::subject).allMatch(s -> s.startsWith("Watchkeeper daily digest"))
                .anyMatch(s -> s.contains("2026-11-22")).anyMatch(s -> s.contains("2026-11-23"));
    }

    @Test
    void aFailedSendReleasesTheDayForALaterTry() {
        InMemoryNotificationLog log = new InMemoryNotificationLog();
        Recording channel = new Recording();
        channel.failing = true;
        DailyDigest digest = digest(log, "2026-11-22T06:00:00Z");
        assertThatThrownBy(() -> digest.sendIfDue(channel, TestFindings::hostile)).isInstanceOf(NotificationException.class);
        channel.failing = false;
        assertThat(digest.sendIfDue(channel, TestFindings::hostile)).isTrue();
        assertThat(digest.sendIfDue(channel, TestFindings::hostile)).isFalse();
        assertThat(channel.sent).hasSize(1);
    }

    @Test
    void countsOpenFindingsByAccountAndSeverityAndListsTheTopTenByScore() {
        List<FindingView> findings = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            findings.add(TestFindings.finding(i, TestFindings.S3_PUBLIC, i % 2 == 0 ? "prod" : "dev", "b" + i, i * 5,
                    i > 9 ? Severity.CRITICAL : Severity.MEDIUM, FindingStatus.OPEN));
        }
        findings.add(TestFindings.finding(20, TestFindings.S3_PUBLIC, "prod", "gone", 99, Severity.HIGH, FindingStatus.FIXED));
        findings.add(TestFindings.finding(21, TestFindings.SG_ADMIN, "prod", "back", 50, Severity.HIGH, FindingStatus.REGRESSED));
        Notification n = new DigestMessage(TestFindings.catalog()).build(LocalDate.of(2026, 11, 22), findings);
        assertThat(n.subject()).isEqualTo("Watchkeeper daily digest 2026-11-22: 13 open findings");
        // TestFindings spreads findings over three account ids (by id % 3).
        assertThat(n.body()).contains("By account and severity:\n- dev (123456789010): 2 (medium 2)\n",
                "- dev (123456789012): 2 (critical 1, medium 1)\n",
                "- prod (123456789010): 3 (critical 1, high 1, medium 1)\n");
        List<String> top = n.body().lines().filter(l -> l.matches("\\d+\\. .*")).toList();
        assertThat(top).hasSize(10);
        assertThat(top.get(0)).startsWith("1. [60] critical S3 bucket ACL grants access to everyone — b12 ");
        assertThat(top.get(1)).startsWith("2. [55] critical");
        assertThat(top.get(2)).startsWith("3. [50] high " + TestFindings.catalog().text(TestFindings.SG_ADMIN).title());
        assertThat(top.get(3)).startsWith("4. [50] critical");
        assertThat(top.get(9)).startsWith("10. [20] medium");
        assertThat(n.body()).doesNotContain("gone");
    }

    @Test
    void anEmptyDayStillSaysSo() {
        Notification n = new DigestMessage(TestFindings.catalog()).build(LocalDate.of(2026, 11, 22), List.of());
        assertThat(n.subject()).endsWith(": 0 open findings");
        assertThat(n.body()).contains("Nothing to do.");
    }
}
