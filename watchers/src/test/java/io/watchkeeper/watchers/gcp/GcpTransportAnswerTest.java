package io.watchkeeper.watchers.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.GenericUrl;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.gcp.GcpSettings;
import io.watchkeeper.gcp.GcpTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that go wrong after their headers: the flake seen under load ({@code IOException: closed} from a REST client
 * reading a body the JDK client had already failed) is an attempt that must be retried, not a failed scope.
 */
class GcpTransportAnswerTest {

    private static final String BODY = "{\"sinks\":[{\"name\":\"all\"}]}";

    /** A loopback HTTP/1.1 server whose answers misbehave as told, one request per connection. */
    private static final class RawServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger requests = new AtomicInteger();
        final Thread acceptor;
        volatile int brokenAnswers;
        volatile long delayMillis;
        volatile int padding;

        RawServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().daemon().start(this::accept);
        }

        String endpoint() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread.ofVirtual().start(() -> answer(connection));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void answer(Socket connection) {
            try (connection) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    // request line and headers: GETs only, no body
                }
                int n = requests.incrementAndGet();
                Thread.sleep(delayMillis);
                OutputStream out = connection.getOutputStream();
                byte[] body = padding == 0 ? BODY.getBytes(StandardCharsets.UTF_8)
                        : ("{\"pad\":\"" + "x".repeat(padding) + "\"}").getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                if (n <= brokenAnswers) {
                    out.write(body, 0, 5); // the headers and a few bytes, then the connection is gone
                    out.flush();
                    return;
                }
                out.write(body);
                out.flush();
            } catch (IOException | InterruptedException ignored) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private RawServer server;
    private HttpClient http;

    @AfterEach
    void stop() throws IOException {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private GcpTransport transport(Duration callTimeout, LongAdder calls) {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        GcpSettings settings = new GcpSettings(URI.create(server.endpoint()), Map.of(), 4, 3, Duration.ofMillis(5),
                Duration.ofMillis(20), callTimeout);
        return new GcpTransport(http, settings, new WatchMetrics() {
            @Override
            public void apiCall(String service) {
                calls.increment();
            }
        });
    }

    private static final GenericUrl SINKS = new GenericUrl("https://logging.googleapis.com/v2/projects/p/sinks");

    @Test
    void anAnswerThatBreaksOffAfterItsHeadersIsRetried() throws Exception {
        server = new RawServer();
        server.brokenAnswers = 1;
        LongAdder calls = new LongAdder();
        GcpTransport transport = transport(Duration.ofSeconds(30), calls);
        // before: the first answer's body failed in the client's parser (IOException: closed, not retried)
        String answer = transport.createRequestFactory().buildGetRequest(SINKS).execute().parseAsString();
        assertThat(answer).isEqualTo(BODY);
        assertThat(server.requests.get()).isEqualTo(2);
        assertThat(calls.sum()).as("both attempts counted").isEqualTo(2);
    }

    @Test
    void anAttemptIsBoundedByTheCallTimeoutNotTheClientLibrarysReadTimeout() throws Exception {
        server = new RawServer();
        server.delayMillis = 600;
        LongAdder calls = new LongAdder();
        GcpTransport transport = transport(Duration.ofSeconds(20), calls);
        // google-http-client's read timeout (20 s by default; 100 ms here) used to become the JDK client's timeout for
        // the whole exchange, which under load cut off answers that were on their way
        String answer = transport.createRequestFactory().buildGetRequest(SINKS).setReadTimeout(100).execute()
                .parseAsString();
        assertThat(answer).isEqualTo(BODY);
        assertThat(calls.sum()).as("one attempt, not timed out").isEqualTo(1);
    }

    @Test
    void theCallTimeoutStillEndsAnAttempt() throws Exception {
        server = new RawServer();
        server.delayMillis = 5_000;
        LongAdder calls = new LongAdder();
        GcpTransport transport = transport(Duration.ofMillis(200), calls);
        long started = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transport.createRequestFactory().buildGetRequest(SINKS)
                .execute()).isInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(calls.sum()).as("every attempt timed out").isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4_500));
    }

    @Test
    void anAnswerOverTheLimitFailsWithoutRetryInsteadOfFillingTheHeap() throws Exception {
        server = new RawServer();
        server.padding = GcpTransport.MAX_RESPONSE_BYTES;
        LongAdder calls = new LongAdder();
        GcpTransport transport = transport(Duration.ofSeconds(30), calls);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transport.createRequestFactory().buildGetRequest(SINKS)
                .execute()).isInstanceOf(IOException.class).hasMessageContaining("over " + GcpTransport.MAX_RESPONSE_BYTES + " bytes");
        assertThat(calls.sum()).as("not retried").isEqualTo(1);
    }
}
