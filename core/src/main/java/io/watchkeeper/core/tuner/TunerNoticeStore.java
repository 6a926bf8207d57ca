package io.watchkeeper.core.tuner;

import java.time.Instant;
import java.util.List;

/** Notices of scheduled plans to their principals' owners. */
public interface TunerNoticeStore {

    /** Stores notices (ids assigned) and returns them in order. */
    List<TunerNotice> add(List<TunerNotice> notices);

    /** Records a delivery's outcome. */
    void settle(long id, TunerNotice.Status status, String detail, Instant at);

    List<TunerNotice> forPlan(long planId);
}
