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
 * through security (whatever the handler then says about the dummy ids).
 */
class RouteSecurityTest {

    private static final Pattern ROLE = Pattern.compile("hasRole\\('([A-Z]+)'\\)");
    private static final Set<Class<?>> PUBLIC = Set.of(LoginPage.class);

    private static WebApp app;
    private static final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private static final Map<Role, WebApp.Session> sessions = new EnumMap<>(Role.class);

    /** One route to check. */
    record Route(String method, String path, Role role, String handler, Map<String, String> params) {
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
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method.name(), concrete(pattern), role, handler.toString(), params(handler)));
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
                .anyMatch(r -> r.path().startsWith("/api/v1/teams"));
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
}
