package io.watchkeeper.web.testing;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.web.WatchkeeperApplication;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.service.AccessAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;

/** The server ({@code serve}) on a random loopback port and a fresh database, with HTTP helpers. */
public final class WebApp implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    public static final Caller SYSTEM_ADMIN = new Caller("admin", Role.ADMIN, AccountScope.ALL, "password");

    public final TestDatabase db;
    public final Path home;
    public final ConfigurableApplicationContext context;
    public final String base;

    /** Starts with {@link #ADMIN_PASSWORD} for {@code admin}. */
    public static WebApp start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--watchkeeper.admin-password=" + ADMIN_PASSWORD));
        args.addAll(List.of(extra));
        return new WebApp(args);
    }

    /** Starts without a configured admin password (the one-time password path). */
    public static WebApp startWithGeneratedAdmin(String... extra) {
        return new WebApp(TestDatabase.fresh(), List.of(extra));
    }

    /** A second node on {@code first}'s database (its own sessions, caches and port). */
    public static WebApp secondNode(WebApp first, String... extra) {
        List<String> args = new ArrayList<>(List.of("--watchkeeper.admin-password=" + ADMIN_PASSWORD));
        args.addAll(List.of(extra));
        return new WebApp(first.db, args);
    }

    private WebApp(List<String> extra) {
        this(TestDatabase.fresh(), extra);
    }

    private WebApp(TestDatabase db, List<String> extra) {
        this.db = db;
        try {
            home = Files.createTempDirectory("wk-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=postgres", "--watchkeeper.home=" + home,
                "--watchkeeper.scheduler.enabled=false", "--watchkeeper.aws.max-attempts=2"));
        args.addAll(extra);
        if (extra.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            args.add("--server.port=0");
        }
        context = WatchkeeperApplication.serveInTests(args.toArray(String[]::new));
        base = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A token of {@code username} (created by the admin) with a role. */
    public String token(String username, Role role) {
        Caller owner = new Caller(username, role, AccountScope.ALL, "password");
        return bean(AccessAdmin.class).createToken("test-" + role, role, null, null, owner).secret();
    }

    /** Creates a local user with a password. */
    public void user(String username, Role role, Set<Long> accounts) {
        bean(AccessAdmin.class).createUser(username, null, role, accounts, ADMIN_PASSWORD, SYSTEM_ADMIN);
    }

    public Session session() {
        return new Session();
    }

    @Override
    public void close() {
        context.close();
    }

    /** A browser-like client: its own cookies, the last CSRF token it saw. */
    public final class Session {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private String csrf;
        private String bearer;

        /** Uses an API token instead of cookies. */
        public Session bearer(String token) {
            this.bearer = token;
            return this;
        }

        /** Signs in through the form; returns the response to the POST. */
        public HttpResponse<String> login(String username, String password) {
            get("/login");
            return post("/login", Map.of("username", username, "password", password), true);
        }

        public HttpResponse<String> get(String path) {
            HttpResponse<String> response = send(request(path).GET().build());
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        }

        /** A form POST with (or without) the CSRF token. */
        public HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf) {
            Map<String, String> all = new LinkedHashMap<>(form);
            if (withCsrf && csrf != null) {
                all.put("_csrf", csrf);
            }
            String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        /** A request with any method and a JSON body. */
        public HttpResponse<String> json(String method, String path, String json) {
            return send(request(path).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            return b;
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
