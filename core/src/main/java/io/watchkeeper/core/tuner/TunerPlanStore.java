package io.watchkeeper.core.tuner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Plans and their principals. Status moves are compare-and-set, so two nodes never apply one plan twice. */
public interface TunerPlanStore {

    /**
     * Stores a plan (its id and timestamps are assigned) with its principals, in one transaction; returns the stored
     * plan. The principals are taken from the iterator as they are inserted, in batches, so a lazy iterator keeps only
     * one batch of rows in memory however large the plan is.
     */
    TunerPlan create(TunerPlan plan, Iterable<PlanPrincipal> principals);

    Optional<TunerPlan> find(long id);

    /** Newest first; {@code accountId} null for every account. */
    List<TunerPlan> list(Long accountId, int limit);

    Optional<TunerPlan> latest(long accountId);

    List<PlanPrincipal> principals(long planId);

    Optional<PlanPrincipal> principal(long planId, String principalArn);

    /** Moves {@code from} → {@code to}; false when the plan was not in {@code from}. */
    boolean move(long id, PlanStatus from, PlanStatus to);

    /** PLANNED → SCHEDULED with the time it may be applied. */
    boolean schedule(long id, Instant applyAfter, String by, Instant at);

    /** SCHEDULED/PLANNED → APPLYING, recording who applies it. */
    boolean beginApply(long id, PlanStatus from, String by, Instant at);

    /** Scheduled plans whose notice period ended. */
    List<TunerPlan> due(Instant now, int limit);
}
