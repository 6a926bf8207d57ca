package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.CHECK_OVERRIDE;
import static io.watchkeeper.db.jooq.Tables.CHECK_PARAMETER;
import static io.watchkeeper.db.jooq.Tables.FINDING;
import static io.watchkeeper.db.jooq.Tables.FINDING_EVENT;
import static io.watchkeeper.db.jooq.Tables.SUPPRESSION_RULE;
import static org.jooq.impl.DSL.excluded;

import io.watchkeeper.core.finding.CheckOverride;
import io.watchkeeper.core.finding.CheckParameter;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingTriage;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.finding.SuppressionRule;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.db.jooq.tables.records.FindingRecord;
import io.watchkeeper.db.jooq.tables.records.SuppressionRuleRecord;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Justifications, suppression rules and overrides; each change is in the finding's history. */
public final class JooqFindingTriage implements FindingTriage {

    private final DSLContext dsl;
    private final JooqFindingReader reader;

    public JooqFindingTriage(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.reader = new JooqFindingReader(dsl);
    }

    @Override
    public FindingView justify(long findingId, String by, String reason, OffsetDateTime until) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("a justification needs a reason");
        }
        if (until == null || !until.isAfter(OffsetDateTime.now())) {
            throw new InvalidInputException("a justification needs an expiry in the future");
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            FindingRecord f = lock(tx, findingId);
            FindingStatus status = FindingStatus.valueOf(f.getStatus());
            if (!status.present()) {
                throw new InvalidInputException("finding " + findingId + " is " + status.name().toLowerCase()
                        + "; only present findings can be justified");
            }
            tx.update(FINDING)
                    .set(FINDING.STATUS, FindingStatus.JUSTIFIED.name())
                    .set(FINDING.STATUS_CHANGED_AT, OffsetDateTime.now())
                    .set(FINDING.JUSTIFIED_BY, by)
                    .set(FINDING.JUSTIFICATION, reason)
                    .set(FINDING.JUSTIFIED_UNTIL, until)
                    .set(FINDING.JUSTIFIED_EVIDENCE_HASH, f.getEvidenceHash())
                    .setNull(FINDING.SUPPRESSION_RULE_ID)
                    .where(FINDING.ID.eq(findingId))
                    .execute();
            event(tx, findingId, "justified", by, Map.of("reason", reason, "until", until.toString(),
                    "from", status.name(), "evidenceHash", f.getEvidenceHash()));
        });
        return reader.find(String.valueOf(findingId)).orElseThrow();
    }

    @Override
    public FindingView unjustify(long findingId, String by, String reason) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            FindingRecord f = lock(tx, findingId);
            if (!FindingStatus.JUSTIFIED.name().equals(f.getStatus())) {
                throw new InvalidInputException("finding " + findingId + " is not justified");
            }
            tx.update(FINDING)
                    .set(FINDING.STATUS, FindingStatus.OPEN.name())
                    .set(FINDING.STATUS_CHANGED_AT, OffsetDateTime.now())
                    .setNull(FINDING.JUSTIFIED_BY).setNull(FINDING.JUSTIFICATION)
                    .setNull(FINDING.JUSTIFIED_UNTIL).setNull(FINDING.JUSTIFIED_EVIDENCE_HASH)
                    .where(FINDING.ID.eq(findingId))
                    .execute();
            event(tx, findingId, "justification-withdrawn", by, Map.of("reason", reason == null ? "" : reason));
        });
        return reader.find(String.valueOf(findingId)).orElseThrow();
    }

    private static FindingRecord lock(DSLContext tx, long findingId) {
        FindingRecord f = tx.selectFrom(FINDING).where(FINDING.ID.eq(findingId)).forUpdate().fetchOne();
        if (f == null) {
            throw new InvalidInputException("no finding with id " + findingId);
        }
        return f;
    }

    private static void event(DSLContext tx, long findingId, String event, String actor, Map<String, ?> details) {
        tx.insertInto(FINDING_EVENT)
                .set(FINDING_EVENT.FINDING_ID, findingId)
                .set(FINDING_EVENT.EVENT, event)
                .set(FINDING_EVENT.ACTOR, actor)
                .set(FINDING_EVENT.DETAILS, JSONB.valueOf(Json.write(new LinkedHashMap<>(details))))
                .execute();
    }

    @Override
    public SuppressionRule addSuppression(String checkPattern, Long accountId, String resourcePattern, String reason,
                                          String by, OffsetDateTime expiresAt) {
        if (checkPattern == null || !checkPattern.matches("[a-z0-9.*?/-]{1,200}")) {
            throw new InvalidInputException("a suppression needs a check id or glob such as aws.s3.bucket/*");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("a suppression needs a reason");
        }
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())) {
            throw new InvalidInputException("the expiry must be in the future");
        }
        return rule(dsl.insertInto(SUPPRESSION_RULE)
                .set(SUPPRESSION_RULE.CHECK_PATTERN, checkPattern)
                .set(SUPPRESSION_RULE.ACCOUNT_ID, accountId)
                .set(SUPPRESSION_RULE.RESOURCE_PATTERN, resourcePattern)
                .set(SUPPRESSION_RULE.REASON, reason)
                .set(SUPPRESSION_RULE.CREATED_BY, by)
                .set(SUPPRESSION_RULE.EXPIRES_AT, expiresAt)
                .returning()
                .fetchSingle());
    }

    @Override
    public boolean removeSuppression(long ruleId, String by) {
        return dsl.update(SUPPRESSION_RULE)
                .set(SUPPRESSION_RULE.REMOVED_AT, OffsetDateTime.now())
                .set(SUPPRESSION_RULE.REMOVED_BY, by)
                .where(SUPPRESSION_RULE.ID.eq(ruleId).and(SUPPRESSION_RULE.REMOVED_AT.isNull()))
                .execute() == 1;
    }

    @Override
    public List<SuppressionRule> suppressions() {
        return dsl.selectFrom(SUPPRESSION_RULE).where(SUPPRESSION_RULE.REMOVED_AT.isNull())
                .orderBy(SUPPRESSION_RULE.ID).fetch(JooqFindingTriage::rule);
    }

    static SuppressionRule rule(SuppressionRuleRecord r) {
        return new SuppressionRule(r.getId(), r.getCheckPattern(), r.getAccountId(), r.getResourcePattern(),
                r.getReason(), r.getCreatedBy(), r.getExpiresAt());
    }

    @Override
    public void setOverride(String checkId, Long accountId, boolean enabled, Severity severity, String by) {
        dsl.insertInto(CHECK_OVERRIDE)
                .set(CHECK_OVERRIDE.CHECK_ID, checkId)
                .set(CHECK_OVERRIDE.ACCOUNT_ID, accountId)
                .set(CHECK_OVERRIDE.ENABLED, enabled)
                .set(CHECK_OVERRIDE.SEVERITY, severity == null ? null : severity.name())
                .set(CHECK_OVERRIDE.UPDATED_BY, by)
                .onConflict(CHECK_OVERRIDE.CHECK_ID, CHECK_OVERRIDE.ACCOUNT_ID)
                .doUpdate()
                .set(CHECK_OVERRIDE.ENABLED, excluded(CHECK_OVERRIDE.ENABLED))
                .set(CHECK_OVERRIDE.SEVERITY, excluded(CHECK_OVERRIDE.SEVERITY))
                .set(CHECK_OVERRIDE.UPDATED_BY, excluded(CHECK_OVERRIDE.UPDATED_BY))
                .set(CHECK_OVERRIDE.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    @Override
    public boolean clearOverride(String checkId, Long accountId) {
        return dsl.deleteFrom(CHECK_OVERRIDE)
                .where(CHECK_OVERRIDE.CHECK_ID.eq(checkId)
                        .and(accountId == null ? CHECK_OVERRIDE.ACCOUNT_ID.isNull() : CHECK_OVERRIDE.ACCOUNT_ID.eq(accountId)))
                .execute() > 0;
    }

    @Override
    public List<CheckOverride> overrides() {
        return dsl.selectFrom(CHECK_OVERRIDE).orderBy(CHECK_OVERRIDE.CHECK_ID).fetch(r -> new CheckOverride(
                r.getCheckId(), r.getAccountId(), r.getEnabled(),
                r.getSeverity() == null ? null : Severity.valueOf(r.getSeverity())));
    }

    @Override
    public void setParameter(String checkId, Long accountId, String name, long value, String by) {
        dsl.insertInto(CHECK_PARAMETER)
                .set(CHECK_PARAMETER.CHECK_ID, checkId)
                .set(CHECK_PARAMETER.ACCOUNT_ID, accountId)
                .set(CHECK_PARAMETER.NAME, name)
                .set(CHECK_PARAMETER.VALUE, value)
                .set(CHECK_PARAMETER.UPDATED_BY, by)
                .onConflict(CHECK_PARAMETER.CHECK_ID, CHECK_PARAMETER.ACCOUNT_ID, CHECK_PARAMETER.NAME)
                .doUpdate()
                .set(CHECK_PARAMETER.VALUE, excluded(CHECK_PARAMETER.VALUE))
                .set(CHECK_PARAMETER.UPDATED_BY, excluded(CHECK_PARAMETER.UPDATED_BY))
                .set(CHECK_PARAMETER.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    @Override
    public boolean clearParameter(String checkId, Long accountId, String name) {
        return dsl.deleteFrom(CHECK_PARAMETER)
                .where(CHECK_PARAMETER.CHECK_ID.eq(checkId).and(CHECK_PARAMETER.NAME.eq(name))
                        .and(accountId == null ? CHECK_PARAMETER.ACCOUNT_ID.isNull() : CHECK_PARAMETER.ACCOUNT_ID.eq(accountId)))
                .execute() > 0;
    }

    @Override
    public List<CheckParameter> parameters() {
        return JooqAuditStore.parameters(dsl);
    }
}
