package io.watchkeeper.core.cert;

import io.watchkeeper.core.model.InvalidInputException;

/**
 * Who a certificate belongs to and where it is visible: an account (its scope), an owning user and
 * an owning team, all by database id. Names are filled in when read, for display only; nothing is
 * ever matched by name. {@code note} keeps a free-text owner that could not be bound to a user (a
 * migrated owner string) and grants nothing.
 *
 * @param accountId the account whose users see it, or null (only unrestricted users see it)
 * @param account the account's name (read side), or null
 * @param userId the owning user, or null
 * @param user the owning user's name (read side), or null
 * @param teamId the owning team (its members act as owners), or null
 * @param team the team's name (read side), or null
 * @param note free text, never matched against anything, or null
 */
public record Ownership(Long accountId, String account, Long userId, String user, Long teamId, String team,
                        String note) {

    public static final int MAX_NOTE_LENGTH = 254;

    public Ownership {
        if (note != null && (note.isBlank() || note.length() > MAX_NOTE_LENGTH
                || !note.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)))) {
            throw new InvalidInputException("an owner note must be 1-" + MAX_NOTE_LENGTH + " printable characters");
        }
    }

    /** Nobody's, visible to unrestricted users only. */
    public static Ownership none() {
        return new Ownership(null, null, null, null, null, null, null);
    }

    /** Ownership to store, by ids (any may be null). */
    public static Ownership of(Long accountId, Long userId, Long teamId) {
        return new Ownership(accountId, null, userId, null, teamId, null, null);
    }

    /** The same account, user and team (names and notes are not compared). */
    public boolean sameAs(Ownership other) {
        return java.util.Objects.equals(accountId, other.accountId) && java.util.Objects.equals(userId, other.userId)
                && java.util.Objects.equals(teamId, other.teamId);
    }

    /** Whether a user or a team owns it. */
    public boolean owned() {
        return userId != null || teamId != null;
    }

    /** Who owns it, for people: {@code alice}, {@code team web}, {@code alice, team web} or {@code (unowned)}. */
    public String label() {
        String who = userId == null ? "" : user == null ? "user #" + userId : user;
        if (teamId != null) {
            who = (who.isEmpty() ? "" : who + ", ") + "team " + (team == null ? "#" + teamId : team);
        }
        if (who.isEmpty()) {
            return note == null ? "(unowned)" : "(unowned; was '" + note + "')";
        }
        return who;
    }
}
