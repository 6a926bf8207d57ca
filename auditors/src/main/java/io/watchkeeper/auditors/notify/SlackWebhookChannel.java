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
 * make links or mentions. Only https URLs are accepted (the URL is a secret and the messages name
 * findings; plain http would send both in clear text): tests may post to an http server on loopback
 * through {@link #allowingHttpToLoopback}, nothing else may. Redirects are not followed (a webhook
 * that redirects is an error), and connect and request timeouts are bounded. The webhook URL is a
 * secret: it never appears in messages or {@link #toString()}.
 */
public final class SlackWebhookChannel implements NotificationChannel {

    static final int MAX_TEXT = 39_000;

    private final URI webhook;
    private final Duration timeout;
    private final HttpClient client;

    /** A channel posting to {@code webhook}, which must be an https URL with a host. */
    public SlackWebhookChannel(URI webhook, Duration timeout) {
        this(webhook, timeout, false);
    }

    /**
     * For tests against a local server: also accepts plain http when the host is a loopback address
     * (127.0.0.0/8, ::1, localhost). Never used by the application.
     */
    public static SlackWebhookChannel allowingHttpToLoopback(URI webhook, Duration timeout) {
        return new SlackWebhookChannel(webhook, timeout, true);
    }

    private SlackWebhookChannel(URI webhook, Duration timeout, boolean httpToLoopback) {
        this.webhook = Objects.requireNonNull(webhook, "webhook");
        String scheme = webhook.getScheme() == null ? "" : webhook.getScheme().toLowerCase(Locale.ROOT);
        if (webhook.getHost() == null || !scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidInputException("the Slack webhook must be an https URL with a host");
        }
        if (scheme.equals("http") && !(httpToLoopback && loopback(webhook.getHost()))) {
            throw new InvalidInputException("the Slack webhook must use https, not http (host " + webhook.getHost()
                    + "): plain http would send the webhook's secret URL and every message in clear text");
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

    private static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
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
