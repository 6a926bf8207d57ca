package io.watchkeeper.web.api;

import io.watchkeeper.core.model.InvalidInputException;
import java.util.regex.Pattern;

/** Keyset cursors: {@code <id>} or {@code <score>.<id>}; anything else is a 400. */
public final class Cursors {

    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    private static final Pattern SCORE_ID = Pattern.compile("(\\d{1,3})\\.(\\d{1,18})");

    private Cursors() {}

    public static Long id(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (!ID.matcher(cursor).matches()) {
            throw new InvalidInputException("bad cursor");
        }
        return Long.parseLong(cursor);
    }

    /** {@code [score, id]} or null. */
    public static long[] scoreAndId(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        var m = SCORE_ID.matcher(cursor);
        if (!m.matches()) {
            throw new InvalidInputException("bad cursor");
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    /** A page size: default 50, at most {@code max}. */
    public static int limit(Integer limit, int max) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > max) {
            throw new InvalidInputException("limit must be between 1 and " + max);
        }
        return limit;
    }
}
