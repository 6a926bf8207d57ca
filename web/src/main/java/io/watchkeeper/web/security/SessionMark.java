package io.watchkeeper.web.security;

import io.watchkeeper.core.access.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;

/**
 * What a console session remembers of its sign-in: when (for the absolute lifetime) and the user's
 * session generation then (a later change to the user raises it and so ends the session).
 *
 * @param signedInAt when the session signed in, on this node's clock (sessions live on one node)
 * @param generation the user's session generation at sign-in (or at their own password change)
 */
public record SessionMark(Instant signedInAt, long generation) implements Serializable {

    static final String ATTRIBUTE = "watchkeeper.session-mark";

    /** Marks the request's session as signed in now by {@code user}. */
    public static void sign(HttpServletRequest request, User user) {
        request.getSession().setAttribute(ATTRIBUTE, new SessionMark(Instant.now(), user.sessionGeneration()));
    }

    /**
     * Keeps the current session valid after the user changed their own password (which raised the
     * generation to end their other sessions); the absolute lifetime still counts from the sign-in.
     */
    public static void renew(HttpServletRequest request, User user) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof SessionMark mark) {
            session.setAttribute(ATTRIBUTE, new SessionMark(mark.signedInAt(), user.sessionGeneration()));
        }
    }

    static SessionMark of(HttpSession session) {
        return session == null ? null : session.getAttribute(ATTRIBUTE) instanceof SessionMark m ? m : null;
    }
}
