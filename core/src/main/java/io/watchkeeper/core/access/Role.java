package io.watchkeeper.core.access;

import io.watchkeeper.core.model.InvalidInputException;
import java.util.Locale;

/**
 * Roles in increasing power; each includes the ones before it.
 *
 * <ul>
 *   <li>{@link #VIEWER}: reads everything in its accounts.</li>
 *   <li>{@link #COMMENTER}: also comments on findings and plans remediations for review.</li>
 *   <li>{@link #JUSTIFIER}: also justifies and suppresses findings, approves and rolls back remediations.</li>
 *   <li>{@link #ADMIN}: also accounts, watch intervals, check settings, users, tokens and the audit log.</li>
 * </ul>
 */
public enum Role {
    VIEWER, COMMENTER, JUSTIFIER, ADMIN;

    /** Whether this role has at least the power of {@code other}. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** Spring Security's authority name for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses a role name case-insensitively, with a clear error. */
    public static Role parse(String text) {
        if (text == null) {
            throw new InvalidInputException("role is required (viewer, commenter, justifier or admin)");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown role '" + text.strip() + "' (viewer, commenter, justifier or admin)");
        }
    }
}
