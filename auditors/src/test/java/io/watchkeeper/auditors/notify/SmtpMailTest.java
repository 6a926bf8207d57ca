package io.watchkeeper.auditors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.watchkeeper.auditors.output.TestFindings;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail through a real SMTP server (GreenMail) on a loopback port. */
class SmtpMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("watchkeeper", "s3cret"))
            .withPerMethodLifecycle(true);

    private SmtpSettings settings(String user, String password, boolean startTls) {
        return new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), startTls, user, password,
                "Watchkeeper <watchkeeper@example.org>", List.of("sec@example.org", "ops@example.net"),
                Duration.ofSeconds(5));
    }

    @Test
    void deliversAPlainTextMessageToEveryRecipient() throws Exception {
        new SmtpChannel(settings("watchkeeper", "s3cret", false))
                .send(new Notification("Watchkeeper: 2 new findings — ☃", "line one\nline two: <b>&</b>\n"));
        assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Watchkeeper: 2 new findings — ☃");
        assertThat(addresses(m.getRecipients(Message.RecipientType.TO)))
                .containsExactly("sec@example.org", "ops@example.net");
        assertThat(addresses(m.getFrom())).containsExactly("Watchkeeper <watchkeeper@example.org>");
        assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) m.getContent()).replace("\r\n", "\n").stripTrailing()).isEqualTo("line one\nline two: <b>&</b>");
        assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    @Test
    void aCrLfInACloudValueDoesNotCreateAHeaderOrARecipient() throws Exception {
        FindingView evil = TestFindings.finding(7, TestFindings.S3_PUBLIC, "prod",
                "evil\r\nBcc: attacker@evil.example\r\nX-Injected: yes", 95, Severity.CRITICAL, FindingStatus.OPEN);
        Notification n = new NewFindingsMessage(50, 10, TestFindings.catalog()).build(List.of(evil)).orElseThrow();
        new SmtpChannel(settings("watchkeeper", "s3cret", false)).send(n);
        assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(SMTP.getReceivedMessagesForDomain("evil.example")).isEmpty();
        for (MimeMessage m : received) {
            assertThat(m.getHeader("Bcc")).isNull();
            assertThat(m.getHeader("X-Injected")).isNull();
            assertThat(m.getSubject()).contains("evil  Bcc: attacker@evil.example  X-Injected: yes").doesNotContain("\r", "\n");
            assertThat(Collections.list(m.getAllHeaderLines()))
                    .noneMatch(h -> h.startsWith("Bcc:") || h.startsWith("X-Injected:"));
        }
        assertThat((String) received[0].getContent()).contains("evil  Bcc: attacker@evil.example");
    }

    @Test
    void wrongCredentialsAreAClearError() {
        SmtpChannel channel = new SmtpChannel(settings("watchkeeper", "wrong", false));
        assertThatThrownBy(() -> channel.send(new Notification("s", "b")))
                .isInstanceOf(NotificationException.class).hasMessageContaining("refused the credentials")
                .satisfies(e -> assertThat(((NotificationException) e).category()).isEqualTo(ErrorCategory.DENIED));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void startTlsIsRequiredWhenAskedForAndNothingIsSentWithoutIt() {
        SmtpChannel channel = new SmtpChannel(settings("watchkeeper", "s3cret", true));
        assertThatThrownBy(() -> channel.send(new Notification("s", "b")))
                .isInstanceOf(NotificationException.class).hasMessageContaining("STARTTLS");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void rejectsBadSettingsUpFront() {
        assertThatThrownBy(() -> new SmtpChannel(new SmtpSettings("127.0.0.1", 25, false, null, null,
                "a@example.org\r\nBcc: x@evil.example", List.of("b@example.org"), null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new SmtpChannel(new SmtpSettings("127.0.0.1", 25, false, null, null,
                "a@example.org", List.of("not an address"), null))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new SmtpSettings("127.0.0.1", 25, false, null, null, "a@example.org", List.of(), null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(settings("u", "hunter2", false).toString()).doesNotContain("hunter2");
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }
}
