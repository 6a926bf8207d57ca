package io.watchkeeper.web.notify;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.notify.NotificationChannel;
import io.watchkeeper.auditors.notify.SlackWebhookChannel;
import io.watchkeeper.auditors.notify.SmtpChannel;
import io.watchkeeper.auditors.notify.SmtpSettings;
import io.watchkeeper.auditors.output.CheckCatalog;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.db.JooqNotificationLog;
import io.watchkeeper.web.WatchkeeperProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Notification channels from {@code watchkeeper.notifications.*}. */
@Configuration(proxyBeanMethods = false)
public class NotifyConfiguration {

    @Bean
    Notifier notifier(WatchkeeperProperties properties, DSLContext dsl, FindingReader findings, CheckRegistry checks) {
        WatchkeeperProperties.Notify n = properties.notifications();
        List<NotificationChannel> channels = new ArrayList<>();
        WatchkeeperProperties.Email e = n.email();
        if (e.host() != null && !e.host().isBlank()) {
            channels.add(new SmtpChannel(new SmtpSettings(e.host(), e.port(), e.startTls(), e.username(), e.password(),
                    e.from() == null ? "watchkeeper@localhost" : e.from(), e.to(), Duration.ofSeconds(30))));
        }
        if (n.slackWebhookUrl() != null && !n.slackWebhookUrl().isBlank()) {
            channels.add(slack(n.slackWebhookUrl()));
        }
        return new Notifier(channels, new JooqNotificationLog(dsl), findings, CheckCatalog.of(checks), n.threshold(),
                URI.create(n.consoleUrl()), Clock.systemUTC());
    }

    /**
     * The Slack channel of {@code watchkeeper.notifications.slack-webhook-url}: https only, refused at start-up
     * with an error that names the setting but not the URL (it is a secret).
     */
    static SlackWebhookChannel slack(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("watchkeeper.notifications.slack-webhook-url is not a valid URL");
        }
        try {
            return new SlackWebhookChannel(uri, Duration.ofSeconds(10));
        } catch (InvalidInputException e) {
            throw new IllegalStateException("watchkeeper.notifications.slack-webhook-url: " + e.getMessage(), e);
        }
    }
}
