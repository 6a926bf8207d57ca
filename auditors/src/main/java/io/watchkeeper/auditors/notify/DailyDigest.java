package io.watchkeeper.auditors.notify;

import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.notify.NotificationLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sends the daily digest at most once per day and channel, however often it is asked (several
 * scheduler replicas, a retry): the {@link NotificationLog} claim on kind
 * {@code daily-digest/<channel>} and key {@code <date>} (ISO, in the configured zone of the clock)
 * decides who sends. A failed send releases the claim so that a later call may try again.
 */
public final class DailyDigest {

    static final String KIND = "daily-digest/";

    private final NotificationLog log;
    private final DigestMessage message;
    private final Clock clock;

    /** @param clock gives "now" and, by its zone, which day it is */
    public DailyDigest(NotificationLog log, DigestMessage message, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.message = Objects.requireNonNull(message, "message");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends today's digest through {@code channel} unless it was already sent today.
     *
     * @param findings read only when the digest is due (the current findings, any status)
     * @return true when this call sent it, false when it had already been sent today
     * @throws NotificationException when sending failed (the claim is released)
     */
    public boolean sendIfDue(NotificationChannel channel, Supplier<List<FindingView>> findings) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        String kind = KIND + channel.name();
        if (!log.claim(kind, today.toString(), now)) {
            return false;
        }
        try {
            channel.send(message.build(today, findings.get()));
            return true;
        } catch (RuntimeException e) {
            log.release(kind, today.toString());
            throw e;
        }
    }
}
