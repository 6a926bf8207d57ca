package io.watchkeeper.certmanager.acme;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;

/** HTTP-01 through a web server's document root: {@code <webroot>/.well-known/acme-challenge/<token>}. */
public final class WebrootSolver implements ChallengeSolver {

    private final Path webroot;

    public WebrootSolver(Path webroot) {
        this.webroot = webroot;
    }

    @Override
    public String type() {
        return Http01Challenge.TYPE;
    }

    @Override
    public void present(String domain, Challenge challenge) {
        Http01Challenge http = (Http01Challenge) challenge;
        try {
            Path dir = Files.createDirectories(webroot.resolve(".well-known/acme-challenge"));
            Files.writeString(file(dir, http.getToken()), http.getAuthorization(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "cannot write the HTTP-01 answer under " + webroot, e);
        }
    }

    @Override
    public void cleanup(String domain, Challenge challenge) {
        try {
            Files.deleteIfExists(file(webroot.resolve(".well-known/acme-challenge"), ((Http01Challenge) challenge).getToken()));
        } catch (IOException e) {
            // best effort
        }
    }

    private static Path file(Path dir, String token) {
        if (!token.matches("[A-Za-z0-9_-]{1,256}")) { // tokens come from the CA: never a path
            throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "the CA sent a malformed HTTP-01 token");
        }
        return dir.resolve(token);
    }
}
