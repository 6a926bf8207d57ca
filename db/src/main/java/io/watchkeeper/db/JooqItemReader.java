package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;
import static io.watchkeeper.db.jooq.Tables.FINDING;
import static io.watchkeeper.db.jooq.Tables.ITEM;
import static io.watchkeeper.db.jooq.Tables.ITEM_REVISION;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;

import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemReader;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.item.Revision;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.db.jooq.tables.ItemRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Items and history from PostgreSQL, with keyset pagination. */
public final class JooqItemReader implements ItemReader {

    private static final ItemRevision LATEST = ITEM_REVISION.as("latest_rev");
    /** The account's name, labelled apart from the item's own name. */
    private static final Field<String> ACCOUNT_NAME = ACCOUNT.NAME.as("account_name");
    private static final Field<JSONB> LATEST_CONFIG = field(name("latest", "latest_config"), JSONB.class);

    private final DSLContext dsl;
    /** The item page's reads, rendered once: an item (with or without its configuration) and its timeline. */
    private final RenderedQuery byId;
    private final RenderedQuery byIdWithConfig;
    private final RenderedQuery timeline;
    private final RenderedQuery page;
    private final RenderedQuery ownedHistory;
    /** Item lists, one rendered query per filter combination (and page size, for unfiltered pages: at most 4,000). */
    private final java.util.concurrent.ConcurrentHashMap<ListShape, RenderedQuery> lists =
            new java.util.concurrent.ConcurrentHashMap<>();

    public JooqItemReader(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        Table<?> latest = latest();
        this.byId = RenderedQuery.of(dsl, query(latest, List.of(ITEM.ID.eq(param("id", 0L)))), "id");
        this.byIdWithConfig = RenderedQuery.of(dsl, dsl.select(summaryFields(latest)).select(latest.field(LATEST_CONFIG))
                .from(ITEM)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(ITEM.ACCOUNT_ID))
                .join(latest).on(trueCondition())
                .where(ITEM.ID.eq(param("id", 0L))), "id");
        this.timeline = RenderedQuery.of(dsl, dsl.select(ITEM_REVISION.REVISION_NO, ITEM_REVISION.KIND,
                        ITEM_REVISION.OBSERVED_AT, ITEM_REVISION.CHANGED_BY, OPERATIONS)
                .from(ITEM_REVISION)
                .where(ITEM_REVISION.ITEM_ID.eq(param("item", 0L)))
                .orderBy(ITEM_REVISION.REVISION_NO.desc()), "item");
        this.page = RenderedQuery.of(dsl, dsl.select(summaryFields(latest)).select(latest.field(LATEST_CONFIG),
                        PAGE_TIMELINE, PAGE_FINDINGS)
                .from(ITEM)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(ITEM.ACCOUNT_ID))
                .join(latest).on(trueCondition())
                .where(ITEM.ID.eq(param("id", 0L))), "id");
        this.ownedHistory = RenderedQuery.of(dsl, dsl.select(ITEM.ACCOUNT_ID, ITEM_REVISION.REVISION_NO, ITEM_REVISION.KIND,
                        ITEM_REVISION.OBSERVED_AT, ITEM_REVISION.EPHEMERAL_UPDATED_AT, ITEM_REVISION.CONFIG,
                        ITEM_REVISION.DIFF, ITEM_REVISION.CHANGED_BY)
                .from(ITEM)
                .leftJoin(ITEM_REVISION).on(ITEM_REVISION.ITEM_ID.eq(ITEM.ID))
                .where(ITEM.ID.eq(param("id", 0L)))
                .orderBy(ITEM_REVISION.REVISION_NO), "id");
    }


    /** How many operations a revision's diff holds. */

    private static final Field<Integer> OPERATIONS = field("coalesce(jsonb_array_length({0}), 0)", Integer.class,
            ITEM_REVISION.DIFF).as("operations");

    /** The item page's timeline and findings, nested in its one read (jOOQ multisets: JSON arrays in PostgreSQL). */
    private static final Field<? extends Result<? extends Record>> PAGE_TIMELINE = multiset(select(ITEM_REVISION.REVISION_NO,
            ITEM_REVISION.KIND, ITEM_REVISION.OBSERVED_AT, ITEM_REVISION.CHANGED_BY, OPERATIONS)
            .from(ITEM_REVISION)
            .where(ITEM_REVISION.ITEM_ID.eq(ITEM.ID))
            .orderBy(ITEM_REVISION.REVISION_NO.desc())).as("timeline");
    private static final io.watchkeeper.db.jooq.tables.Account FINDING_ACCOUNT = ACCOUNT.as("finding_account");
    private static final Field<? extends Result<? extends Record>> PAGE_FINDINGS = multiset(select(FINDING.fields())
            .select(FINDING_ACCOUNT.NAME.as(ACCOUNT.NAME.getName()), FINDING_ACCOUNT.EXTERNAL_ID.as(ACCOUNT.EXTERNAL_ID.getName()))
            .from(FINDING).join(FINDING_ACCOUNT).on(FINDING_ACCOUNT.ID.eq(FINDING.ACCOUNT_ID))
            .where(FINDING.ITEM_ID.eq(ITEM.ID))
            .orderBy(FINDING.SCORE.neg(), FINDING.ID)
            .limit(inline(500))).as("findings");

    @Override
    public List<ItemSummary> list(ItemFilter f) {
        String needle = f.nameContains() == null || f.nameContains().isBlank() ? null
                : "%" + escapeLike(f.nameContains().toLowerCase(Locale.ROOT)) + "%";
        if (needle != null && needle.indexOf('\n') >= 0) {
            return List.of(); // lower(name) + '\n' + lower(resource_id), stored: a line break would match across both
        }
        ListShape shape = ListShape.of(f, needle != null);
        List<Object> values = new ArrayList<>();
        if (shape.account()) {
            values.add(f.account());
        }
        if (shape.type() != TypeFilter.NONE) {
            values.add(shape.type() == TypeFilter.PROVIDER ? f.type() + "." : f.type());
        }
        if (shape.region()) {
            values.add(f.region());
        }
        if (needle != null) {
            values.add(needle);
        }
        if (shape.after()) {
            values.add(f.afterId());
        }
        if (shape.scoped()) {
            values.add(f.scope().accountIds().toArray(Long[]::new));
        }
        if (shape.tag() != TagFilter.NONE) {
            values.add(shape.tag() == TagFilter.KEY ? f.tagKey() : Json.write(java.util.Map.of(f.tagKey(), f.tagValue())));
        }
        if (shape.limit() == 0) {
            values.add(f.limit());
            if (shape.tag() == TagFilter.NONE) {
                values.add(f.limit());
            }
        }
        // each filter combination is built and rendered by jOOQ once (a few hundred at most): building the
        // query tree per request was a fifth of a list request's application CPU
        return lists.computeIfAbsent(shape, this::listQuery).fetch(dsl, JooqItemReader::summary, values.toArray());
    }

    /** How an item list filters by type. */
    private enum TypeFilter { NONE, PROVIDER, TYPE }

    /** How an item list filters by tag. */
    private enum TagFilter { NONE, KEY, KEY_VALUE }

    /** Which filters a list request uses: one rendered query per combination. */
    private record ListShape(boolean account, TypeFilter type, boolean region, boolean name, boolean includeDeleted,
                             boolean after, boolean scoped, TagFilter tag, int limit) {
        static ListShape of(ItemFilter f, boolean name) {
            boolean account = f.account() != null;
            TypeFilter type = f.type() == null ? TypeFilter.NONE
                    : f.type().matches("[a-z]+") ? TypeFilter.PROVIDER : TypeFilter.TYPE;
            boolean scoped = !f.scope().unrestricted();
            TagFilter tag = f.tagKey() == null ? TagFilter.NONE : f.tagValue() == null ? TagFilter.KEY : TagFilter.KEY_VALUE;
            // Unfiltered pages (the items page as it opens, the next pages of it) have one right plan whatever the
            // values: their limit is inlined, so PostgreSQL's generic plan for the prepared statement costs what
            // the custom one does and it stops planning the query on every request. Filtered pages keep custom
            // plans (a bound limit makes the generic one look expensive): a rare type or a selective substring
            // wants another plan than a common one.
            boolean plain = !account && type == TypeFilter.NONE && f.region() == null && !name && !scoped
                    && tag == TagFilter.NONE;
            return new ListShape(account, type, f.region() != null, name, f.includeDeleted(), f.afterId() != null,
                    scoped, tag, plain ? f.limit() : 0);
        }
    }

    /** The list query of one filter combination, its values bound in the order {@link #list} adds them. */
    private RenderedQuery listQuery(ListShape shape) {
        List<Condition> where = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (shape.account()) {
            where.add(ITEM.ACCOUNT_ID.eq(select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.NAME.eq(named("account", names)))));
        }
        if (shape.type() == TypeFilter.PROVIDER) {
            // a provider: all its types (the value is "provider.", matched as a prefix)
            where.add(ITEM.RESOURCE_TYPE.startsWith(named("type", names)));
        } else if (shape.type() == TypeFilter.TYPE) {
            where.add(ITEM.RESOURCE_TYPE.eq(named("type", names)));
        }
        if (shape.region()) {
            where.add(ITEM.REGION.eq(named("region", names)));
        }
        if (shape.name()) {
            where.add(ITEM.SEARCH_KEY.like(named("needle", names), '!'));
        }
        if (!shape.includeDeleted()) {
            where.add(ITEM.DELETED.isFalse());
        }
        if (shape.after()) {
            names.add("after");
            where.add(ITEM.ID.gt(param("after", 0L)));
        }
        if (shape.scoped()) {
            names.add("scope");
            where.add(ITEM.ACCOUNT_ID.eq(DSL.any(param("scope", Long[].class))));
        }
        if (shape.tag() != TagFilter.NONE) {
            // tags live in the current configuration ({"tags": {"key": "value"}}), read through the lateral
            // latest revision, so a page stops as soon as it has enough matching items in id order
            Field<JSONB> tags = field("{0} -> 'tags'", JSONB.class, LATEST_CONFIG);
            where.add(shape.tag() == TagFilter.KEY
                    ? condition("jsonb_exists({0}, {1})", tags, named("tag", names))
                    : condition("{0} @> {1}::jsonb", tags, named("tag", names)));
        } else {
            // the page's ids first (filtered, ordered, limited), then the account and the latest revision for
            // those rows only: a substring can match thousands of items, and the planner, which cannot count
            // them beforehand, would otherwise join the latest revision to every match before sorting
            Field<Integer> ids = shape.limit() > 0 ? inline(shape.limit()) : param("ids", 0);
            if (shape.limit() == 0) {
                names.add("ids");
            }
            where = List.of(ITEM.ID.in(select(ITEM.ID).from(ITEM).where(where).orderBy(ITEM.ID).limit(ids)));
        }
        Field<Integer> limit = shape.limit() > 0 ? inline(shape.limit()) : param("limit", 0);
        if (shape.limit() == 0) {
            names.add("limit");
        }
        return RenderedQuery.of(dsl, query(latest(), where).orderBy(ITEM.ID).limit(limit), names.toArray(String[]::new));
    }

    private static Field<String> named(String name, List<String> names) {
        names.add(name);
        return param(name, "");
    }

    @Override
    public Optional<ItemSummary> find(long id) {
        return byId.fetch(dsl, JooqItemReader::summary, id).stream().findFirst();
    }

    @Override
    public Optional<Current> findWithConfig(long id) {
        return byIdWithConfig.fetch(dsl, r -> new Current(summary(r), parse(r.get(LATEST_CONFIG.getName(), JSONB.class))), id)
                .stream().findFirst();
    }

    @Override
    public Optional<Page> page(long id) {
        return page.fetch(dsl, r -> new Page(summary(r), parse(r.get(LATEST_CONFIG.getName(), JSONB.class)),
                nested(r, PAGE_TIMELINE).stream().map(t -> new io.watchkeeper.core.item.RevisionEntry(t.get(ITEM_REVISION.REVISION_NO),
                        t.get(ITEM_REVISION.KIND), t.get(ITEM_REVISION.OBSERVED_AT), t.get(ITEM_REVISION.CHANGED_BY),
                        t.get(OPERATIONS))).toList(),
                nested(r, PAGE_FINDINGS).stream().map(JooqFindingReader::view).toList()), id).stream().findFirst();
    }

    /** A nested multiset's rows. */
    private static List<? extends Record> nested(Record r, Field<? extends Result<? extends Record>> field) {
        Result<? extends Record> rows = r.get(field);
        return rows == null ? List.of() : rows;
    }

    @Override
    public List<Revision> history(long id) {
        return dsl.selectFrom(ITEM_REVISION)
                .where(ITEM_REVISION.ITEM_ID.eq(id))
                .orderBy(ITEM_REVISION.REVISION_NO)
                .fetch(JooqItemReader::revision);
    }

    @Override
    public Optional<OwnedHistory> ownedHistory(long id) {
        // one round trip: the item (for the caller's scope check) left-joined to its revisions
        List<Record> rows = ownedHistory.fetch(dsl, r -> r, id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Revision> revisions = new ArrayList<>(rows.size());
        for (Record r : rows) {
            if (r.get(ITEM_REVISION.REVISION_NO) != null) {
                revisions.add(revision(r));
            }
        }
        return Optional.of(new OwnedHistory(rows.getFirst().get(ITEM.ACCOUNT_ID), revisions));
    }

    private static Revision revision(Record r) {
        return new Revision(r.get(ITEM_REVISION.REVISION_NO), r.get(ITEM_REVISION.KIND), r.get(ITEM_REVISION.OBSERVED_AT),
                r.get(ITEM_REVISION.EPHEMERAL_UPDATED_AT), parse(r.get(ITEM_REVISION.CONFIG)), parse(r.get(ITEM_REVISION.DIFF)),
                r.get(ITEM_REVISION.CHANGED_BY));
    }

    @Override
    public List<io.watchkeeper.core.item.RevisionEntry> timeline(long id) {
        return timeline.fetch(dsl, r -> new io.watchkeeper.core.item.RevisionEntry(r.get(ITEM_REVISION.REVISION_NO),
                r.get(ITEM_REVISION.KIND), r.get(ITEM_REVISION.OBSERVED_AT), r.get(ITEM_REVISION.CHANGED_BY),
                r.get(OPERATIONS)), id);
    }

    /** The latest revision of each item, joined laterally. */
    private static Table<?> latest() {
        return lateral(select(LATEST.REVISION_NO, LATEST.OBSERVED_AT, LATEST.CONFIG.as(LATEST_CONFIG.getName()))
                .from(LATEST)
                .where(LATEST.ITEM_ID.eq(ITEM.ID))
                .orderBy(LATEST.REVISION_NO.desc())
                .limit(inline(1))).as("latest");
    }

    private static List<Field<?>> summaryFields(Table<?> latest) {
        return List.of(ITEM.ID, ITEM.RESOURCE_TYPE, ACCOUNT_NAME, ITEM.REGION, ITEM.RESOURCE_ID, ITEM.NAME,
                latest.field(LATEST.REVISION_NO), ITEM.DELETED, ITEM.FIRST_SEEN, latest.field(LATEST.OBSERVED_AT),
                ITEM.ACCOUNT_ID);
    }

    private SelectConditionStep<? extends Record> query(Table<?> latest, List<Condition> where) {
        return dsl.select(summaryFields(latest))
                .from(ITEM)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(ITEM.ACCOUNT_ID))
                .join(latest).on(trueCondition())
                .where(where);
    }

    private static ItemSummary summary(Record r) {
        return new ItemSummary(r.get(ITEM.ID), r.get(ITEM.RESOURCE_TYPE), r.get(ACCOUNT_NAME), r.get(ITEM.REGION),
                r.get(ITEM.RESOURCE_ID), r.get(ITEM.NAME), r.get(LATEST.REVISION_NO.getName(), Integer.class),
                r.get(ITEM.DELETED), r.get(ITEM.FIRST_SEEN),
                r.get(LATEST.OBSERVED_AT.getName(), java.time.OffsetDateTime.class), r.get(ITEM.ACCOUNT_ID));
    }

    private static tools.jackson.databind.JsonNode parse(JSONB value) {
        return value == null ? null : CanonicalJson.sorted(Json.parse(value.data()));
    }

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
