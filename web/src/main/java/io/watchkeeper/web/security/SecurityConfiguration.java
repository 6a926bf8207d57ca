package io.watchkeeper.web.security;

import io.watchkeeper.core.access.ApiTokenStore;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.web.WatchkeeperProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two chains. {@code /api/**} and {@code /actuator/**}: bearer API tokens only, stateless, no
 * cookies (so no CSRF), 401/403 as RFC 9457 problem JSON. Everything else (the console, Swagger UI,
 * the OpenAPI document): form login and OIDC (when a client is registered), session cookie
 * (HttpOnly, SameSite=Lax, Secure on HTTPS), CSRF on every form, and a Content-Security-Policy that
 * allows no inline script at all. Sessions re-check their user on every request
 * ({@link SessionRecheckFilter}). Every endpoint also declares its role with {@code @PreAuthorize}
 * ({@link GlobalAdmin} for admins of every account).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
public class SecurityConfiguration {

    /** The console's policy: same-origin scripts and styles only, no framing, no plugins. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    /** Swagger UI sets inline styles; scripts stay same-origin. */
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_JUSTIFIER
                ROLE_JUSTIFIER > ROLE_COMMENTER
                ROLE_COMMENTER > ROLE_VIEWER
                """);
    }

    @Bean
    LocalLoginProvider localLoginProvider(UserStore users, PasswordCheck passwords) {
        return new LocalLoginProvider(users, passwords);
    }

    @Bean
    InitialAdmin initialAdmin(UserStore users, PasswordEncoder encoder, AuditLog audit, WatchkeeperProperties properties,
                              @Value("${watchkeeper.admin-password:}") String password) {
        return new InitialAdmin(users, encoder, audit, properties, password);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenStore tokens, UserStore users, ApiTokenCache cache,
                                 SecuritySettings settings)
            throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiTokenFilter(tokens, users, cache), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    // authenticated by its HMAC signature (GitHubWebhookApi), not by a session or token
                    a.requestMatchers(org.springframework.http.HttpMethod.POST,
                            io.watchkeeper.web.api.GitHubWebhookApi.PATH).permitAll();
                    if (settings.publicMetrics()) {
                        a.requestMatchers("/actuator/prometheus").permitAll();
                    }
                    a.requestMatchers("/actuator/**").hasRole("VIEWER");
                    a.anyRequest().authenticated();
                })
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, 401, "Unauthorized",
                                "send an API token: Authorization: Bearer wkt_…"))
                        .accessDeniedHandler((req, res, ex) -> problem(res, 403, "Forbidden",
                                "your role or token does not allow this")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http,
                                     ObjectProvider<ClientRegistrationRepository> oidcClients, UserStore users,
                                     AccountStore accounts, UserCache userCache, AuditLog audit,
                                     SecuritySettings settings) throws Exception {
        SignInSuccess signedIn = new SignInSuccess(users);
        // the LocalLoginProvider bean is the global authentication manager's only provider; adding it to
        // this chain as well would check (and count) every failed password twice
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.svg", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(signedIn).failureHandler((req, res, ex) -> {
                    String reason = ex instanceof org.springframework.security.authentication.LockedException ? "locked" : "bad";
                    res.sendRedirect(req.getContextPath() + "/login?error=" + reason);
                }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(new SessionRecheckFilter(userCache, settings.sessionMaxAge()), AuthorizationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .exceptionHandling(e -> e.authenticationEntryPoint(consoleEntryPoint()));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login").successHandler(signedIn)
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcLogins(users, accounts, audit, settings))));
        }
        return http.build();
    }

    @Bean
    @Order(0)
    SecurityFilterChain swaggerChain(HttpSecurity http, UserCache userCache, SecuritySettings settings) throws Exception {
        http.securityMatcher("/swagger-ui/**", "/swagger-ui.html")
                .addFilterBefore(new SessionRecheckFilter(userCache, settings.sessionMaxAge()), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("VIEWER"))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> res.sendRedirect("/login")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SWAGGER_CSP)).frameOptions(f -> f.deny()));
        return http.build();
    }

    /** Pages redirect to the sign-in page; script calls and the OpenAPI document get a 401 problem. */
    private static AuthenticationEntryPoint consoleEntryPoint() {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, exception) -> {
            if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                    || request.getRequestURI().startsWith(request.getContextPath() + "/v3/api-docs")) {
                problem(response, 401, "Unauthorized", "sign in first");
            } else {
                login.commence(request, response, exception);
            }
        };
    }

    static void problem(HttpServletResponse response, int status, String title, String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
