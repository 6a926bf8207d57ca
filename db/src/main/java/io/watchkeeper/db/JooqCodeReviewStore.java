package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;
import static io.watchkeeper.db.jooq.Tables.CODE_ACCEPTED_RISK;
import static io.watchkeeper.db.jooq.Tables.CODE_JOB;
import static io.watchkeeper.db.jooq.Tables.CODE_PR_FINDING;
import static io.watchkeeper.db.jooq.Tables.CODE_PULL_REQUEST;
import static io.watchkeeper.db.jooq.Tables.CODE_REPOSITORY;
import static io.watchkeeper.db.jooq.Tables.CODE_WEBHOOK_DELIVERY;
import static io.watchkeeper.db.jooq.Tables.CODE_WEBHOOK_SECRET;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.cert.SealedKey;
import io.watchkeeper.core.code.CodeReviewStore;
import io.watchkeeper.db.jooq.tables.records.CodePrFindingRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** {@link CodeReviewStore} in PostgreSQL. */
public final class JooqCodeReviewStore implements CodeReviewStore {

    private static final int MAX_ERROR = 2000;

    private final DSLContext dsl;

    public JooqCodeReviewStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public boolean recordDelivery(String deliveryId, String event) {
        return dsl.insertInto(CODE_WEBHOOK_DELIVERY)
                .set(CODE_WEBHOOK_DELIVERY.DELIVERY_ID, deliveryId)
                .set(CODE_WEBHOOK_DELIVERY.EVENT, event)
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Override
    public void enqueue(String deliveryId, String kind, String payloadJson) {
        dsl.insertInto(CODE_JOB)
                .set(CODE_JOB.DELIVERY_ID, deliveryId)
                .set(CODE_JOB.KIND, kind)
                .set(CODE_JOB.PAYLOAD, JSONB.valueOf(payloadJson))
                .execute();
    }

    @Override
    public Optional<Job> claim(String node, Duration stale, int maxAttempts) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            OffsetDateTime now = OffsetDateTime.now();
            Condition claimable = CODE_JOB.STATE.eq("queued").or(CODE_JOB.STATE.eq("running")
                    .and(CODE_JOB.CLAIMED_AT.lt(now.minus(stale))));
            var row = tx.select(CODE_JOB.ID, CODE_JOB.ATTEMPTS).from(CODE_JOB).where(claimable)
                    .orderBy(CODE_JOB.ID).limit(1).forUpdate().skipLocked().fetchOptional();
            if (row.isEmpty()) {
                return Optional.<Job>empty();
            }
            long id = row.get().value1();
            if (row.get().value2() >= maxAttempts) {
                tx.update(CODE_JOB).set(CODE_JOB.STATE, "failed").set(CODE_JOB.FINISHED_AT, now)
                        .set(CODE_JOB.ERROR, "gave up after " + maxAttempts + " attempts").where(CODE_JOB.ID.eq(id)).execute();
                return Optional.<Job>empty();
            }
            var job = tx.update(CODE_JOB).set(CODE_JOB.STATE, "running").set(CODE_JOB.CLAIMED_BY, node)
                    .set(CODE_JOB.CLAIMED_AT, now).set(CODE_JOB.ATTEMPTS, CODE_JOB.ATTEMPTS.plus(1))
                    .where(CODE_JOB.ID.eq(id)).returning().fetchOne();
            return Optional.of(new Job(job.getId(), job.getDeliveryId(), job.getKind(), job.getPayload().data(),
                    job.getAttempts()));
        });
    }

    @Override
    public void finish(long jobId, String error) {
        dsl.update(CODE_JOB).set(CODE_JOB.STATE, error == null ? "done" : "failed")
                .set(CODE_JOB.FINISHED_AT, OffsetDateTime.now())
                .set(CODE_JOB.ERROR, error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
                .where(CODE_JOB.ID.eq(jobId)).execute();
    }

    @Override
    public void requeue(long jobId, String error) {
        dsl.update(CODE_JOB).set(CODE_JOB.STATE, "queued").set(CODE_JOB.CLAIMED_BY, (String) null)
                .set(CODE_JOB.ERROR, error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
                .where(CODE_JOB.ID.eq(jobId)).execute();
    }

    @Override
    public int pending() {
        return dsl.fetchCount(CODE_JOB, CODE_JOB.STATE.in("queued", "running"));
    }

    @Override
    public long upsertRepository(long accountId, long githubId, String fullName) {
        return dsl.insertInto(CODE_REPOSITORY)
                .set(CODE_REPOSITORY.ACCOUNT_ID, accountId)
                .set(CODE_REPOSITORY.GITHUB_ID, githubId)
                .set(CODE_REPOSITORY.FULL_NAME, fullName)
                .onConflict(CODE_REPOSITORY.ACCOUNT_ID, CODE_REPOSITORY.GITHUB_ID)
                .doUpdate().set(CODE_REPOSITORY.FULL_NAME, fullName)
                .returning(CODE_REPOSITORY.ID).fetchOne().getId();
    }

    @Override
    public long upsertPullRequest(long repositoryId, int number, String title, String author, String headSha,
                                  String baseSha) {
        return dsl.insertInto(CODE_PULL_REQUEST)
                .set(CODE_PULL_REQUEST.REPOSITORY_ID, repositoryId)
                .set(CODE_PULL_REQUEST.NUMBER, number)
                .set(CODE_PULL_REQUEST.TITLE, title)
                .set(CODE_PULL_REQUEST.AUTHOR, author)
                .set(CODE_PULL_REQUEST.HEAD_SHA, headSha)
                .set(CODE_PULL_REQUEST.BASE_SHA, baseSha)
                .onConflict(CODE_PULL_REQUEST.REPOSITORY_ID, CODE_PULL_REQUEST.NUMBER)
                .doUpdate()
                .set(CODE_PULL_REQUEST.TITLE, title)
                .set(CODE_PULL_REQUEST.AUTHOR, author)
                .set(CODE_PULL_REQUEST.HEAD_SHA, headSha)
                .set(CODE_PULL_REQUEST.BASE_SHA, baseSha)
                .returning(CODE_PULL_REQUEST.ID).fetchOne().getId();
    }

    @Override
    public List<Finding> saveFindings(long pullRequestId, String headSha, List<Found> found) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Map<String, CodePrFindingRecord> known = new HashMap<>();
            tx.selectFrom(CODE_PR_FINDING).where(CODE_PR_FINDING.PULL_REQUEST_ID.eq(pullRequestId))
                    .forEach(r -> known.put(r.getFingerprint(), r));
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Found f : found) {
                if (!seen.add(f.fingerprint())) {
                    continue;
                }
                CodePrFindingRecord r = known.get(f.fingerprint());
                if (r == null) {
                    r = tx.newRecord(CODE_PR_FINDING);
                    r.setPullRequestId(pullRequestId);
                    r.setFingerprint(f.fingerprint());
                    r.setFirstSha(headSha);
                }
                r.setRuleId(f.ruleId());
                r.setSeverity(f.severity());
                r.setPath(f.path());
                r.setStartLine(f.startLine());
                r.setEndLine(f.endLine());
                r.setMessage(f.message());
                r.setLastSha(headSha);
                r.setItemId(f.itemId());
                if (r.getCommentFixedSha() != null) { // back after a push had removed it: a new comment
                    r.setCommentFixedSha(null);
                    r.setCommentId(null);
                }
                r.setPresent(true);
                r.store();
            }
            tx.update(CODE_PR_FINDING).set(CODE_PR_FINDING.PRESENT, false)
                    .where(CODE_PR_FINDING.PULL_REQUEST_ID.eq(pullRequestId))
                    .and(seen.isEmpty() ? DSL.trueCondition() : CODE_PR_FINDING.FINGERPRINT.notIn(seen))
                    .execute();
            return findings(tx, pullRequestId);
        });
    }

    @Override
    public void setComment(long findingId, long commentId) {
        dsl.update(CODE_PR_FINDING).set(CODE_PR_FINDING.COMMENT_ID, commentId).where(CODE_PR_FINDING.ID.eq(findingId))
                .execute();
    }

    @Override
    public void markCommentFixed(long findingId, String headSha) {
        dsl.update(CODE_PR_FINDING).set(CODE_PR_FINDING.COMMENT_FIXED_SHA, headSha).where(CODE_PR_FINDING.ID.eq(findingId))
                .execute();
    }

    @Override
    public void setConclusion(long pullRequestId, String conclusion) {
        dsl.update(CODE_PULL_REQUEST).set(CODE_PULL_REQUEST.CONCLUSION, conclusion)
                .where(CODE_PULL_REQUEST.ID.eq(pullRequestId)).execute();
    }

    @Override
    public void finishScan(long pullRequestId, Long checkRunId, String conclusion, int millis) {
        dsl.update(CODE_PULL_REQUEST)
                .set(CODE_PULL_REQUEST.CHECK_RUN_ID, checkRunId)
                .set(CODE_PULL_REQUEST.CONCLUSION, conclusion)
                .set(CODE_PULL_REQUEST.SCANNED_AT, OffsetDateTime.now())
                .set(CODE_PULL_REQUEST.SCAN_MILLIS, millis)
                .where(CODE_PULL_REQUEST.ID.eq(pullRequestId)).execute();
    }

    @Override
    public List<Finding> findingsByComment(long repositoryId, long commentId) {
        return dsl.select(CODE_PR_FINDING.fields()).from(CODE_PR_FINDING)
                .join(CODE_PULL_REQUEST).on(CODE_PULL_REQUEST.ID.eq(CODE_PR_FINDING.PULL_REQUEST_ID))
                .where(CODE_PULL_REQUEST.REPOSITORY_ID.eq(repositoryId)).and(CODE_PR_FINDING.COMMENT_ID.eq(commentId))
                .orderBy(CODE_PR_FINDING.ID)
                .fetch(r -> finding(r.into(CODE_PR_FINDING)));
    }

    @Override
    public List<Repository> repositories(AccountScope scope) {
        return repositoryQuery(inScope(scope, CODE_REPOSITORY.ACCOUNT_ID)).orderBy(CODE_REPOSITORY.FULL_NAME)
                .fetch(JooqCodeReviewStore::repository);
    }

    @Override
    public Optional<Repository> repository(long id) {
        return repositoryQuery(CODE_REPOSITORY.ID.eq(id)).fetchOptional(JooqCodeReviewStore::repository);
    }

    private static final Field<Integer> PULL_COUNT = DSL.field(DSL.selectCount().from(CODE_PULL_REQUEST)
            .where(CODE_PULL_REQUEST.REPOSITORY_ID.eq(CODE_REPOSITORY.ID))).as("pull_requests");

    private org.jooq.SelectConditionStep<Record> repositoryQuery(Condition where) {
        return dsl.select(CODE_REPOSITORY.fields()).select(ACCOUNT.NAME, PULL_COUNT)
                .from(CODE_REPOSITORY).join(ACCOUNT).on(ACCOUNT.ID.eq(CODE_REPOSITORY.ACCOUNT_ID)).where(where);
    }

    private static Repository repository(Record r) {
        return new Repository(r.get(CODE_REPOSITORY.ID), r.get(CODE_REPOSITORY.ACCOUNT_ID), r.get(ACCOUNT.NAME),
                r.get(CODE_REPOSITORY.GITHUB_ID), r.get(CODE_REPOSITORY.FULL_NAME), r.get(PULL_COUNT));
    }

    private static final Field<Integer> OPEN_COUNT = DSL.field(DSL.selectCount().from(CODE_PR_FINDING)
            .where(CODE_PR_FINDING.PULL_REQUEST_ID.eq(CODE_PULL_REQUEST.ID)).and(CODE_PR_FINDING.PRESENT))
            .as("open_findings");

    private org.jooq.SelectConditionStep<Record> pullQuery(Condition where) {
        return dsl.select(CODE_PULL_REQUEST.fields()).select(CODE_REPOSITORY.FULL_NAME, CODE_REPOSITORY.ACCOUNT_ID, OPEN_COUNT)
                .from(CODE_PULL_REQUEST).join(CODE_REPOSITORY).on(CODE_REPOSITORY.ID.eq(CODE_PULL_REQUEST.REPOSITORY_ID))
                .where(where);
    }

    private static PullRequest pull(Record r) {
        return new PullRequest(r.get(CODE_PULL_REQUEST.ID), r.get(CODE_PULL_REQUEST.REPOSITORY_ID),
                r.get(CODE_REPOSITORY.FULL_NAME), r.get(CODE_REPOSITORY.ACCOUNT_ID), r.get(CODE_PULL_REQUEST.NUMBER),
                r.get(CODE_PULL_REQUEST.TITLE), r.get(CODE_PULL_REQUEST.AUTHOR), r.get(CODE_PULL_REQUEST.HEAD_SHA),
                r.get(CODE_PULL_REQUEST.BASE_SHA), r.get(CODE_PULL_REQUEST.CHECK_RUN_ID),
                r.get(CODE_PULL_REQUEST.CONCLUSION), r.get(CODE_PULL_REQUEST.SCANNED_AT),
                r.get(CODE_PULL_REQUEST.SCAN_MILLIS), r.get(OPEN_COUNT));
    }

    @Override
    public List<PullRequest> pullRequests(long repositoryId) {
        return pullQuery(CODE_PULL_REQUEST.REPOSITORY_ID.eq(repositoryId)).orderBy(CODE_PULL_REQUEST.NUMBER.desc())
                .limit(500).fetch(JooqCodeReviewStore::pull);
    }

    @Override
    public Optional<PullRequest> pullRequest(long id) {
        return pullQuery(CODE_PULL_REQUEST.ID.eq(id)).fetchOptional(JooqCodeReviewStore::pull);
    }

    @Override
    public Optional<PullRequest> pullRequest(long repositoryId, int number) {
        return pullQuery(CODE_PULL_REQUEST.REPOSITORY_ID.eq(repositoryId).and(CODE_PULL_REQUEST.NUMBER.eq(number)))
                .fetchOptional(JooqCodeReviewStore::pull);
    }

    @Override
    public List<Finding> findings(long pullRequestId) {
        return findings(dsl, pullRequestId);
    }

    private static List<Finding> findings(DSLContext dsl, long pullRequestId) {
        return dsl.selectFrom(CODE_PR_FINDING).where(CODE_PR_FINDING.PULL_REQUEST_ID.eq(pullRequestId))
                .orderBy(CODE_PR_FINDING.PATH, CODE_PR_FINDING.START_LINE, CODE_PR_FINDING.ID)
                .fetch(JooqCodeReviewStore::finding);
    }

    private static Finding finding(CodePrFindingRecord r) {
        return new Finding(r.getId(), r.getPullRequestId(), r.getFingerprint(), r.getRuleId(), r.getSeverity(), r.getPath(),
                r.getStartLine(), r.getEndLine(), r.getMessage(), r.getFirstSha(), r.getLastSha(), r.getPresent(),
                r.getCommentId(), r.getItemId(), r.getCommentFixedSha());
    }

    @Override
    public List<AcceptedRisk> acceptedRisks(AccountScope scope, Long repositoryId) {
        Condition where = CODE_ACCEPTED_RISK.REVOKED_AT.isNull().and(inScope(scope, CODE_REPOSITORY.ACCOUNT_ID));
        if (repositoryId != null) {
            where = where.and(CODE_ACCEPTED_RISK.REPOSITORY_ID.eq(repositoryId));
        }
        return riskQuery(where).orderBy(CODE_ACCEPTED_RISK.ID).limit(5000).fetch(JooqCodeReviewStore::risk);
    }

    @Override
    public Optional<AcceptedRisk> acceptedRisk(long id) {
        return riskQuery(CODE_ACCEPTED_RISK.ID.eq(id).and(CODE_ACCEPTED_RISK.REVOKED_AT.isNull()))
                .fetchOptional(JooqCodeReviewStore::risk);
    }

    private org.jooq.SelectConditionStep<Record> riskQuery(Condition where) {
        return dsl.select(CODE_ACCEPTED_RISK.fields()).select(CODE_REPOSITORY.FULL_NAME, CODE_REPOSITORY.ACCOUNT_ID)
                .from(CODE_ACCEPTED_RISK).join(CODE_REPOSITORY).on(CODE_REPOSITORY.ID.eq(CODE_ACCEPTED_RISK.REPOSITORY_ID))
                .where(where);
    }

    private static AcceptedRisk risk(Record r) {
        return new AcceptedRisk(r.get(CODE_ACCEPTED_RISK.ID), r.get(CODE_ACCEPTED_RISK.REPOSITORY_ID),
                r.get(CODE_REPOSITORY.FULL_NAME), r.get(CODE_REPOSITORY.ACCOUNT_ID), r.get(CODE_ACCEPTED_RISK.FINGERPRINT),
                r.get(CODE_ACCEPTED_RISK.KIND), r.get(CODE_ACCEPTED_RISK.REASON), r.get(CODE_ACCEPTED_RISK.EXPIRES_ON),
                r.get(CODE_ACCEPTED_RISK.CREATED_BY), r.get(CODE_ACCEPTED_RISK.CREATED_AT));
    }

    @Override
    public AcceptedRisk addRisk(long repositoryId, String fingerprint, String kind, String reason, LocalDate expiresOn,
                                String actor) {
        dsl.update(CODE_ACCEPTED_RISK).set(CODE_ACCEPTED_RISK.REVOKED_AT, OffsetDateTime.now())
                .set(CODE_ACCEPTED_RISK.REVOKED_BY, actor)
                .where(CODE_ACCEPTED_RISK.REPOSITORY_ID.eq(repositoryId)).and(CODE_ACCEPTED_RISK.FINGERPRINT.eq(fingerprint))
                .and(CODE_ACCEPTED_RISK.REVOKED_AT.isNull()).execute();
        long id = dsl.insertInto(CODE_ACCEPTED_RISK)
                .set(CODE_ACCEPTED_RISK.REPOSITORY_ID, repositoryId)
                .set(CODE_ACCEPTED_RISK.FINGERPRINT, fingerprint)
                .set(CODE_ACCEPTED_RISK.KIND, kind)
                .set(CODE_ACCEPTED_RISK.REASON, reason)
                .set(CODE_ACCEPTED_RISK.EXPIRES_ON, expiresOn)
                .set(CODE_ACCEPTED_RISK.CREATED_BY, actor)
                .returning(CODE_ACCEPTED_RISK.ID).fetchOne().getId();
        return acceptedRisk(id).orElseThrow();
    }

    @Override
    public boolean revokeRisk(long id, String actor) {
        return dsl.update(CODE_ACCEPTED_RISK).set(CODE_ACCEPTED_RISK.REVOKED_AT, OffsetDateTime.now())
                .set(CODE_ACCEPTED_RISK.REVOKED_BY, actor)
                .where(CODE_ACCEPTED_RISK.ID.eq(id)).and(CODE_ACCEPTED_RISK.REVOKED_AT.isNull()).execute() == 1;
    }

    @Override
    public Optional<SealedKey> webhookSecret() {
        return dsl.selectFrom(CODE_WEBHOOK_SECRET).where(CODE_WEBHOOK_SECRET.ID.eq(1))
                .fetchOptional(r -> new SealedKey(r.getAlgorithm(), r.getCiphertext(), r.getWrappedKey(),
                        r.getKeyProvider(), r.getMasterKeyVersion()));
    }

    @Override
    public void putWebhookSecret(SealedKey sealed) {
        dsl.insertInto(CODE_WEBHOOK_SECRET)
                .set(CODE_WEBHOOK_SECRET.ID, 1)
                .set(CODE_WEBHOOK_SECRET.ALGORITHM, sealed.algorithm())
                .set(CODE_WEBHOOK_SECRET.CIPHERTEXT, sealed.ciphertext())
                .set(CODE_WEBHOOK_SECRET.WRAPPED_KEY, sealed.wrappedKey())
                .set(CODE_WEBHOOK_SECRET.KEY_PROVIDER, sealed.provider())
                .set(CODE_WEBHOOK_SECRET.MASTER_KEY_VERSION, sealed.masterKeyVersion())
                .onConflict(CODE_WEBHOOK_SECRET.ID).doUpdate()
                .set(CODE_WEBHOOK_SECRET.ALGORITHM, sealed.algorithm())
                .set(CODE_WEBHOOK_SECRET.CIPHERTEXT, sealed.ciphertext())
                .set(CODE_WEBHOOK_SECRET.WRAPPED_KEY, sealed.wrappedKey())
                .set(CODE_WEBHOOK_SECRET.KEY_PROVIDER, sealed.provider())
                .set(CODE_WEBHOOK_SECRET.MASTER_KEY_VERSION, sealed.masterKeyVersion())
                .set(CODE_WEBHOOK_SECRET.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    @Override
    public boolean rewrapWebhookSecret(SealedKey expected, SealedKey rewrapped) {
        return dsl.update(CODE_WEBHOOK_SECRET)
                .set(CODE_WEBHOOK_SECRET.WRAPPED_KEY, rewrapped.wrappedKey())
                .set(CODE_WEBHOOK_SECRET.KEY_PROVIDER, rewrapped.provider())
                .set(CODE_WEBHOOK_SECRET.MASTER_KEY_VERSION, rewrapped.masterKeyVersion())
                .where(CODE_WEBHOOK_SECRET.ID.eq(1))
                .and(CODE_WEBHOOK_SECRET.KEY_PROVIDER.eq(expected.provider()))
                .and(CODE_WEBHOOK_SECRET.MASTER_KEY_VERSION.eq(expected.masterKeyVersion()))
                .and(CODE_WEBHOOK_SECRET.WRAPPED_KEY.eq(expected.wrappedKey()))
                .execute() == 1;
    }

    private static Condition inScope(AccountScope scope, Field<Long> accountId) {
        return scope.unrestricted() ? DSL.trueCondition() : scope.accountIds().isEmpty() ? DSL.falseCondition()
                : accountId.in(scope.accountIds());
    }
}
