package io.watchkeeper.web.tuner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who owns a principal and how to reach them; webhooks must be https and never echoed. */
class OwnerDirectoryTest {

    private static OwnerDirectory directory(boolean tagEmail, TunerNoticeProperties.Owner... owners) {
        return new OwnerDirectory(new TunerNoticeProperties(List.of(owners), tagEmail, Duration.ofSeconds(5)));
    }

    @Test
    void anHttpWebhookIsRefusedWithoutEchoingItsSecretUrl() {
        assertThatThrownBy(() -> directory(true, new TunerNoticeProperties.Owner("payments", List.of(), null,
                "http://hooks.example.com/services/T0/B0/s3cr3tT0ken")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("watchkeeper.tuner.notice.owners[0].webhook")
                .hasMessageContaining("payments")
                .hasMessageContaining("https")
                .hasMessageNotContaining("s3cr3tT0ken");
    }

    @Test
    void aConfiguredGlobWinsOverTheTagThenTheTagNamesAnOwnerThenTheTagIsAnAddress() {
        OwnerDirectory d = directory(true,
                new TunerNoticeProperties.Owner("ops", List.of("arn:aws:iam::*:role/worker*"), "ops@example.com", null),
                new TunerNoticeProperties.Owner("payments", List.of(), null, "https://hooks.example.com/x"));
        OwnerDirectory.Contact byGlob = d.find("arn:aws:iam::123456789012:role/worker-1", "someone@example.com");
        assertThat(byGlob.owner()).isEqualTo("ops");
        assertThat(byGlob.email()).isEqualTo("ops@example.com");
        OwnerDirectory.Contact byName = d.find("arn:aws:iam::123456789012:role/pay", "Payments");
        assertThat(byName.owner()).isEqualTo("payments");
        assertThat(byName.webhook()).isNotNull();
        assertThat(byName.webhookHost()).isEqualTo("hooks.example.com");
        assertThat(d.find("arn:aws:iam::123456789012:role/app", "Team@EXAMPLE.com").email()).isEqualTo("Team@example.com");
        assertThat(d.find("arn:aws:iam::123456789012:role/app", null)).isNull();
        OwnerDirectory.Contact named = d.find("arn:aws:iam::123456789012:role/app", "team-blue");
        assertThat(named.owner()).isEqualTo("team-blue");
        assertThat(named.reachable()).isFalse();
    }

    @Test
    void aTagThatSmugglesHeadersOrSeveralAddressesIsNoAddress() {
        OwnerDirectory d = directory(true);
        for (String evil : List.of("a@example.com\r\nBcc: x@evil.example", "a@example.com, x@evil.example",
                "Name <a@example.com>", "a@example.com;x@evil.example", "@example.com")) {
            assertThat(d.find("arn:aws:iam::123456789012:role/app", evil).email()).as(evil).isNull();
        }
        assertThat(directory(false).find("arn:aws:iam::123456789012:role/app", "a@example.com").email())
                .as("tag-email off").isNull();
    }
}
