package io.watchkeeper.core.github;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Conditional-request cache of a provider's REST answers, per account and URL: the validator
 * ({@code ETag}) and the body it stands for, so that an unchanged resource is answered by a 304
 * (free under GitHub's primary rate limit) and read from here.
 */
public interface EtagCache {

    Optional<Entry> find(long accountId, String url);

    void put(long accountId, String url, Entry entry);

    /** Forgets entries stored before {@code cutoff} (they are simply fetched again); returns how many. */
    int forgetOlderThan(long accountId, Instant cutoff);

    /**
     * One cached answer.
     *
     * @param etag the validator as the server sent it
     * @param link the {@code Link} header of that answer (paging), or null
     * @param body the body bytes
     * @param storedAt when it was stored
     */
    record Entry(String etag, String link, byte[] body, Instant storedAt) {
        public Entry {
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(storedAt, "storedAt");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** A cache that keeps nothing (tests of the uncached path, tools). */
    EtagCache NONE = new EtagCache() {
        @Override
        public Optional<Entry> find(long accountId, String url) {
            return Optional.empty();
        }

        @Override
        public void put(long accountId, String url, Entry entry) {}

        @Override
        public int forgetOlderThan(long accountId, Instant cutoff) {
            return 0;
        }
    };
}
