package io.watchkeeper.core.tuner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Changes made to principals, with compare-and-set status moves. */
public interface TunerChangeStore {

    TunerChange create(TunerChange change);

    Optional<TunerChange> find(long id);

    List<TunerChange> list(Long accountId, int limit);

    List<TunerChange> forPlan(long planId);

    /** Moves {@code from} → {@code to}; rollback fields are set when {@code to} is a rollback state. */
    boolean move(long id, ChangeStatus from, ChangeStatus to, String by, String reason, String error);

    /** Records what the apply created so far (new version ids, copies), after each step. */
    void saveEdits(long id, JsonNode edits);

    /** Applied changes still in their watch period. */
    List<TunerChange> watched(Instant now);

    void recordDenied(long id, JsonNode denied, Instant alertedAt);
}
