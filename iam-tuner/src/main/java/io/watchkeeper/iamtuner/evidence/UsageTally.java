package io.watchkeeper.iamtuner.evidence;

import io.watchkeeper.core.tuner.EvidenceSource;
import io.watchkeeper.core.tuner.UnmappedEvent;
import io.watchkeeper.core.tuner.UsageEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state CloudTrail reading keeps: per (principal, event source, event name, denied) the last time
 * and a count — bounded by principals × actions, never by events. Not thread-safe: one tally per
 * reading thread, {@link #merge merged} at the end. {@link #evidence} maps distinct events to actions
 * once, not once per event.
 */
public final class UsageTally implements EventSink {

    private record Key(String principal, String source, String name, boolean denied) {}

    private static final class Stats {
        long last = Long.MIN_VALUE;
        long count;
        String region;
        boolean data;

        void add(long epoch, String r, long n) {
            if (epoch >= last) {
                last = epoch;
                region = r;
            }
            count += n;
        }
    }

    private final Map<Key, Stats> stats = new HashMap<>();
    private long events;

    @Override
    public void event(String principalArn, String eventSource, String eventName, long epochSecond, String region,
                      boolean denied, boolean data) {
        events++;
        Stats s = stats.computeIfAbsent(new Key(principalArn, eventSource, eventName, denied), k -> new Stats());
        s.add(epochSecond, region, 1);
        s.data |= data;
    }

    /** Adds another tally's state into this one. */
    public void merge(UsageTally other) {
        events += other.events;
        other.stats.forEach((k, o) -> {
            Stats s = stats.computeIfAbsent(k, x -> new Stats());
            s.add(o.last, o.region, o.count);
            s.data |= o.data;
        });
    }

    /** Events counted. */
    public long events() {
        return events;
    }

    /** Distinct (principal, event, outcome) entries held: the memory bound. */
    public int size() {
        return stats.size();
    }

    /** The tally as evidence, what the trail proved it logs, and what could not be mapped. */
    public record Result(List<UsageEvidence> evidence, Map<String, Instant> logged, List<UnmappedEvent> unmapped) {}

    public Result evidence(CloudTrailMapping mapping) {
        Map<String, UsageEvidence> out = new HashMap<>();
        Map<String, Instant> logged = new HashMap<>();
        Map<String, UnmappedEvent> unmapped = new HashMap<>();
        for (Map.Entry<Key, Stats> e : stats.entrySet()) {
            Key k = e.getKey();
            Stats s = e.getValue();
            Instant last = Instant.ofEpochSecond(s.last);
            CloudTrailMapping.Mapped m = mapping.map(k.source(), k.name());
            if (m.ignored()) {
                continue;
            }
            if (!m.mapped()) {
                unmapped.merge(k.principal() + "\n" + k.source() + "\n" + k.name(),
                        new UnmappedEvent(k.principal(), k.source(), k.name(), last, s.count),
                        (a, b) -> new UnmappedEvent(a.principalArn(), a.eventSource(), a.eventName(),
                                a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen(), a.count() + b.count()));
                continue;
            }
            EvidenceSource source = k.denied() ? EvidenceSource.CLOUDTRAIL_DENIED : EvidenceSource.CLOUDTRAIL;
            for (int id : m.actions()) {
                String action = mapping.catalog().action(id).qualified();
                logged.merge(action.toLowerCase(java.util.Locale.ROOT), last, (a, b) -> a.isAfter(b) ? a : b);
                out.merge(k.principal() + "\n" + action + "\n" + source,
                        new UsageEvidence(k.principal(), action, source, last, s.count, s.region),
                        (a, b) -> a.lastSeen().isAfter(b.lastSeen())
                                ? new UsageEvidence(a.principalArn(), a.action(), source, a.lastSeen(), a.count() + b.count(), a.region())
                                : new UsageEvidence(a.principalArn(), a.action(), source, b.lastSeen(), a.count() + b.count(), b.region()));
            }
        }
        return new Result(new ArrayList<>(out.values()), logged, new ArrayList<>(unmapped.values()));
    }
}
