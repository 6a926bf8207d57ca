package io.watchkeeper.auditors.notify;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Posts notifications to a Slack-compatible incoming webhook as {@code {"text": ...}}. The text is
 * escaped as Slack requires ({@code &}, {@code <}, {@code >}), so cloud-controlled values cannot
 * make links or mentions. Only http(s) URLs are accepted, redirects are not followed (a webhook
 * that redirects is an error), and connect and request timeouts are bounded. The webhook URL is a
 * secret: it never appears in messages or {@link #toString()}.
 */
public final class SlackWebhookChannel implements NotificationChannel {

    static final int MAX_TEXT = 39_000;

    private final URI webhook;
    private final Duration timeout;
    private final HttpClient client;

    public SlackWebhookChannel(URI webhook, Duration timeout) {
        this.webhook = Objects.requireNonNull(webhook, "webhook");
        String scheme = webhook.getScheme() == null ? "" : webhook.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || webhook.getHost() == null) {
            throw new InvalidInputException("the Slack webhook must be an http(s) URL with a host");
        }
        this.timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        if (this.timeout.isNegative() || this.timeout.isZero() || this.timeout.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new InvalidInputException("the Slack webhook timeout must be between 1 ms and 2 minutes");
        }
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(this.timeout).build();
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public void send(Notification notification) {
        String text = "*" + escape(Text.oneLine(notification.subject(), 300)) + "*\n" + escape(notification.body());
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "\n…";
        }
        String body = Json.write(Json.object().put("text", text));
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new NotificationException(ErrorCategory.UNAVAILABLE, "slack: the webhook at " + host()
                    + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new NotificationException(ErrorCategory.UNAVAILABLE, "slack: could not reach the webhook at "
                    + host() + ": " + Text.oneLine(String.valueOf(e.getMessage()), 200), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationException(ErrorCategory.UNAVAILABLE, "slack: interrupted while posting", e);
        }
        int status = response.statusCode();
        if (status / 100 == 3) {
            throw new NotificationException(ErrorCategory.INVALID_RESPONSE, "slack: the webhook at " + host()
                    + " answered with a redirect (HTTP " + status + "), which is not followed; check the URL");
        }
        if (status / 100 != 2) {
            throw new NotificationException(status == 401 || status == 403 || status == 404
                    ? ErrorCategory.DENIED : ErrorCategory.UNAVAILABLE, "slack: the webhook at " + host()
                    + " refused the message: HTTP " + status + " " + Text.oneLine(response.body(), 200));
        }
    }

    /** Slack's escaping of message text: {@code & < >} become entities; nothing else is special. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String host() {
        return webhook.getHost();
    }

    @Override
    public String toString() {
        return "SlackWebhookChannel[" + host() + "]";
    }
}
