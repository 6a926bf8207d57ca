package io.watchkeeper.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.web.console.LoginPage;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every mapped route of the console and the API: each declares a role; anonymous callers are
 * refused; a caller one role below the declared one is refused (403); a caller with the role gets
 * through security (whatever the handler then says about the dummy ids); an admin limited to some
 * accounts is refused on every global admin route ({@link GlobalAdmin}); the live console session of
 * a user who has since been disabled is refused everywhere, and so is that user's token.
 */
class RouteSecurityTest {

    private static final Pattern ROLE = Pattern.compile("hasRole\\('([A-Z]+)'\\)( and .+)?");
    /** Public routes: the login page; the GitHub webhook, authenticated by its signature (tested below). */
    private static final Set<Class<?>> PUBLIC = Set.of(LoginPage.class, io.watchkeeper.web.api.GitHubWebhookApi.class);

    private static WebApp app;
    private static final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private static final Map<Role, WebApp.Session> sessions = new EnumMap<>(Role.class);
    private static String scopedAdminToken;
    private static WebApp.Session scopedAdminSession;

    /** One route to check; {@code global}: only an admin of every account may use it. */
    record Route(String method, String path, Role role, boolean global, String handler, Map<String, String> params) {
        boolean api() {
            return path.startsWith("/api/");
        }
    }

    @BeforeAll
    static void start() {
        app = WebApp.start();
        for (Role role : Role.values()) {
            String name = "user-" + role.name().toLowerCase();
            app.user(name, role, Set.of());
            tokens.put(role, app.token(name, role));
            WebApp.Session session = app.session();
            assertThat(session.login(name, WebApp.ADMIN_PASSWORD).headers().firstValue("Location").orElse(""))
                    .doesNotContain("error");
            session.get("/");
            sessions.put(role, session);
        }
        long account = app.bean(io.watchkeeper.core.model.AccountStore.class).add(new io.watchkeeper.core.model.AccountSpec(
                io.watchkeeper.core.model.Provider.AWS, "scoped", "111111111111", io.watchkeeper.core.model.AccountAccess.NONE,
                List.of("us-east-1"), Map.of(), false)).id();
        app.user("scoped-admin", Role.ADMIN, Set.of(account));
        scopedAdminToken = app.bean(io.watchkeeper.web.service.AccessAdmin.class).createToken("scoped", Role.ADMIN, null,
                null, new Caller("scoped-admin", Role.ADMIN, io.watchkeeper.core.access.AccountScope.of(Set.of(account)),
                        "password")).secret();
        scopedAdminSession = app.session();
        assertThat(scopedAdminSession.login("scoped-admin", WebApp.ADMIN_PASSWORD).headers().firstValue("Location")
                .orElse("")).doesNotContain("error");
        scopedAdminSession.get("/");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<Route> routes() {
        RequestMappingHandlerMapping mapping = app.context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("io.watchkeeper.web")
                    || PUBLIC.contains(handler.getBeanType())) {
                continue;
            }
            PreAuthorize pre = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (pre == null) {
                pre = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            assertThat(pre).as("@PreAuthorize on " + handler).isNotNull();
            Matcher m = ROLE.matcher(pre.value());
            assertThat(m.matches()).as("role expression of " + handler + ": " + pre.value()).isTrue();
            Role role = Role.valueOf(m.group(1));
            boolean global = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), GlobalAdmin.class);
            assertThat(m.group(2) != null).as("only @GlobalAdmin adds to the role expression: " + handler).isEqualTo(global);
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method.name(), concrete(pattern), role, global, handler.toString(),
                            params(handler)));
                }
            }
        }
        return routes;
    }

    /** A plausible value for every required request parameter, so refusals cannot come from binding. */
    private static Map<String, String> params(HandlerMethod handler) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp == null || !rp.required() || !ValueConstants.DEFAULT_NONE.equals(rp.defaultValue())) {
                continue;
            }
            String name = rp.name().isEmpty() ? (rp.value().isEmpty() ? p.getParameterName() : rp.value()) : rp.name();
            Class<?> type = p.getParameterType();
            String value = type.isEnum() ? type.getEnumConstants()[0].toString()
                    : type == boolean.class || type == Boolean.class ? "true"
                    : type == String.class ? "x" : "1";
            params.put(name, value);
        }
        return params;
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{action:([a-z]+)[^}]*}", "$1").replaceAll("\\{[a-zA-Z]+}", "987654");
    }

    private static HttpResponse<String> call(WebApp.Session session, Route route) {
        long started = System.nanoTime();
        try {
            return callOnce(session, route);
        } finally {
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (ms > 3000) {
                System.err.println("SLOW ROUTE " + ms + " ms: " + route);
            }
        }
    }

    private static HttpResponse<String> callOnce(WebApp.Session session, Route route) {
        if (route.method().equals("GET")) {
            String query = route.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining("&"));
            return session.get(route.path() + (query.isEmpty() ? "" : "?" + query));
        }
        if (route.api()) {
            return session.json(route.method(), route.path(), "{}");
        }
        return session.post(route.path(), route.params(), true);
    }

    @Test
    void everyRouteDeclaresARoleAndThereAreMany() {
        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThan(50);
        assertThat(routes).anyMatch(r -> r.role() == Role.ADMIN && r.api())
                .anyMatch(r -> r.role() == Role.JUSTIFIER && !r.api())
                .anyMatch(r -> r.role() == Role.COMMENTER)
                .anyMatch(r -> r.path().startsWith("/certificates/") && r.method().equals("POST"))
                .anyMatch(r -> r.path().startsWith("/api/v1/teams"))
                .anyMatch(r -> r.path().startsWith("/compliance/")).anyMatch(r -> r.path().startsWith("/api/v1/compliance/"))
                .anyMatch(r -> r.path().startsWith("/api/v1/tuner/") && r.role() == Role.ADMIN)
                .anyMatch(r -> r.path().startsWith("/tuner/") && r.method().equals("POST"))
                .anyMatch(r -> r.path().startsWith("/api/v1/code/")).anyMatch(r -> r.path().startsWith("/code"));
        assertThat(routes).filteredOn(Route::global).extracting(Route::path)
                .contains("/users", "/api/v1/users", "/api/v1/users/987654", "/api/v1/users/987654/password",
                        "/api/v1/code/github/webhook-secret");
    }

    @Test
    void theGitHubWebhookRefusesUnsignedAndBadlySignedDeliveriesAndWritesNothing() throws Exception {
        var dsl = app.bean(org.jooq.DSLContext.class);
        String body = "{\"action\":\"opened\",\"zen\":\"x\"}";
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, Integer> deliver = signature -> {
            var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.base + "/api/v1/github/webhook"))
                    .header("X-GitHub-Event", "pull_request").header("X-GitHub-Delivery", "route-test")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
            if (signature != null) {
                b.header("X-Hub-Signature-256", signature);
            }
            try {
                return http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        // no secret configured yet: nothing is accepted
        assertThat(deliver.apply(null)).isEqualTo(503);
        app.bean(io.watchkeeper.web.service.CodeReviews.class).setWebhookSecret(
                "route-security-webhook-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8), WebApp.SYSTEM_ADMIN);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("another-secret-entirely".getBytes(), "HmacSHA256"));
        String wrongKey = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes()));
        for (String signature : java.util.Arrays.asList(null, "", "sha256=", "sha1=abcd", "sha256=" + "0".repeat(64),
                "sha256=" + "z".repeat(64), wrongKey)) {
            assertThat(deliver.apply(signature)).as(String.valueOf(signature)).isEqualTo(401);
        }
        assertThat(dsl.fetchCount(io.watchkeeper.db.jooq.Tables.CODE_WEBHOOK_DELIVERY)).isZero();
        assertThat(dsl.fetchCount(io.watchkeeper.db.jooq.Tables.CODE_JOB)).isZero();
    }

    @Test
    void anonymousCallersAreRefusedEverywhere() {
        for (Route route : routes()) {
            HttpResponse<String> response = call(app.session(), route);
            if (route.api()) {
                assertThat(response.statusCode()).as(route.toString()).isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            } else if (route.method().equals("GET")) {
                assertThat(response.statusCode()).as(route.toString()).isEqualTo(302);
                assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
            } else {
                assertThat(response.statusCode()).as(route.toString()).isIn(302, 403);
            }
        }
    }

    @Test
    void callersOneRoleBelowAreRefusedAndCallersWithTheRolePass() {
        int checked = 0;
        for (Route route : routes()) {
            if (route.role() != Role.VIEWER) {
                Role below = Role.values()[route.role().ordinal() - 1];
                HttpResponse<String> refused = route.api()
                        ? call(app.session().bearer(tokens.get(below)), route)
                        : call(sessions.get(below), route);
                assertThat(refused.statusCode()).as(below + " on " + route).isEqualTo(403);
                checked++;
            }
            HttpResponse<String> allowed = route.api()
                    ? call(app.session().bearer(tokens.get(route.role())), route)
                    : call(sessions.get(route.role()), route);
            assertThat(allowed.statusCode()).as(route.role() + " on " + route + ": " + allowed.body())
                    .isNotIn(401, 403).isLessThan(500);
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void anAdminLimitedToSomeAccountsIsRefusedOnEveryGlobalAdminRoute() {
        int global = 0;
        for (Route route : routes()) {
            if (route.role() != Role.ADMIN) {
                continue;
            }
            HttpResponse<String> response = route.api()
                    ? call(app.session().bearer(scopedAdminToken), route)
                    : call(scopedAdminSession, route);
            if (route.global()) {
                assertThat(response.statusCode()).as("scoped admin on " + route).isEqualTo(403);
                global++;
            } else {
                assertThat(response.statusCode()).as("scoped admin on " + route + ": " + response.body())
                        .isNotEqualTo(401).isLessThan(500);
            }
        }
        assertThat(global).isGreaterThanOrEqualTo(6);
        // the session and the token still work where the scoped admin belongs
        assertThat(scopedAdminSession.get("/audit-log").statusCode()).isEqualTo(200);
        assertThat(app.session().bearer(scopedAdminToken).get("/api/v1/audit-log").statusCode()).isEqualTo(200);
    }

    @Test
    void theLiveSessionOfADisabledUserIsRefusedEverywhere() throws Exception {
        app.user("soon-disabled", Role.ADMIN, Set.of());
        String token = app.token("soon-disabled", Role.ADMIN);
        List<Route> console = routes().stream().filter(r -> !r.api()).toList();
        List<WebApp.Session> live = new ArrayList<>();
        for (int i = 0; i < console.size(); i++) {
            WebApp.Session session = app.session();
            assertThat(session.login("soon-disabled", WebApp.ADMIN_PASSWORD).headers().firstValue("Location").orElse(""))
                    .doesNotContain("error");
            assertThat(session.get("/").statusCode()).isEqualTo(200); // signed in, with a CSRF token for its forms
            live.add(session);
        }
        var users = app.bean(io.watchkeeper.core.access.UserStore.class);
        app.bean(io.watchkeeper.web.service.AccessAdmin.class).updateUser(
                users.find("soon-disabled").orElseThrow().id(), Role.ADMIN, Set.of(), false, WebApp.SYSTEM_ADMIN);
        for (int i = 0; i < console.size(); i++) {
            Route route = console.get(i);
            HttpResponse<String> refused = call(live.get(i), route);
            assertThat(refused.statusCode()).as("disabled user's session on " + route + ": " + refused.body())
                    .isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElse("")).as(route.toString()).contains("/login");
            assertThat(live.get(i).get("/").statusCode()).as("session ended by " + route).isEqualTo(302);
        }
        for (Route route : routes().stream().filter(Route::api).toList()) {
            assertThat(call(app.session().bearer(token), route).statusCode()).as(route.toString()).isEqualTo(401);
        }
    }
}
