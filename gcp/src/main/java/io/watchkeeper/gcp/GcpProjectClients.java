package io.watchkeeper.gcp;

import com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.auth.Credentials;
import io.watchkeeper.core.watch.ScopeCalls;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What building a session costs and what may outlive it: the project's transport (with its cap on calls in flight),
 * its credential (and the access tokens it caches), the HTTP/JSON channel and the API clients, built on first use.
 * Calls are counted per scope through {@link ScopeCalls}, read at call time, so sharing between runs counts nothing twice.
 */
final class GcpProjectClients implements AutoCloseable {

    private final GcpTransport transport;
    private final Credentials credentials;
    private final TransportChannelProvider channel;
    private final Map<String, Object> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService background;

    /** @param background the scheduler every client's background work shares (null: each client makes its own) */
    GcpProjectClients(GcpTransport transport, Credentials credentials, ScheduledExecutorService background) {
        this.transport = transport;
        this.background = background;
        this.credentials = credentials;
        // HTTP/JSON calls run on the channel's executor: carry the calling scope's call counter to it
        Executor executor = task -> {
            ScopeCalls calls = ScopeCalls.current();
            Thread.ofVirtual().name("gcp-call").start(calls == null ? task : () -> calls.run(() -> {
                task.run();
                return null;
            }));
        };
        this.channel = InstantiatingHttpJsonChannelProvider.newBuilder()
                .setHttpTransport(transport)
                .setExecutor(executor)
                .build();
    }

    GcpTransport transport() {
        return transport;
    }

    Credentials credentials() {
        return credentials;
    }

    TransportChannelProvider channel() {
        return channel;
    }

    /** The shared background scheduler, or null. */
    ScheduledExecutorService background() {
        return background;
    }

    Map<String, Object> clients() {
        return clients;
    }

    @Override
    public void close() {
        for (Object client : clients.values()) {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing releases nothing that outlives the clients
                }
            }
        }
        clients.clear();
    }
}
