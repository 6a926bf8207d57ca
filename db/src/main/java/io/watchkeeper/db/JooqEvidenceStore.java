package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.TUNER_EVIDENCE;
import static io.watchkeeper.db.jooq.Tables.TUNER_LAST_ACCESSED_RUN;
import static io.watchkeeper.db.jooq.Tables.TUNER_LOGGED_ACTION;
import static io.watchkeeper.db.jooq.Tables.TUNER_UNMAPPED_EVENT;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.when;

import io.watchkeeper.core.tuner.EvidenceSource;
import io.watchkeeper.core.tuner.EvidenceStore;
import io.watchkeeper.core.tuner.LastAccessedRun;
import io.watchkeeper.core.tuner.UnmappedEvent;
import io.watchkeeper.core.tuner.UsageEvidence;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep7;
import org.jooq.impl.DSL;

/** Usage evidence in PostgreSQL: one row per (principal, action, source), merged with upserts in batches. */
public final class JooqEvidenceStore implements EvidenceStore {

    private static final int BATCH = 1000;
    private static final List<String> LAST_ACCESSED = List.of(EvidenceSource.LAST_ACCESSED_ACTION.name(),
            EvidenceSource.LAST_ACCESSED_SERVICE.name());

    private final DSLContext dsl;

    public JooqEvidenceStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public void merge(List<UsageEvidence> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<UsageEvidence> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            InsertValuesStep7<?, String, String, String, OffsetDateTime, Long, String, OffsetDateTime> insert =
                    dsl.insertInto(TUNER_EVIDENCE, TUNER_EVIDENCE.PRINCIPAL_ARN, TUNER_EVIDENCE.ACTION, TUNER_EVIDENCE.SOURCE,
                            TUNER_EVIDENCE.LAST_SEEN, TUNER_EVIDENCE.EVENT_COUNT, TUNER_EVIDENCE.REGION, TUNER_EVIDENCE.UPDATED_AT);
            OffsetDateTime now = Times.utc(Instant.now());
            for (UsageEvidence e : chunk) {
                insert = insert.values(e.principalArn(), e.action(), e.source().name(), Times.utc(e.lastSeen()), e.count(),
                        e.region(), now);
            }
            insert.onConflict(TUNER_EVIDENCE.PRINCIPAL_ARN, TUNER_EVIDENCE.ACTION, TUNER_EVIDENCE.SOURCE)
                    .doUpdate()
                    .set(TUNER_EVIDENCE.REGION, when(TUNER_EVIDENCE.LAST_SEEN.isNull()
                            .or(excluded(TUNER_EVIDENCE.LAST_SEEN).ge(TUNER_EVIDENCE.LAST_SEEN)), excluded(TUNER_EVIDENCE.REGION))
                            .otherwise(TUNER_EVIDENCE.REGION))
                    .set(TUNER_EVIDENCE.LAST_SEEN, greatest(TUNER_EVIDENCE.LAST_SEEN, excluded(TUNER_EVIDENCE.LAST_SEEN)))
                    .set(TUNER_EVIDENCE.EVENT_COUNT, TUNER_EVIDENCE.EVENT_COUNT.plus(excluded(TUNER_EVIDENCE.EVENT_COUNT)))
                    .set(TUNER_EVIDENCE.UPDATED_AT, excluded(TUNER_EVIDENCE.UPDATED_AT))
                    .execute();
        }
    }

    @Override
    public void mergeLogged(String logAccount, Map<String, Instant> actions) {
        List<Map.Entry<String, Instant>> entries = List.copyOf(actions.entrySet());
        for (int from = 0; from < entries.size(); from += BATCH) {
            var insert = dsl.insertInto(TUNER_LOGGED_ACTION, TUNER_LOGGED_ACTION.LOG_ACCOUNT, TUNER_LOGGED_ACTION.ACTION,
                    TUNER_LOGGED_ACTION.LAST_SEEN);
            for (Map.Entry<String, Instant> e : entries.subList(from, Math.min(entries.size(), from + BATCH))) {
                insert = insert.values(logAccount, e.getKey(), Times.utc(e.getValue()));
            }
            insert.onConflict(TUNER_LOGGED_ACTION.LOG_ACCOUNT, TUNER_LOGGED_ACTION.ACTION).doUpdate()
                    .set(TUNER_LOGGED_ACTION.LAST_SEEN, greatest(TUNER_LOGGED_ACTION.LAST_SEEN, excluded(TUNER_LOGGED_ACTION.LAST_SEEN)))
                    .execute();
        }
    }

    @Override
    public void mergeUnmapped(List<UnmappedEvent> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            var insert = dsl.insertInto(TUNER_UNMAPPED_EVENT, TUNER_UNMAPPED_EVENT.PRINCIPAL_ARN, TUNER_UNMAPPED_EVENT.EVENT_SOURCE,
                    TUNER_UNMAPPED_EVENT.EVENT_NAME, TUNER_UNMAPPED_EVENT.LAST_SEEN, TUNER_UNMAPPED_EVENT.EVENT_COUNT);
            for (UnmappedEvent e : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                insert = insert.values(e.principalArn(), e.eventSource(), e.eventName(), Times.utc(e.lastSeen()), e.count());
            }
            insert.onConflict(TUNER_UNMAPPED_EVENT.PRINCIPAL_ARN, TUNER_UNMAPPED_EVENT.EVENT_SOURCE, TUNER_UNMAPPED_EVENT.EVENT_NAME)
                    .doUpdate()
                    .set(TUNER_UNMAPPED_EVENT.LAST_SEEN, greatest(TUNER_UNMAPPED_EVENT.LAST_SEEN, excluded(TUNER_UNMAPPED_EVENT.LAST_SEEN)))
                    .set(TUNER_UNMAPPED_EVENT.EVENT_COUNT, TUNER_UNMAPPED_EVENT.EVENT_COUNT.plus(excluded(TUNER_UNMAPPED_EVENT.EVENT_COUNT)))
                    .execute();
        }
    }

    @Override
    public void replaceLastAccessed(String principalArn, List<UsageEvidence> rows, LastAccessedRun run) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (run.available()) {
                tx.deleteFrom(TUNER_EVIDENCE).where(TUNER_EVIDENCE.PRINCIPAL_ARN.eq(principalArn)
                        .and(TUNER_EVIDENCE.SOURCE.in(LAST_ACCESSED))).execute();
                new JooqEvidenceStore(tx).merge(rows);
            }
            tx.insertInto(TUNER_LAST_ACCESSED_RUN)
                    .set(TUNER_LAST_ACCESSED_RUN.PRINCIPAL_ARN, principalArn)
                    .set(TUNER_LAST_ACCESSED_RUN.AVAILABLE, run.available())
                    .set(TUNER_LAST_ACCESSED_RUN.MESSAGE, run.message())
                    .set(TUNER_LAST_ACCESSED_RUN.GENERATED_AT, Times.utc(run.generatedAt()))
                    .onConflict(TUNER_LAST_ACCESSED_RUN.PRINCIPAL_ARN).doUpdate()
                    .set(TUNER_LAST_ACCESSED_RUN.AVAILABLE, excluded(TUNER_LAST_ACCESSED_RUN.AVAILABLE))
                    .set(TUNER_LAST_ACCESSED_RUN.MESSAGE, excluded(TUNER_LAST_ACCESSED_RUN.MESSAGE))
                    .set(TUNER_LAST_ACCESSED_RUN.GENERATED_AT, excluded(TUNER_LAST_ACCESSED_RUN.GENERATED_AT))
                    .execute();
        });
    }

    @Override
    public List<UsageEvidence> evidence(Collection<String> principalArns) {
        if (principalArns.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(TUNER_EVIDENCE).where(TUNER_EVIDENCE.PRINCIPAL_ARN.in(principalArns))
                .fetch(r -> new UsageEvidence(r.getPrincipalArn(), r.getAction(), EvidenceSource.valueOf(r.getSource()),
                        Times.instant(r.getLastSeen()), r.getEventCount(), r.getRegion()));
    }

    @Override
    public Set<String> loggedActions(String logAccount) {
        return new HashSet<>(dsl.select(TUNER_LOGGED_ACTION.ACTION).from(TUNER_LOGGED_ACTION)
                .where(TUNER_LOGGED_ACTION.LOG_ACCOUNT.eq(logAccount)).fetch(TUNER_LOGGED_ACTION.ACTION));
    }

    @Override
    public List<UnmappedEvent> unmapped(Collection<String> principalArns) {
        if (principalArns.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(TUNER_UNMAPPED_EVENT).where(TUNER_UNMAPPED_EVENT.PRINCIPAL_ARN.in(principalArns))
                .fetch(r -> new UnmappedEvent(r.getPrincipalArn(), r.getEventSource(), r.getEventName(),
                        Times.instant(r.getLastSeen()), r.getEventCount()));
    }

    @Override
    public Map<String, LastAccessedRun> lastAccessedRuns(Collection<String> principalArns) {
        Map<String, LastAccessedRun> out = new HashMap<>();
        if (principalArns.isEmpty()) {
            return out;
        }
        dsl.selectFrom(TUNER_LAST_ACCESSED_RUN).where(TUNER_LAST_ACCESSED_RUN.PRINCIPAL_ARN.in(principalArns))
                .forEach(r -> out.put(r.getPrincipalArn(), new LastAccessedRun(r.getPrincipalArn(), r.getAvailable(),
                        r.getMessage(), Times.instant(r.getGeneratedAt()))));
        return out;
    }

    @Override
    public List<UsageEvidence> deniedSince(String principalArn, Instant since) {
        return dsl.selectFrom(TUNER_EVIDENCE)
                .where(TUNER_EVIDENCE.PRINCIPAL_ARN.eq(principalArn)
                        .and(TUNER_EVIDENCE.SOURCE.eq(EvidenceSource.CLOUDTRAIL_DENIED.name()))
                        .and(TUNER_EVIDENCE.LAST_SEEN.gt(Times.utc(since))))
                .fetch(r -> new UsageEvidence(r.getPrincipalArn(), r.getAction(), EvidenceSource.CLOUDTRAIL_DENIED,
                        Times.instant(r.getLastSeen()), r.getEventCount(), r.getRegion()));
    }
}
