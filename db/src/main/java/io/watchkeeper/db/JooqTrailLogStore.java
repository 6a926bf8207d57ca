package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.TUNER_TRAIL;
import static io.watchkeeper.db.jooq.Tables.TUNER_TRAIL_CURSOR;
import static io.watchkeeper.db.jooq.Tables.TUNER_TRAIL_OBJECT;
import static org.jooq.impl.DSL.excluded;

import io.watchkeeper.core.tuner.TrailCursor;
import io.watchkeeper.core.tuner.TrailInfo;
import io.watchkeeper.core.tuner.TrailLogStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What the CloudTrail reader remembers, in PostgreSQL. */
public final class JooqTrailLogStore implements TrailLogStore {

    private final DSLContext dsl;

    public JooqTrailLogStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public List<TrailInfo> trails(long accountId) {
        return dsl.selectFrom(TUNER_TRAIL).where(TUNER_TRAIL.ACCOUNT_ID.eq(accountId)).orderBy(TUNER_TRAIL.BUCKET, TUNER_TRAIL.KEY_PREFIX)
                .fetch(r -> new TrailInfo(r.getAccountId(), r.getTrailArn(), r.getBucket(), r.getKeyPrefix(), r.getHomeRegion(),
                        r.getMultiRegion(), r.getOrganization(), r.getManagementEvents(), Set.of(r.getDataResourceTypes()),
                        Times.instant(r.getUpdatedAt())));
    }

    @Override
    public void saveTrails(long accountId, List<TrailInfo> trails) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.deleteFrom(TUNER_TRAIL).where(TUNER_TRAIL.ACCOUNT_ID.eq(accountId)).execute();
            for (TrailInfo t : trails) {
                tx.insertInto(TUNER_TRAIL)
                        .set(TUNER_TRAIL.ACCOUNT_ID, accountId)
                        .set(TUNER_TRAIL.BUCKET, t.bucket())
                        .set(TUNER_TRAIL.KEY_PREFIX, t.keyPrefix())
                        .set(TUNER_TRAIL.TRAIL_ARN, t.trailArn())
                        .set(TUNER_TRAIL.HOME_REGION, t.homeRegion())
                        .set(TUNER_TRAIL.MULTI_REGION, t.multiRegion())
                        .set(TUNER_TRAIL.ORGANIZATION, t.organization())
                        .set(TUNER_TRAIL.MANAGEMENT_EVENTS, t.managementEvents())
                        .set(TUNER_TRAIL.DATA_RESOURCE_TYPES, t.dataResourceTypes().stream().sorted().toArray(String[]::new))
                        .set(TUNER_TRAIL.UPDATED_AT, Times.utc(t.updatedAt() == null ? Instant.now() : t.updatedAt()))
                        .onConflictDoNothing()
                        .execute();
            }
        });
    }

    @Override
    public Optional<TrailCursor> cursor(long accountId, String bucket, String keyPrefix) {
        return dsl.selectFrom(TUNER_TRAIL_CURSOR).where(TUNER_TRAIL_CURSOR.ACCOUNT_ID.eq(accountId)
                        .and(TUNER_TRAIL_CURSOR.BUCKET.eq(bucket)).and(TUNER_TRAIL_CURSOR.KEY_PREFIX.eq(keyPrefix)))
                .fetchOptional(JooqTrailLogStore::cursor);
    }

    @Override
    public List<TrailCursor> cursors(long accountId) {
        return dsl.selectFrom(TUNER_TRAIL_CURSOR).where(TUNER_TRAIL_CURSOR.ACCOUNT_ID.eq(accountId))
                .orderBy(TUNER_TRAIL_CURSOR.BUCKET, TUNER_TRAIL_CURSOR.KEY_PREFIX).fetch(JooqTrailLogStore::cursor);
    }

    private static TrailCursor cursor(io.watchkeeper.db.jooq.tables.records.TunerTrailCursorRecord r) {
        return new TrailCursor(r.getAccountId(), r.getBucket(), r.getKeyPrefix(), r.getLogAccount(), r.getRegion(),
                r.getCoverageStart(), r.getCompleteThrough(), Times.instant(r.getUpdatedAt()));
    }

    @Override
    public void saveCursor(TrailCursor c) {
        dsl.insertInto(TUNER_TRAIL_CURSOR)
                .set(TUNER_TRAIL_CURSOR.ACCOUNT_ID, c.accountId())
                .set(TUNER_TRAIL_CURSOR.BUCKET, c.bucket())
                .set(TUNER_TRAIL_CURSOR.KEY_PREFIX, c.keyPrefix())
                .set(TUNER_TRAIL_CURSOR.LOG_ACCOUNT, c.logAccount())
                .set(TUNER_TRAIL_CURSOR.REGION, c.region())
                .set(TUNER_TRAIL_CURSOR.COVERAGE_START, c.coverageStart())
                .set(TUNER_TRAIL_CURSOR.COMPLETE_THROUGH, c.completeThrough())
                .set(TUNER_TRAIL_CURSOR.UPDATED_AT, Times.utc(c.updatedAt()))
                .onConflict(TUNER_TRAIL_CURSOR.ACCOUNT_ID, TUNER_TRAIL_CURSOR.BUCKET, TUNER_TRAIL_CURSOR.KEY_PREFIX).doUpdate()
                .set(TUNER_TRAIL_CURSOR.COVERAGE_START, excluded(TUNER_TRAIL_CURSOR.COVERAGE_START))
                .set(TUNER_TRAIL_CURSOR.COMPLETE_THROUGH, excluded(TUNER_TRAIL_CURSOR.COMPLETE_THROUGH))
                .set(TUNER_TRAIL_CURSOR.UPDATED_AT, excluded(TUNER_TRAIL_CURSOR.UPDATED_AT))
                .execute();
    }

    @Override
    public Set<String> readObjects(long accountId, String bucket, String keyPrefix) {
        return new HashSet<>(dsl.select(TUNER_TRAIL_OBJECT.OBJECT_KEY).from(TUNER_TRAIL_OBJECT)
                .where(TUNER_TRAIL_OBJECT.ACCOUNT_ID.eq(accountId).and(TUNER_TRAIL_OBJECT.BUCKET.eq(bucket))
                        .and(TUNER_TRAIL_OBJECT.KEY_PREFIX.eq(keyPrefix)))
                .fetch(TUNER_TRAIL_OBJECT.OBJECT_KEY));
    }

    @Override
    public void markRead(long accountId, String bucket, String keyPrefix, String key, LocalDate day, long events, String error) {
        dsl.insertInto(TUNER_TRAIL_OBJECT)
                .set(TUNER_TRAIL_OBJECT.ACCOUNT_ID, accountId)
                .set(TUNER_TRAIL_OBJECT.BUCKET, bucket)
                .set(TUNER_TRAIL_OBJECT.KEY_PREFIX, keyPrefix)
                .set(TUNER_TRAIL_OBJECT.OBJECT_KEY, key)
                .set(TUNER_TRAIL_OBJECT.DAY, day)
                .set(TUNER_TRAIL_OBJECT.RECORDS, events)
                .set(TUNER_TRAIL_OBJECT.ERROR, error)
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public void pruneRead(long accountId, String bucket, String keyPrefix, LocalDate through) {
        dsl.deleteFrom(TUNER_TRAIL_OBJECT).where(TUNER_TRAIL_OBJECT.ACCOUNT_ID.eq(accountId)
                .and(TUNER_TRAIL_OBJECT.BUCKET.eq(bucket)).and(TUNER_TRAIL_OBJECT.KEY_PREFIX.eq(keyPrefix))
                .and(TUNER_TRAIL_OBJECT.DAY.le(through))).execute();
    }
}
