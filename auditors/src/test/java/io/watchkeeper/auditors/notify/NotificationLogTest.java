package io.watchkeeper.auditors.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract of NotificationLog, shown on the in-memory implementation. */
class NotificationLogTest {

    private static final Instant AT = Instant.parse("2026-11-22T06:00:00Z");

    @Test
    void aClaimSucceedsOnceUntilReleased() {
        InMemoryNotificationLog log = new InMemoryNotificationLog();
        assertThat(log.claim("daily-digest/email", "2026-11-22", AT)).isTrue();
        assertThat(log.claim("daily-digest/email", "2026-11-22", AT.plusSeconds(5))).isFalse();
        assertThat(log.claim("daily-digest/slack", "2026-11-22", AT)).isTrue();
        assertThat(log.claim("daily-digest/email", "2026-11-23", AT)).isTrue();
        log.release("daily-digest/email", "2026-11-22");
        log.release("daily-digest/email", "never-claimed");
        assertThat(log.claim("daily-digest/email", "2026-11-22", AT)).isTrue();
    }

    @Test
    void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
        InMemoryNotificationLog log = new InMemoryNotificationLog();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(() -> log.claim("k", "2026-11-22", AT));
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
