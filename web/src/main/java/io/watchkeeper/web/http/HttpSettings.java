package io.watchkeeper.web.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code watchkeeper.http.*}: how many console and API reads one node works on at once.
 *
 * @param maxConcurrentReads GET/HEAD requests of the console and API in progress at once on this node;
 *     {@code 0} (the default) means four per processor. Others wait their turn in arrival order.
 * @param queueTimeout how long a read waits for its turn before it is answered 503 with {@code Retry-After}
 */
@ConfigurationProperties("watchkeeper.http")
public record HttpSettings(@DefaultValue("0") int maxConcurrentReads, @DefaultValue("30s") Duration queueTimeout) {

    public HttpSettings {
        if (maxConcurrentReads < 0) {
            throw new IllegalArgumentException("watchkeeper.http.max-concurrent-reads must be 0 (automatic) or more");
        }
        if (queueTimeout == null || queueTimeout.isNegative() || queueTimeout.isZero()) {
            throw new IllegalArgumentException("watchkeeper.http.queue-timeout must be positive");
        }
    }

    /** The limit in force: the configured one, or four per processor. */
    public int readsAtOnce() {
        return maxConcurrentReads > 0 ? maxConcurrentReads : 4 * Runtime.getRuntime().availableProcessors();
    }
}
