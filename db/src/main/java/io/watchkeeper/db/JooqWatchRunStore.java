package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.WATCH_RUN;
import static io.watchkeeper.db.jooq.Tables.WATCH_SCOPE_RESULT;

import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeCounts;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.core.watch.WatchRunStore;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.jooq.DSLContext;

/** Watch runs and per-scope results, failed scopes with their error. */
public final class JooqWatchRunStore implements WatchRunStore {

    private final DSLContext dsl;

    public JooqWatchRunStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public long startRun(String trigger, String actor) {
        return dsl.insertInto(WATCH_RUN)
                .set(WATCH_RUN.TRIGGER, trigger)
                .set(WATCH_RUN.ACTOR, actor)
                .returning(WATCH_RUN.ID)
                .fetchSingle()
                .getId();
    }

    @Override
    public void recordScope(long runId, ScopeResult r) {
        ScopeCounts c = r.counts();
        dsl.insertInto(WATCH_SCOPE_RESULT)
                .set(WATCH_SCOPE_RESULT.RUN_ID, runId)
                .set(WATCH_SCOPE_RESULT.ACCOUNT_ID, r.scope().account().id())
                .set(WATCH_SCOPE_RESULT.REGION, r.scope().region())
                .set(WATCH_SCOPE_RESULT.RESOURCE_TYPE, r.scope().type().id())
                .set(WATCH_SCOPE_RESULT.STATUS, r.status().name())
                .set(WATCH_SCOPE_RESULT.ERROR_CATEGORY, r.errorCategory() == null ? null : r.errorCategory().name())
                .set(WATCH_SCOPE_RESULT.MESSAGE, r.message())
                .set(WATCH_SCOPE_RESULT.CREATED, c.created())
                .set(WATCH_SCOPE_RESULT.CHANGED, c.changed())
                .set(WATCH_SCOPE_RESULT.EPHEMERAL, c.ephemeral())
                .set(WATCH_SCOPE_RESULT.DELETED, c.deleted())
                .set(WATCH_SCOPE_RESULT.UNCHANGED, c.unchanged())
                .set(WATCH_SCOPE_RESULT.API_CALLS, r.apiCalls())
                .set(WATCH_SCOPE_RESULT.THROTTLES, r.throttles())
                .set(WATCH_SCOPE_RESULT.DURATION_MS, r.duration().toMillis())
                .execute();
    }

    @Override
    public void finishRun(long runId, RunSummary summary) {
        ScopeCounts c = summary.counts();
        dsl.update(WATCH_RUN)
                .set(WATCH_RUN.FINISHED_AT, OffsetDateTime.now())
                .set(WATCH_RUN.SCOPES_OK, (int) (summary.count(ScopeStatus.OK)))
                .set(WATCH_RUN.SCOPES_FAILED, (int) (summary.count(ScopeStatus.FAILED) + summary.count(ScopeStatus.PARTIAL)))
                .set(WATCH_RUN.CREATED, c.created())
                .set(WATCH_RUN.CHANGED, c.changed())
                .set(WATCH_RUN.DELETED, c.deleted())
                .set(WATCH_RUN.UNCHANGED, c.unchanged())
                .where(WATCH_RUN.ID.eq(runId))
                .execute();
    }
}
