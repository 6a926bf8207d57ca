package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.AUDIT_RUN;
import static io.watchkeeper.db.jooq.Tables.CHECK_OVERRIDE;
import static io.watchkeeper.db.jooq.Tables.CHECK_PARAMETER;
import static io.watchkeeper.db.jooq.Tables.FINDING;
import static io.watchkeeper.db.jooq.Tables.FINDING_EVENT;
import static io.watchkeeper.db.jooq.Tables.ITEM;
import static io.watchkeeper.db.jooq.Tables.ITEM_REVISION;
import static io.watchkeeper.db.jooq.Tables.SUPPRESSION_RULE;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;

import io.watchkeeper.core.finding.AuditStore;
import io.watchkeeper.core.finding.AuditSummary;
import io.watchkeeper.core.finding.CheckOverride;
import io.watchkeeper.core.finding.CheckParameter;
import io.watchkeeper.core.finding.FindingChanges;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.ItemSnapshot;
import io.watchkeeper.core.finding.Justification;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.finding.StoredFinding;
import io.watchkeeper.core.finding.SuppressionRule;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.db.jooq.tables.ItemRevision;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Table;

/** The auditor's reads and writes in PostgreSQL; a pass's decisions are applied in one transaction. */
public final class JooqAuditStore implements AuditStore {

    private static final ItemRevision LIVE = ITEM_REVISION.as("live");

    private final DSLContext dsl;
    private final JooqAccountStore accounts;

    public JooqAuditStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.accounts = new JooqAccountStore(dsl);
    }

    @Override
    public List<Account> accounts() {
        return accounts.list();
    }

    @Override
    public List<ItemSnapshot> items(long accountId, Set<String> types) {
        Condition where = ITEM.ACCOUNT_ID.eq(accountId);
        if (!types.isEmpty()) {
            where = where.and(ITEM.RESOURCE_TYPE.in(types));
        }
        return snapshots(where);
    }

    @Override
    public List<ItemSnapshot> items(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return snapshots(ITEM.ID.in(itemIds));
    }

    private List<ItemSnapshot> snapshots(Condition where) {
        Table<?> live = lateral(select(LIVE.CONFIG)
                .from(LIVE)
                .where(LIVE.ITEM_ID.eq(ITEM.ID).and(LIVE.CONFIG.isNotNull()))
                .orderBy(LIVE.REVISION_NO.desc())
                .limit(1)).as("live_config");
        return dsl.select(ITEM.ID, ITEM.ACCOUNT_ID, ITEM.RESOURCE_TYPE, ITEM.REGION, ITEM.RESOURCE_ID, ITEM.NAME,
                        ITEM.DELETED, live.field(LIVE.CONFIG))
                .from(ITEM)
                .leftJoin(live).on(trueCondition())
                .where(where)
                .orderBy(ITEM.ID)
                .fetch(r -> {
                    JSONB config = r.get(live.field(LIVE.CONFIG));
                    boolean deleted = r.get(ITEM.DELETED);
                    return new ItemSnapshot(r.get(ITEM.ID), r.get(ITEM.ACCOUNT_ID), r.get(ITEM.RESOURCE_TYPE),
                            r.get(ITEM.REGION), r.get(ITEM.RESOURCE_ID), r.get(ITEM.NAME), deleted,
                            deleted || config == null ? null : Json.parse(config.data()));
                });
    }

    @Override
    public List<CheckOverride> overrides() {
        return dsl.selectFrom(CHECK_OVERRIDE).fetch(r -> new CheckOverride(r.getCheckId(), r.getAccountId(),
                r.getEnabled(), r.getSeverity() == null ? null : Severity.valueOf(r.getSeverity())));
    }

    @Override
    public List<CheckParameter> checkParameters() {
        return parameters(dsl);
    }

    static List<CheckParameter> parameters(DSLContext dsl) {
        return dsl.selectFrom(CHECK_PARAMETER)
                .orderBy(CHECK_PARAMETER.CHECK_ID, CHECK_PARAMETER.NAME, CHECK_PARAMETER.ACCOUNT_ID.nullsFirst())
                .fetch(r -> new CheckParameter(r.getCheckId(), r.getAccountId(), r.getName(), r.getValue()));
    }

    @Override
    public List<SuppressionRule> activeSuppressions() {
        return dsl.selectFrom(SUPPRESSION_RULE)
                .where(SUPPRESSION_RULE.REMOVED_AT.isNull()
                        .and(SUPPRESSION_RULE.EXPIRES_AT.isNull().or(SUPPRESSION_RULE.EXPIRES_AT.gt(OffsetDateTime.now()))))
                .orderBy(SUPPRESSION_RULE.ID)
                .fetch(JooqFindingTriage::rule);
    }

    @Override
    public Map<Long, List<StoredFinding>> findings(Collection<Long> itemIds) {
        Map<Long, List<StoredFinding>> out = new HashMap<>();
        if (itemIds.isEmpty()) {
            return out;
        }
        dsl.selectFrom(FINDING).where(FINDING.ITEM_ID.in(itemIds)).fetch().forEach(r -> out
                .computeIfAbsent(r.getItemId(), i -> new ArrayList<>())
                .add(new StoredFinding(r.getId(), r.getFingerprint(), r.getCheckId(), r.getItemId(),
                        FindingStatus.valueOf(r.getStatus()), r.getEvidenceHash(), r.getScore(), r.getMessage(),
                        r.getJustifiedBy() == null ? null : new Justification(r.getJustifiedBy(), r.getJustification(),
                                r.getJustifiedUntil(), r.getJustifiedEvidenceHash()),
                        r.getSuppressionRuleId(), r.getRegressions(), Json.parse(r.getEvidence().data()),
                        r.getControls() == null ? List.of() : List.of(r.getControls()))));
        return out;
    }

    @Override
    public void apply(FindingChanges changes) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            OffsetDateTime at = changes.at();
            List<Long> insertedIds = insertFindings(tx, changes.inserts(), at);
            List<org.jooq.Query> updates = new ArrayList<>();
            for (FindingChanges.Update u : changes.updates()) {
                Map<org.jooq.Field<?>, Object> set = new java.util.LinkedHashMap<>();
                if (u.status() != null) {
                    set.put(FINDING.STATUS, u.status().name());
                    set.put(FINDING.STATUS_CHANGED_AT, at);
                    if (u.status() != FindingStatus.SUPPRESSED) {
                        set.put(FINDING.SUPPRESSION_RULE_ID, null);
                    }
                }
                if (u.evidence() != null) {
                    set.put(FINDING.EVIDENCE, JSONB.valueOf(Json.write(u.evidence())));
                    set.put(FINDING.EVIDENCE_HASH, u.evidenceHash());
                }
                if (u.message() != null) {
                    set.put(FINDING.MESSAGE, u.message());
                }
                if (u.score() != null) {
                    set.put(FINDING.SCORE, u.score().score());
                    set.put(FINDING.SEVERITY, u.score().severity().name());
                    set.put(FINDING.EXPOSURE, u.score().exposure().name());
                    set.put(FINDING.SCORE_BREAKDOWN, JSONB.valueOf(Json.write(u.score())));
                }
                if (u.clearJustification()) {
                    set.put(FINDING.JUSTIFIED_BY, null);
                    set.put(FINDING.JUSTIFICATION, null);
                    set.put(FINDING.JUSTIFIED_UNTIL, null);
                    set.put(FINDING.JUSTIFIED_EVIDENCE_HASH, null);
                }
                if (u.suppressionRuleId() != null) {
                    set.put(FINDING.SUPPRESSION_RULE_ID, u.suppressionRuleId());
                }
                if (u.controls() != null) {
                    set.put(FINDING.CONTROLS, u.controls().toArray(String[]::new));
                }
                if (u.regressed()) {
                    set.put(FINDING.REGRESSIONS, FINDING.REGRESSIONS.plus(1));
                }
                if (set.isEmpty()) {
                    continue;
                }
                var update = tx.update(FINDING).set(set);
                updates.add(update.where(FINDING.ID.eq(u.findingId())));
            }
            if (!updates.isEmpty()) {
                tx.batch(updates).execute();
            }
            if (!changes.events().isEmpty()) {
                var insert = tx.insertInto(FINDING_EVENT, FINDING_EVENT.FINDING_ID, FINDING_EVENT.AT, FINDING_EVENT.EVENT,
                        FINDING_EVENT.ACTOR, FINDING_EVENT.DETAILS);
                for (FindingChanges.Event e : changes.events()) {
                    long id = e.findingId() != null ? e.findingId() : insertedIds.get(e.insertIndex());
                    insert = insert.values(id, at, e.event(), e.actor(),
                            e.details() == null ? null : JSONB.valueOf(Json.write(e.details())));
                }
                insert.execute();
            }
        });
    }

    private static final List<org.jooq.Field<?>> INSERT_COLUMNS = List.of(FINDING.FINGERPRINT, FINDING.CHECK_ID,
            FINDING.ACCOUNT_ID, FINDING.ITEM_ID, FINDING.RESOURCE_TYPE, FINDING.REGION, FINDING.RESOURCE_ID,
            FINDING.RESOURCE_NAME, FINDING.EVIDENCE_KEY, FINDING.EVIDENCE, FINDING.EVIDENCE_HASH, FINDING.MESSAGE,
            FINDING.SEVERITY, FINDING.EXPOSURE, FINDING.SCORE, FINDING.SCORE_BREAKDOWN, FINDING.CONTROLS, FINDING.STATUS,
            FINDING.SUPPRESSION_RULE_ID, FINDING.FIRST_SEEN, FINDING.STATUS_CHANGED_AT);

    /** Multi-row inserts; returns the new ids in the order of {@code inserts}. */
    private static List<Long> insertFindings(DSLContext tx, List<FindingChanges.Insert> inserts, OffsetDateTime at) {
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < inserts.size(); from += 500) {
            var insert = tx.insertInto(FINDING, INSERT_COLUMNS);
            for (FindingChanges.Insert i : inserts.subList(from, Math.min(inserts.size(), from + 500))) {
                insert = insert.values(java.util.Arrays.<Object>asList(i.fingerprint(), i.checkId(), i.item().accountId(), i.item().itemId(),
                        i.item().type(), i.item().region(), i.item().resourceId(), i.item().name(), i.evidenceKey(),
                        JSONB.valueOf(Json.write(i.evidence())), i.evidenceHash(), i.message(),
                        i.score().severity().name(), i.score().exposure().name(), i.score().score(),
                        JSONB.valueOf(Json.write(i.score())), i.controls().toArray(String[]::new), i.status().name(),
                        i.suppressionRuleId(), at, at));
            }
            insert.returning(FINDING.ID, FINDING.FINGERPRINT).fetch()
                    .forEach(r -> ids.put(r.getFingerprint(), r.getId()));
        }
        return inserts.stream().map(i -> ids.get(i.fingerprint())).toList();
    }

    @Override
    public long startRun(String trigger, String actor) {
        return dsl.insertInto(AUDIT_RUN).set(AUDIT_RUN.TRIGGER, trigger).set(AUDIT_RUN.ACTOR, actor)
                .returning(AUDIT_RUN.ID).fetchSingle().getId();
    }

    @Override
    public void finishRun(long runId, AuditSummary s) {
        dsl.update(AUDIT_RUN)
                .set(AUDIT_RUN.FINISHED_AT, OffsetDateTime.now())
                .set(AUDIT_RUN.ITEMS, s.items())
                .set(AUDIT_RUN.EVALUATIONS, s.evaluations())
                .set(AUDIT_RUN.OPENED, s.opened())
                .set(AUDIT_RUN.REGRESSED, s.regressed())
                .set(AUDIT_RUN.REOPENED, s.reopened())
                .set(AUDIT_RUN.FIXED, s.fixed())
                .set(AUDIT_RUN.ERRORS, s.errors())
                .where(AUDIT_RUN.ID.eq(runId))
                .execute();
    }

}
