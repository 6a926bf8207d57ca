package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;
import static io.watchkeeper.db.jooq.Tables.FINDING;
import static io.watchkeeper.db.jooq.Tables.FINDING_EVENT;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import io.watchkeeper.core.finding.FindingEvent;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Justification;
import io.watchkeeper.core.finding.ScoreBreakdown;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Findings from PostgreSQL: filters, keyset pages by score, history. */
public final class JooqFindingReader implements FindingReader {

    private final DSLContext dsl;

    /** The findings of one item (the item page), rendered once. */
    private final RenderedQuery ofItem;

    /** Findings lists, one rendered query per filter combination (a few thousand at most). */
    private final ConcurrentHashMap<Shape, RenderedQuery> lists = new ConcurrentHashMap<>();

    public JooqFindingReader(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.ofItem = RenderedQuery.of(dsl, dsl.select(FINDING.fields()).select(ACCOUNT.NAME, ACCOUNT.EXTERNAL_ID)
                .from(FINDING).join(ACCOUNT).on(ACCOUNT.ID.eq(FINDING.ACCOUNT_ID))
                .where(FINDING.ITEM_ID.eq(param("item", 0L)))
                .orderBy(FINDING.SCORE.neg(), FINDING.ID)
                .limit(inline(500)), "item");
    }

    @Override
    public List<FindingView> list(FindingFilter f) {
        Shape shape = Shape.of(f);
        List<Object> values = new ArrayList<>();
        if (shape.account()) {
            values.add(f.account());
        }
        if (shape.check() == CheckFilter.PATTERN) {
            values.add(f.check().replace("!", "!!").replace("%", "!%").replace("_", "!_").replace('*', '%'));
        } else if (shape.check() == CheckFilter.EXACT) {
            values.add(f.check());
        }
        if (shape.type() == TypeFilter.PROVIDER) {
            values.add(f.type() + ".");
        } else if (shape.type() == TypeFilter.TYPE) {
            values.add(f.type());
        }
        if (shape.region()) {
            values.add(f.region());
        }
        if (shape.resource()) {
            String needle = "%" + f.resource().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%";
            values.add(needle); // the resource id
            values.add(needle); // the resource name
        }
        if (shape.scoped()) {
            values.add(f.scope().accountIds().toArray(Long[]::new));
        }
        if (shape.after()) {
            values.add(-f.afterScore());
            values.add(f.afterId());
        }
        values.add(f.limit());
        // each filter combination is built and rendered by jOOQ once: building the query tree on every
        // request was half of a findings page's time in the findings reader
        return lists.computeIfAbsent(shape, this::listQuery).fetch(dsl, JooqFindingReader::view, values.toArray());
    }

    /** How a findings list filters by check. */
    private enum CheckFilter { NONE, EXACT, PATTERN }

    /** How a findings list filters by type. */
    private enum TypeFilter { NONE, PROVIDER, TYPE }

    /**
     * Which filters a list request uses: one rendered query per combination. Statuses and the lowest
     * severity are part of the shape and inlined (enum names: PostgreSQL can then prove that the partial
     * rank indexes apply); everything else is bound.
     */
    private record Shape(Set<FindingStatus> statuses, boolean account, CheckFilter check, TypeFilter type,
                         boolean region, Severity minSeverity, boolean resource, boolean scoped, boolean after) {
        static Shape of(FindingFilter f) {
            CheckFilter check = f.check() == null ? CheckFilter.NONE
                    : f.check().contains("*") ? CheckFilter.PATTERN : CheckFilter.EXACT;
            TypeFilter type = f.type() == null ? TypeFilter.NONE
                    : f.type().matches("[a-z]+") ? TypeFilter.PROVIDER : TypeFilter.TYPE;
            return new Shape(EnumSet.copyOf(f.statuses()), f.account() != null, check, type, f.region() != null,
                    f.minSeverity(), f.resource() != null && !f.resource().isBlank(), !f.scope().unrestricted(),
                    f.afterScore() != null && f.afterId() != null);
        }
    }

    /** The list query of one filter combination, its values bound in the order {@link #list} adds them. */
    private RenderedQuery listQuery(Shape shape) {
        List<Condition> where = new ArrayList<>();
        List<String> names = new ArrayList<>();
        where.add(FINDING.STATUS.in(shape.statuses().stream().map(s -> inline(s.name())).toList()));
        if (shape.account()) {
            // by id (an init-plan), so the (account_id, rank) index walks the page in order
            where.add(FINDING.ACCOUNT_ID.eq(select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.NAME.eq(named("account", names)))));
        }
        if (shape.check() == CheckFilter.PATTERN) {
            where.add(FINDING.CHECK_ID.like(named("check", names), '!'));
        } else if (shape.check() == CheckFilter.EXACT) {
            where.add(FINDING.CHECK_ID.eq(named("check", names)));
        }
        if (shape.type() == TypeFilter.PROVIDER) {
            where.add(FINDING.RESOURCE_TYPE.startsWith(named("type", names))); // a provider: all its types
        } else if (shape.type() == TypeFilter.TYPE) {
            where.add(FINDING.RESOURCE_TYPE.eq(named("type", names)));
        }
        if (shape.region()) {
            where.add(FINDING.REGION.eq(named("region", names)));
        }
        if (shape.minSeverity() != null) {
            where.add(FINDING.SEVERITY.in(Arrays.stream(Severity.values())
                    .filter(s -> s.ordinal() >= shape.minSeverity().ordinal()).map(s -> inline(s.name())).toList()));
        }
        if (shape.resource()) {
            where.add(lower(FINDING.RESOURCE_ID).like(named("resourceId", names), '!')
                    .or(lower(FINDING.RESOURCE_NAME).like(named("resourceName", names), '!')));
        }
        if (shape.scoped()) {
            names.add("scope");
            where.add(FINDING.ACCOUNT_ID.eq(DSL.any(param("scope", Long[].class))));
        }
        if (shape.after()) {
            // rank order is (-score, id): one row comparison, an index range on the rank indexes
            names.add("afterScore");
            names.add("afterId");
            where.add(row(FINDING.SCORE.neg(), FINDING.ID).gt(row(param("afterScore", 0), param("afterId", 0L))));
        }
        names.add("limit");
        return RenderedQuery.of(dsl, dsl.select(FINDING.fields()).select(ACCOUNT.NAME, ACCOUNT.EXTERNAL_ID)
                .from(FINDING).join(ACCOUNT).on(ACCOUNT.ID.eq(FINDING.ACCOUNT_ID))
                .where(where)
                .orderBy(FINDING.SCORE.neg(), FINDING.ID)
                .limit(param("limit", 0)), names.toArray(String[]::new));
    }

    private static Field<String> named(String name, List<String> names) {
        names.add(name);
        return param(name, "");
    }

    @Override
    public List<FindingView> forItem(long itemId) {
        return ofItem.fetch(dsl, JooqFindingReader::view, itemId);
    }

    @Override
    public Optional<FindingView> find(String idOrFingerprint) {
        Condition where = idOrFingerprint.matches("\\d{1,18}")
                ? FINDING.ID.eq(Long.parseLong(idOrFingerprint))
                : FINDING.FINGERPRINT.eq(idOrFingerprint);
        return dsl.select(FINDING.asterisk(), ACCOUNT.NAME, ACCOUNT.EXTERNAL_ID)
                .from(FINDING).join(ACCOUNT).on(ACCOUNT.ID.eq(FINDING.ACCOUNT_ID))
                .where(where)
                .fetchOptional(JooqFindingReader::view);
    }

    @Override
    public List<FindingEvent> history(long findingId) {
        return dsl.selectFrom(FINDING_EVENT).where(FINDING_EVENT.FINDING_ID.eq(findingId))
                .orderBy(FINDING_EVENT.AT, FINDING_EVENT.ID)
                .fetch(r -> new FindingEvent(r.getAt(), r.getEvent(), r.getActor(),
                        r.getDetails() == null ? null : CanonicalJson.sorted(Json.parse(r.getDetails().data()))));
    }

    /** A finding row (every finding column, the account's name and external id) as a view. */
    static FindingView view(Record r) {
        return new FindingView(r.get(FINDING.ID), r.get(FINDING.FINGERPRINT), r.get(FINDING.CHECK_ID),
                r.get(FINDING.RESOURCE_TYPE), r.get(ACCOUNT.NAME), r.get(ACCOUNT.EXTERNAL_ID), r.get(FINDING.REGION),
                r.get(FINDING.RESOURCE_ID), r.get(FINDING.RESOURCE_NAME), r.get(FINDING.ITEM_ID),
                r.get(FINDING.EVIDENCE_KEY), CanonicalJson.sorted(Json.parse(r.get(FINDING.EVIDENCE).data())),
                r.get(FINDING.MESSAGE), Severity.valueOf(r.get(FINDING.SEVERITY)), r.get(FINDING.SCORE),
                Json.read(r.get(FINDING.SCORE_BREAKDOWN).data(), ScoreBreakdown.class),
                FindingStatus.valueOf(r.get(FINDING.STATUS)), List.of(r.get(FINDING.CONTROLS)),
                r.get(FINDING.JUSTIFIED_BY) == null ? null : new Justification(r.get(FINDING.JUSTIFIED_BY),
                        r.get(FINDING.JUSTIFICATION), r.get(FINDING.JUSTIFIED_UNTIL), r.get(FINDING.JUSTIFIED_EVIDENCE_HASH)),
                r.get(FINDING.FIRST_SEEN), r.get(FINDING.STATUS_CHANGED_AT), r.get(FINDING.REGRESSIONS),
                r.get(FINDING.ACCOUNT_ID), r.get(FINDING.OWNER));
    }
}
