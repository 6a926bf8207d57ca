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
        List<Condition> where = new ArrayList<>();
        if (f.account() != null) {
            where.add(ITEM.ACCOUNT_ID.eq(select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.NAME.eq(f.account()))));
        }
        if (f.type() != null) {
            where.add(f.type().matches("[a-z]+") ? ITEM.RESOURCE_TYPE.startsWith(f.type() + ".") // a provider: all its types
                    : ITEM.RESOURCE_TYPE.eq(f.type()));
        }
        if (f.region() != null) {
            where.add(ITEM.REGION.eq(f.region()));
        }
        if (f.nameContains() != null && !f.nameContains().isBlank()) {
            String needle = "%" + escapeLike(f.nameContains().toLowerCase(Locale.ROOT)) + "%";
            // lower(name) + '\n' + lower(resource_id), stored; a needle with a line break would match across both
            where.add(needle.indexOf('\n') >= 0 ? DSL.falseCondition() : ITEM.SEARCH_KEY.like(needle, '!'));
        }
        if (!f.includeDeleted()) {
            where.add(ITEM.DELETED.isFalse());
        }
        if (f.afterId() != null) {
            where.add(ITEM.ID.gt(f.afterId()));
        }
        if (!f.scope().unrestricted()) {
            where.add(ITEM.ACCOUNT_ID.in(f.scope().accountIds()));
        }
        if (f.tagKey() != null) {
            // tags live in the current configuration ({"tags": {"key": "value"}}), read through the lateral
            // latest revision, so a page stops as soon as it has enough matching items in id order
            Field<JSONB> tags = field("{0} -> 'tags'", JSONB.class, LATEST_CONFIG);
            where.add(f.tagValue() == null
                    ? condition("jsonb_exists({0}, {1})", tags, val(f.tagKey()))
                    : condition("{0} @> {1}::jsonb", tags, val(Json.write(java.util.Map.of(f.tagKey(), f.tagValue())))));
        }
        if (f.tagKey() == null) {
            // the page's ids first (filtered, ordered, limited), then the account and the latest revision for
            // those rows only: a substring can match thousands of items, and the planner, which cannot count
            // them beforehand, would otherwise join the latest revision to every match before sorting
            where = List.of(ITEM.ID.in(select(ITEM.ID).from(ITEM).where(where).orderBy(ITEM.ID).limit(f.limit())));
        }
        return query(latest(), where).orderBy(ITEM.ID).limit(f.limit()).fetch(JooqItemReader::summary);
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
                .fetch(r -> new Revision(r.getRevisionNo(), r.getKind(), r.getObservedAt(), r.getEphemeralUpdatedAt(),
                        parse(r.getConfig()), parse(r.getDiff()), r.getChangedBy()));
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
