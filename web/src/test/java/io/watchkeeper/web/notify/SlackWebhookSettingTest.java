package io.watchkeeper.web.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** watchkeeper.notifications.slack-webhook-url: https only, refused at start-up with the setting named. */
class SlackWebhookSettingTest {

    @Test
    void anHttpWebhookIsRefusedNamingTheSettingButNotTheUrl() {
        assertThatThrownBy(() -> NotifyConfiguration.slack("http://hooks.slack.example/services/T0/B0/s3cr3t"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("watchkeeper.notifications.slack-webhook-url: ")
                .hasMessageContaining("https").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> NotifyConfiguration.slack("http://127.0.0.1:9/hook"))
                .as("loopback is no exception outside tests").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NotifyConfiguration.slack("https://hooks.slack.example/s3cr3t path"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("s3cr3t");
    }

    @Test
    void anHttpsWebhookIsAccepted() {
        assertThat(NotifyConfiguration.slack(" https://hooks.slack.example/services/T0/B0/s3cr3t ").toString())
                .doesNotContain("s3cr3t").contains("hooks.slack.example");
    }
}
