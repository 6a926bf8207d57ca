package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ITEM;
import static io.watchkeeper.db.jooq.Tables.CHANGE_ATTRIBUTION;
import static io.watchkeeper.db.jooq.Tables.ITEM_REVISION;

import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.json.JsonPatch;
import io.watchkeeper.core.watch.ObservedItem;
import io.watchkeeper.core.watch.ScopeCounts;
import io.watchkeeper.core.watch.ScopeSnapshot;
import io.watchkeeper.core.watch.SnapshotStore;
import io.watchkeeper.core.watch.StoredScope;
import io.watchkeeper.core.watch.WatchScope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Items and revisions in PostgreSQL. A scope is stored in one transaction and only real changes
 * write rows: one revision per durable change, an in-place update of the latest revision for an
 * ephemeral-only change, nothing for an unchanged item.
 */
public final class JooqSnapshotStore implements SnapshotStore {

    private static final int CHUNK = 500;
    private static final JSONB NO_DIFF = JSONB.valueOf("[]");

    /*
     * The two reads every scope makes, even when nothing changed (20,000 scopes per watch of 42 types on 200
     * accounts), as fixed SQL: building and rendering them with the DSL cost more JVM CPU than the database took to
     * answer them. The same text on every call also lets the driver keep them prepared on each pooled connection.
     */

    /** The items of a scope (account, type, scope region) with their latest revision. */
    static final String LOAD_CURRENT = """
            SELECT i.id, i.resource_id, i.name, i.region, i.deleted,
                   r.id, r.revision_no, r.durable_hash, r.full_hash
              FROM item i
              JOIN LATERAL (SELECT x.id, x.revision_no, x.durable_hash, x.full_hash
                              FROM item_revision x
                             WHERE x.item_id = i.id
                             ORDER BY x.revision_no DESC
                             LIMIT 1) r ON true
             WHERE i.account_id = ? AND i.resource_type = ? AND i.scope_region = ?""";

    /** Open change attributions of an account and type: not used, recorded by now, not expired. */
    static final String OPEN_ATTRIBUTIONS = """
            SELECT id, resource_id, actor, expected::text
              FROM change_attribution
             WHERE account_id = ? AND resource_type = ? AND used_at IS NULL AND recorded_at <= ? AND expires_at > ?
             ORDER BY id""";

    private final DSLContext dsl;

    public JooqSnapshotStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public StoredScope applyScope(ScopeSnapshot snapshot) {
        return dsl.transactionResult(cfg -> new ScopeWrite(cfg.dsl(), snapshot).run());
    }

    /** The latest revision of an item of the scope. */
    private record Current(long itemId, String resourceId, String name, String region, boolean deleted,
                           long revisionId, int revisionNo, String durableHash, String fullHash) {}

    /** A change Watchkeeper made, waiting for the watch that sees its resource. */
    private record Attribution(long id, String resourceId, String actor, String expected) {}

    /** A revision to insert; {@code item} is null for a deletion. */
    private record Pending(long itemId, String resourceId, int revisionNo, String kind, ObservedItem item, JSONB diff) {}

    /** The work of one scope inside its transaction. */
    private static final class ScopeWrite {
        private final DSLContext tx;
        private final ScopeSnapshot snapshot;
        private final OffsetDateTime now = OffsetDateTime.now();
        private final List<Pending> pending = new ArrayList<>();
        private int created;
        private int changed;
        private int ephemeral;
        private int deleted;
        private int unchanged;

        ScopeWrite(DSLContext tx, ScopeSnapshot snapshot) {
            this.tx = tx;
            this.snapshot = snapshot;
        }

        StoredScope run() {
            Map<String, Current> current = loadCurrent(snapshot.scope());
            List<ObservedItem> fresh = new ArrayList<>();
            Map<Current, ObservedItem> durableChanges = new HashMap<>();
            for (ObservedItem item : snapshot.items()) {
                Current cur = current.remove(item.resourceId());
                if (cur == null) {
                    fresh.add(item);
                } else if (cur.deleted() || !cur.durableHash().equals(item.config().durableHash())) {
                    durableChanges.put(cur, item);
                } else if (!cur.fullHash().equals(item.config().fullHash())) {
                    updateEphemeral(cur, item);
                } else {
                    unchanged++;
                }
                if (cur != null && (cur.deleted() || !cur.name().equals(item.name()) || !cur.region().equals(item.region()))) {
                    tx.update(ITEM)
                            .set(ITEM.NAME, item.name())
                            .set(ITEM.REGION, item.region())
                            .set(ITEM.DELETED, false)
                            .where(ITEM.ID.eq(cur.itemId()))
                            .execute();
                }
            }
            insertItems(fresh);
            queueChanges(durableChanges);
            queueDeletions(current.values());
            insertRevisions();
            return new StoredScope(new ScopeCounts(created, changed, ephemeral, deleted, unchanged),
                    pending.stream().map(Pending::itemId).toList());
        }

        private Map<String, Current> loadCurrent(WatchScope scope) {
            Map<String, Current> out = new HashMap<>();
            tx.connection(c -> {
                try (PreparedStatement ps = c.prepareStatement(LOAD_CURRENT)) {
                    ps.setLong(1, scope.account().id());
                    ps.setString(2, scope.type().id());
                    ps.setString(3, scope.region());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String durable = rs.getString(8);
                            String full = rs.getString(9);
                            Current cur = new Current(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getBoolean(5), rs.getLong(6), rs.getInt(7), durable == null ? "" : durable,
                                    full == null ? "" : full);
                            out.put(cur.resourceId(), cur);
                        }
                    }
                }
            });
            return out;
        }

        private void updateEphemeral(Current cur, ObservedItem item) {
            tx.update(ITEM_REVISION)
                    .set(ITEM_REVISION.CONFIG, JSONB.valueOf(item.config().fullText()))
                    .set(ITEM_REVISION.FULL_HASH, item.config().fullHash())
                    .set(ITEM_REVISION.EPHEMERAL_UPDATED_AT, now)
                    .where(ITEM_REVISION.ID.eq(cur.revisionId()))
                    .execute();
            ephemeral++;
        }

        private void insertItems(List<ObservedItem> fresh) {
            WatchScope scope = snapshot.scope();
            for (int from = 0; from < fresh.size(); from += CHUNK) {
                List<ObservedItem> chunk = fresh.subList(from, Math.min(fresh.size(), from + CHUNK));
                var insert = tx.insertInto(ITEM, ITEM.ACCOUNT_ID, ITEM.RESOURCE_TYPE, ITEM.SCOPE_REGION, ITEM.REGION,
                        ITEM.RESOURCE_ID, ITEM.NAME, ITEM.FIRST_SEEN);
                Map<String, ObservedItem> byId = new HashMap<>();
                for (ObservedItem item : chunk) {
                    insert = insert.values(scope.account().id(), scope.type().id(), scope.region(), item.region(),
                            item.resourceId(), item.name(), now);
                    byId.put(item.resourceId(), item);
                }
                for (var row : insert.returning(ITEM.ID, ITEM.RESOURCE_ID).fetch()) {
                    pending.add(new Pending(row.getId(), row.getResourceId(), 1, "created", byId.get(row.getResourceId()), NO_DIFF));
                    created++;
                }
            }
        }

        private void queueChanges(Map<Current, ObservedItem> changes) {
            if (changes.isEmpty()) {
                return;
            }
            Map<Long, JsonNode> before = lastLiveConfigs(changes.keySet().stream().map(Current::itemId).toList());
            for (Map.Entry<Current, ObservedItem> e : changes.entrySet()) {
                Current cur = e.getKey();
                ObservedItem item = e.getValue();
                JsonNode previous = before.get(cur.itemId());
                JsonNode from = previous == null
                        ? JsonNodeFactory.instance.objectNode()
                        : snapshot.durableView().apply(previous);
                JSONB diff = JSONB.valueOf(Json.write(JsonPatch.diff(from, item.config().durable())));
                pending.add(new Pending(cur.itemId(), cur.resourceId(), cur.revisionNo() + 1,
                        cur.deleted() ? "recreated" : "changed", item, diff));
                if (cur.deleted()) {
                    created++;
                } else {
                    changed++;
                }
            }
        }

        /** The config of each item's latest non-deleted revision. */
        private Map<Long, JsonNode> lastLiveConfigs(Collection<Long> itemIds) {
            Map<Long, JsonNode> out = new HashMap<>();
            for (Record row : tx.select(ITEM_REVISION.ITEM_ID, ITEM_REVISION.CONFIG)
                    .distinctOn(ITEM_REVISION.ITEM_ID)
                    .from(ITEM_REVISION)
                    .where(ITEM_REVISION.ITEM_ID.in(itemIds).and(ITEM_REVISION.CONFIG.isNotNull()))
                    .orderBy(ITEM_REVISION.ITEM_ID, ITEM_REVISION.REVISION_NO.desc())
                    .fetch()) {
                out.put(row.get(ITEM_REVISION.ITEM_ID), Json.parse(row.get(ITEM_REVISION.CONFIG).data()));
            }
            return out;
        }

        private void queueDeletions(Collection<Current> missing) {
            List<Long> ids = new ArrayList<>();
            for (Current cur : missing) {
                if (cur.deleted() || snapshot.unreadable().contains(cur.resourceId())) {
                    continue;
                }
                pending.add(new Pending(cur.itemId(), cur.resourceId(), cur.revisionNo() + 1, "deleted", null, NO_DIFF));
                ids.add(cur.itemId());
                deleted++;
            }
            if (!ids.isEmpty()) {
                tx.update(ITEM).set(ITEM.DELETED, true).where(ITEM.ID.in(ids)).execute();
            }
        }

        /**
         * Changes Watchkeeper made to this scope's resources since they were last watched (resource id → actor, the
         * latest when several); every one of them whose resource this watch saw, changed or not, is used up. An actor is
         * credited only when the observed configuration holds what its change left ({@code expected}); otherwise someone
         * else changed the resource in between and its revision stays unattributed.
         */
        private Map<String, String> attributions(Set<String> seen, Map<String, ObservedItem> observed) {
            WatchScope scope = snapshot.scope();
            Map<String, String> out = new HashMap<>();
            List<Long> used = new ArrayList<>();
            for (Attribution row : openAttributions(scope)) {
                if (seen.contains(row.resourceId())) {
                    used.add(row.id());
                    if (row.expected() == null || holds(observed.get(row.resourceId()), Json.parse(row.expected()))) {
                        out.put(row.resourceId(), row.actor());
                    } else {
                        out.remove(row.resourceId());
                    }
                }
            }
            if (!used.isEmpty()) {
                tx.update(CHANGE_ATTRIBUTION).set(CHANGE_ATTRIBUTION.USED_AT, now).where(CHANGE_ATTRIBUTION.ID.in(used)).execute();
            }
            return out;
        }

        /** The scope's attributions not used yet, recorded by now and not expired, oldest first. */
        private List<Attribution> openAttributions(WatchScope scope) {
            List<Attribution> out = new ArrayList<>();
            tx.connection(c -> {
                try (PreparedStatement ps = c.prepareStatement(OPEN_ATTRIBUTIONS)) {
                    ps.setLong(1, scope.account().id());
                    ps.setString(2, scope.type().id());
                    ps.setObject(3, now);
                    ps.setObject(4, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Attribution(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                        }
                    }
                }
            });
            return out;
        }

        /** Whether every top-level field of {@code expected} is equal (canonically) in the observed configuration. */
        static boolean holds(ObservedItem item, JsonNode expected) {
            if (item == null || !expected.isObject()) {
                return false;
            }
            JsonNode full = item.config().full();
            for (var e : expected.properties()) {
                JsonNode actual = full.get(e.getKey());
                JsonNode want = CanonicalJson.sorted(e.getValue());
                boolean emptyEither = (actual == null || actual.isNull()) && (want.isNull() || want.isEmpty() && want.isContainer());
                if (!emptyEither && (actual == null || !CanonicalJson.sorted(actual).equals(want))) {
                    return false;
                }
            }
            return true;
        }

        private void insertRevisions() {
            long runId = snapshot.runId();
            Set<String> seen = new HashSet<>();
            Map<String, ObservedItem> observed = new HashMap<>();
            snapshot.items().forEach(i -> {
                seen.add(i.resourceId());
                observed.put(i.resourceId(), i);
            });
            pending.forEach(p -> seen.add(p.resourceId()));
            Map<String, String> actors = attributions(seen, observed);
            for (int from = 0; from < pending.size(); from += CHUNK) {
                var insert = tx.insertInto(ITEM_REVISION, ITEM_REVISION.ITEM_ID, ITEM_REVISION.REVISION_NO,
                        ITEM_REVISION.KIND, ITEM_REVISION.CONFIG, ITEM_REVISION.DURABLE_HASH, ITEM_REVISION.FULL_HASH,
                        ITEM_REVISION.DIFF, ITEM_REVISION.OBSERVED_AT, ITEM_REVISION.RUN_ID, ITEM_REVISION.CHANGED_BY);
                for (Pending p : pending.subList(from, Math.min(pending.size(), from + CHUNK))) {
                    ObservedItem item = p.item();
                    insert = insert.values(p.itemId(), p.revisionNo(), p.kind(),
                            item == null ? null : JSONB.valueOf(item.config().fullText()),
                            item == null ? null : item.config().durableHash(),
                            item == null ? null : item.config().fullHash(),
                            p.diff(), now, runId, actors.get(p.resourceId()));
                }
                insert.execute();
            }
        }
    }
}
