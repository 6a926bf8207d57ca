package io.watchkeeper.core.tuner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Settings per account and principal, and opt-outs. */
public interface TunerSettingsStore {

    List<TunerSetting> settings(long accountId);

    /** Stores a setting row (null fields inherit). */
    void save(TunerSetting setting, String by);

    /** Adds an opt-out; an active one for the same principal is replaced. */
    OptOut addOptOut(long accountId, String principalArn, String owner, String reason, Instant until, String by);

    Optional<OptOut> optOut(long id);

    /** Removes an opt-out; false when there was none active with that id. */
    boolean removeOptOut(long id, String by);

    /** Active opt-outs (not removed; expired ones too when {@code withExpired}), {@code accountId} null for all. */
    List<OptOut> optOuts(Long accountId, boolean withExpired, Instant now);
}
