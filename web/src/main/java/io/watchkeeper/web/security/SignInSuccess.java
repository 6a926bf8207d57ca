package io.watchkeeper.web.security;

import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a password or OIDC sign-in: marks the session ({@link SessionMark}) and sends a user who
 * must choose a new password to {@code /password}; everyone else to the page they asked for.
 */
public class SignInSuccess implements AuthenticationSuccessHandler {

    private final UserStore users;
    private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

    public SignInSuccess(UserStore users) {
        this.users = users;
        next.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        Caller caller = SessionRecheckFilter.caller(authentication);
        User user = caller == null ? null : users.find(caller.username()).orElse(null);
        if (user == null) {
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + "/login?error=bad");
            return;
        }
        SessionMark.sign(request, user);
        if (user.mustChangePassword() && "password".equals(caller.via())) {
            response.sendRedirect(request.getContextPath() + "/password");
            return;
        }
        next.onAuthenticationSuccess(request, response, authentication);
    }
}
