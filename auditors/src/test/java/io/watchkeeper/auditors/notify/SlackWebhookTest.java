package io.watchkeeper.auditors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Slack webhook channel against a JDK HttpServer on loopback. */
class SlackWebhookTest {

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> answer(exchange, 200, "ok"));
        server.createContext("/broken", exchange -> answer(exchange, 500, "invalid_payload\r\nX-Evil: 1"));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", url("/hook").toString());
            answer(exchange, 302, "");
        });
        server.createContext("/slow", exchange -> {
            record(exchange);
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheTextAsJsonWithSlackEscaping() {
        SlackWebhookChannel.allowingHttpToLoopback(url("/hook"), Duration.ofSeconds(5))
                .send(new Notification("2 new findings <!channel>", "- [90] bucket <script>alert(1)</script> & \"q\"\n- ☃ <@U123>"));
        assertThat(bodies).hasSize(1);
        assertThat(contentTypes.getFirst()).startsWith("application/json");
        JsonNode json = Json.parse(bodies.getFirst());
        assertThat(json.properties()).hasSize(1);
        assertThat(json.get("text").asString()).isEqualTo("*2 new findings &lt;!channel&gt;*\n"
                + "- [90] bucket &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\"\n- ☃ &lt;@U123&gt;");
    }

    @Test
    void aServerErrorBecomesAClearError() {
        SlackWebhookChannel channel = SlackWebhookChannel.allowingHttpToLoopback(url("/broken"), Duration.ofSeconds(5));
        assertThatThrownBy(() -> channel.send(new Notification("s", "b")))
                .isInstanceOf(NotificationException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("invalid_payload")
                .hasMessageNotContaining("/broken").hasMessageNotContaining("\n");
    }

    @Test
    void redirectsAreNotFollowed() {
        SlackWebhookChannel channel = SlackWebhookChannel.allowingHttpToLoopback(url("/moved"), Duration.ofSeconds(5));
        assertThatThrownBy(() -> channel.send(new Notification("s", "b")))
                .isInstanceOf(NotificationException.class).hasMessageContaining("redirect");
        assertThat(paths).containsExactly("/moved");
    }

    @Test
    void aWebhookThatDoesNotAnswerTimesOut() {
        SlackWebhookChannel channel = SlackWebhookChannel.allowingHttpToLoopback(url("/slow"), Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThatThrownBy(() -> channel.send(new Notification("s", "b")))
                .isInstanceOf(NotificationException.class).hasMessageContaining("did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void plainHttpIsRefusedWithAClearErrorThatKeepsTheSecret() {
        for (String http : List.of("http://hooks.example.org/services/T/B/s3cr3t", "HTTP://hooks.example.org/s3cr3t",
                "http://127.0.0.1:8080/s3cr3t")) {
            assertThatThrownBy(() -> new SlackWebhookChannel(URI.create(http), null)).as(http)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("must use https")
                    .hasMessageNotContaining("s3cr3t").hasMessageNotContaining("/services");
        }
        assertThatThrownBy(() -> SlackWebhookChannel.allowingHttpToLoopback(URI.create("http://hooks.example.org/x"), null))
                .as("the test-only setting allows loopback only").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SlackWebhookChannel.allowingHttpToLoopback(URI.create("http://127.0.0.1.example.org/x"), null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(SlackWebhookChannel.allowingHttpToLoopback(URI.create("http://[::1]:8080/x"), null)).isNotNull();
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        for (String bad : List.of("file:///etc/passwd", "ftp://example.org/hook", "jar:file:/x.jar!/", "/relative")) {
            assertThatThrownBy(() -> new SlackWebhookChannel(URI.create(bad), null))
                    .as(bad).isInstanceOf(InvalidInputException.class);
        }
        assertThat(new SlackWebhookChannel(URI.create("https://hooks.example.org/services/T/B/secret"), null).toString())
                .doesNotContain("secret");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void record(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestURI().getPath());
        contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        record(exchange);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
