package io.watchkeeper.certmanager.acme;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;

/**
 * Publishes HTTP-01 or DNS-01 answers through the management API of {@code pebble-challtestsrv},
 * the challenge server that comes with the Pebble test CA (development and tests).
 */
public final class ChallTestSrvSolver implements ChallengeSolver {

    private final URI management;
    private final String type;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChallTestSrvSolver(URI management, String type) {
        this.management = management;
        this.type = type;
    }

    public static ChallTestSrvSolver http01(URI management) {
        return new ChallTestSrvSolver(management, Http01Challenge.TYPE);
    }

    public static ChallTestSrvSolver dns01(URI management) {
        return new ChallTestSrvSolver(management, Dns01Challenge.TYPE);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void present(String domain, Challenge challenge) {
        if (challenge instanceof Http01Challenge h) {
            post("/add-http01", Map.of("token", h.getToken(), "content", h.getAuthorization()));
        } else if (challenge instanceof Dns01Challenge d) {
            post("/set-txt", Map.of("host", d.getRRName(domain), "value", d.getDigest()));
        }
    }

    @Override
    public void cleanup(String domain, Challenge challenge) {
        if (challenge instanceof Http01Challenge h) {
            post("/del-http01", Map.of("token", h.getToken()));
        } else if (challenge instanceof Dns01Challenge d) {
            post("/clear-txt", Map.of("host", d.getRRName(domain)));
        }
    }

    private void post(String path, Map<String, String> body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(management.resolve(path))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "challenge server answered " + r.statusCode());
            }
        } catch (IOException e) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "challenge server unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "interrupted", e);
        }
    }
}
