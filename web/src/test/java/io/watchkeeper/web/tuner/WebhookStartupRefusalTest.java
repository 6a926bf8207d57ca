package io.watchkeeper.web.tuner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.web.WatchkeeperApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every setting that configures a webhook refuses plain http when the application starts (the URL is a secret and the
 * messages name principals and findings): a tuner owner's webhook and the notifications' Slack webhook, loopback
 * included. The error names the setting, never the URL.
 */
class WebhookStartupRefusalTest {

    private static Throwable start(String... settings) {
        TestDatabase db = TestDatabase.fresh();
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=postgres"));
        args.addAll(List.of(settings));
        Throwable thrown = catchThrowable(() -> WatchkeeperApplication.startForCliInTests(args.toArray(String[]::new)).close());
        assertThat(thrown).as("start-up with " + settings[settings.length - 1].replaceAll("=.*", "=…")).isNotNull();
        return thrown;
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aTunerOwnersHttpWebhookStopsStartUp() {
        for (String url : List.of("http://hooks.example.com/services/T0/B0/s3cr3tT0ken", "http://127.0.0.1:9/s3cr3tT0ken")) {
            String all = messages(start("--watchkeeper.tuner.notice.owners[0].name=payments",
                    "--watchkeeper.tuner.notice.owners[0].webhook=" + url));
            assertThat(all).contains("watchkeeper.tuner.notice.owners[0].webhook").contains("payments").contains("https")
                    .doesNotContain("s3cr3tT0ken");
        }
    }

    @Test
    void theNotificationsHttpSlackWebhookStopsStartUp() {
        for (String url : List.of("http://hooks.slack.example/services/T0/B0/s3cr3tT0ken", "http://127.0.0.1:9/s3cr3tT0ken")) {
            String all = messages(start("--watchkeeper.notifications.slack-webhook-url=" + url));
            assertThat(all).contains("watchkeeper.notifications.slack-webhook-url").contains("https")
                    .doesNotContain("s3cr3tT0ken");
        }
    }
}
