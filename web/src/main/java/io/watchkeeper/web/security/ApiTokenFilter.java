package io.watchkeeper.web.security;

import io.watchkeeper.core.access.ApiToken;
import io.watchkeeper.core.access.ApiTokenStore;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer wkt_…}: a usable token of an enabled user becomes a {@link Caller}
 * whose role and accounts are the token's, cut down to its owner's current ones (so demoting a
 * user demotes their tokens). Anything else leaves the request anonymous.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenStore tokens;
    private final UserStore users;
    private final ApiTokenCache cache;

    public ApiTokenFilter(ApiTokenStore tokens, UserStore users, ApiTokenCache cache) {
        this.tokens = tokens;
        this.users = users;
        this.cache = cache;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            authenticate(header.substring(7).strip()).ifPresent(caller -> {
                var auth = UsernamePasswordAuthenticationToken.authenticated(caller, null,
                        List.of(new SimpleGrantedAuthority(caller.role().authority())));
                SecurityContextHolder.getContext().setAuthentication(auth);
            });
        }
        chain.doFilter(request, response);
    }

    Optional<Caller> authenticate(String secret) {
        if (!TokenSecrets.wellFormed(secret)) {
            return Optional.empty();
        }
        String hash = TokenSecrets.hash(secret);
        return cache.get(hash, () -> load(hash));
    }

    private Optional<ApiTokenCache.Loaded> load(String hash) {
        OffsetDateTime now = OffsetDateTime.now();
        Optional<ApiToken> found = tokens.findByHash(hash).filter(t -> t.usable(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Optional<User> owner = users.findById(token.userId()).filter(User::enabled);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        tokens.touch(token.id(), now); // at most once per cache period per token and node
        var role = owner.get().role().includes(token.role()) ? token.role() : owner.get().role();
        return Optional.of(new ApiTokenCache.Loaded(new Caller(owner.get().username(), role,
                token.scope().intersect(owner.get().scope()), "token:" + token.id()),
                token.expiresAt() == null ? null : token.expiresAt().toInstant()));
    }
}
