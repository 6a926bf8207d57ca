package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;
import static io.watchkeeper.db.jooq.Tables.FINDING;
import static io.watchkeeper.db.jooq.Tables.FINDING_EVENT;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Findings from PostgreSQL: filters, keyset pages by score, history. */
public final class JooqFindingReader implements FindingReader {

    private final DSLContext dsl;

    /** The findings of one item (the item page), rendered once. */
    private final RenderedQuery ofItem;

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
        List<Condition> where = new ArrayList<>();
        // statuses inline (they are enum names): PostgreSQL can then prove the partial rank index applies
        where.add(FINDING.STATUS.in(f.statuses().stream().sorted().map(s -> inline(s.name())).toList()));
        if (f.account() != null) {
            // by id (an init-plan), so the (account_id, rank) index walks the page in order
            where.add(FINDING.ACCOUNT_ID.eq(select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.NAME.eq(f.account()))));
        }
        if (f.check() != null) {
            where.add(f.check().contains("*") ? FINDING.CHECK_ID.like(f.check().replace("%", "!%").replace("_", "!_")
                    .replace('*', '%'), '!') : FINDING.CHECK_ID.eq(f.check()));
        }
        if (f.type() != null) {
            where.add(f.type().matches("[a-z]+") ? FINDING.RESOURCE_TYPE.startsWith(f.type() + ".") // a provider: all its types
                    : FINDING.RESOURCE_TYPE.eq(f.type()));
        }
        if (f.region() != null) {
            where.add(FINDING.REGION.eq(f.region()));
        }
        if (f.minSeverity() != null) {
            where.add(FINDING.SEVERITY.in(Arrays.stream(Severity.values())
                    .filter(s -> s.ordinal() >= f.minSeverity().ordinal()).map(Enum::name).toList()));
        }
        if (f.resource() != null && !f.resource().isBlank()) {
            String needle = "%" + f.resource().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%";
            where.add(lower(FINDING.RESOURCE_ID).like(needle, '!').or(lower(FINDING.RESOURCE_NAME).like(needle, '!')));
        }
        if (!f.scope().unrestricted()) {
            where.add(FINDING.ACCOUNT_ID.in(f.scope().accountIds()));
        }
        if (f.afterScore() != null && f.afterId() != null) {
            // rank order is (-score, id): one row comparison, an index range on the rank indexes
            where.add(row(FINDING.SCORE.neg(), FINDING.ID).gt(row(inline(-f.afterScore()), val(f.afterId()))));
        }
        return dsl.select(FINDING.asterisk(), ACCOUNT.NAME, ACCOUNT.EXTERNAL_ID)
                .from(FINDING).join(ACCOUNT).on(ACCOUNT.ID.eq(FINDING.ACCOUNT_ID))
                .where(where)
                .orderBy(FINDING.SCORE.neg(), FINDING.ID)
                .limit(f.limit())
                .fetch(JooqFindingReader::view);
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
