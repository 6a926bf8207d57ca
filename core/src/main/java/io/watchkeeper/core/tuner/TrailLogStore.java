package io.watchkeeper.core.tuner;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the CloudTrail reader remembers between runs: trails, cursors and the files read past them. */
public interface TrailLogStore {

    List<TrailInfo> trails(long accountId);

    void saveTrails(long accountId, List<TrailInfo> trails);

    Optional<TrailCursor> cursor(long accountId, String bucket, String keyPrefix);

    List<TrailCursor> cursors(long accountId);

    void saveCursor(TrailCursor cursor);

    /** Keys read under the prefix whose day is after the cursor's complete day. */
    Set<String> readObjects(long accountId, String bucket, String keyPrefix);

    void markRead(long accountId, String bucket, String keyPrefix, String key, LocalDate day, long events, String error);

    /** Forgets remembered keys of days up to {@code through} (they are covered by the cursor now). */
    void pruneRead(long accountId, String bucket, String keyPrefix, LocalDate through);
}
