package io.watchkeeper.web.security;

import io.watchkeeper.core.access.User;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request of a console session re-checks its user ({@link UserCache}: at most 10 s old, on
 * every node): a user who is gone or disabled, whose session generation moved on (changed by an
 * admin, password reset), or whose session is older than {@code watchkeeper.security.session-max-age}
 * is signed out at once. Otherwise the request runs as the user is NOW (role and accounts), not as
 * they were at sign-in; a user who must choose a new password can reach nothing but {@code /password}.
 */
public class SessionRecheckFilter extends OncePerRequestFilter {

    private static final List<String> OPEN_WHILE_CHANGING = List.of("/password", "/logout", "/css/", "/js/",
            "/favicon.svg", "/error");

    private final UserCache users;
    private final Duration maxAge;

    public SessionRecheckFilter(UserCache users, Duration maxAge) {
        this.users = users;
        this.maxAge = maxAge;
    }

    /** The caller a session's authentication stands for (password and OIDC sign-ins), or null. */
    static Caller caller(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof Caller c) {
            return c;
        }
        return principal instanceof WatchkeeperOidcUser o ? o.caller() : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        Caller signedIn = caller(authentication);
        HttpSession session = request.getSession(false);
        SessionMark mark = SessionMark.of(session);
        if (signedIn == null || mark == null) {
            end(request, response, "ended");
            return;
        }
        if (Duration.between(mark.signedInAt(), Instant.now()).compareTo(maxAge) > 0) {
            end(request, response, "expired");
            return;
        }
        Optional<User> user = users.get(signedIn.username());
        if (user.isEmpty() || !user.get().enabled() || user.get().sessionGeneration() != mark.generation()) {
            end(request, response, "ended");
            return;
        }
        User now = user.get();
        if (now.mustChangePassword() && "password".equals(signedIn.via()) && !openWhileChanging(request)) {
            response.sendRedirect(request.getContextPath() + "/password");
            return;
        }
        // this request runs as the user is now; the session keeps only who signed in
        Caller current = new Caller(now.username(), now.role(), now.scope(), signedIn.via());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current, null,
                List.of(new SimpleGrantedAuthority(now.role().authority()))));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static boolean openWhileChanging(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_WHILE_CHANGING.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
    }

    private static void end(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                || request.getRequestURI().startsWith(request.getContextPath() + "/v3/api-docs")) {
            SecurityConfiguration.problem(response, 401, "Unauthorized", "your session has ended: sign in again");
        } else {
            response.sendRedirect(request.getContextPath() + "/login?" + why);
        }
    }
}
