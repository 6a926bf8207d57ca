package io.watchkeeper.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.web.testing.WebApp;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parallel password guesses cannot outrun the lockout: an attempt is counted before its password
 * is checked, per username (in PostgreSQL) and per address (in memory).
 */
class LoginLockoutTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static WebApp app;

    @BeforeAll
    static void start() {
        app = WebApp.start("--watchkeeper.security.lockout-threshold=5", "--watchkeeper.security.ip-failures-per-window=5");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A client bound to its own loopback address, with the sign-in form already loaded. */
    private record Attempt(HttpClient http, String csrf) {

        static Attempt prepare(String localAddress) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .localAddress(InetAddress.getByName(localAddress))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            String page = http.send(HttpRequest.newBuilder(URI.create(app.base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            assertThat(m.find()).isTrue();
            return new Attempt(http, m.group(1));
        }

        /** Where the sign-in answer sends the browser: {@code error=bad}, {@code error=locked} or the console. */
        String signIn(String username, String password) throws IOException, InterruptedException {
            String body = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.headers().firstValue("Location").orElse("status " + response.statusCode());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    /** Sends every attempt at once (after all forms are loaded); returns the answers. */
    private static List<String> inParallel(List<Attempt> attempts, List<String> usernames) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts.size(); i++) {
                Attempt attempt = attempts.get(i);
                String username = usernames.get(i);
                int n = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return attempt.signIn(username, "wrong password " + n);
                }));
            }
            go.countDown();
            List<String> result = new ArrayList<>();
            for (Future<String> f : answers) {
                result.add(f.get());
            }
            return result;
        }
    }

    @Test
    void twentyParallelWrongPasswordsLockTheUserAfterFiveChecks() throws Exception {
        app.user("parallel", Role.VIEWER, Set.of());
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(Attempt.prepare("127.0.1." + (10 + i))); // one address each: only the user limit applies
        }
        List<String> answers = inParallel(attempts, java.util.Collections.nCopies(20, "parallel"));
        long checked = answers.stream().filter(a -> a.endsWith("error=bad")).count();
        long locked = answers.stream().filter(a -> a.endsWith("error=locked")).count();
        assertThat(checked + locked).as(answers.toString()).isEqualTo(20);
        assertThat(checked).as("passwords checked: " + answers).isLessThanOrEqualTo(5);
        UserStore.LoginState state = app.bean(UserStore.class).loginState("parallel");
        assertThat(state.failures()).isLessThanOrEqualTo(5);
        assertThat(state.lockedUntil()).isAfter(OffsetDateTime.now());
        // the right password right after is refused while the lock lasts
        assertThat(Attempt.prepare("127.0.1.99").signIn("parallel", WebApp.ADMIN_PASSWORD)).endsWith("error=locked");
    }

    @Test
    void twentyParallelWrongPasswordsFromOneAddressAreCutAtTheAddressLimit() throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(Attempt.prepare("127.0.2.7"));
            usernames.add("sprayed-" + i); // a different username each: only the address limit applies
        }
        List<String> answers = inParallel(attempts, usernames);
        long checked = answers.stream().filter(a -> a.endsWith("error=bad")).count();
        assertThat(checked).as("passwords checked: " + answers).isLessThanOrEqualTo(5);
        assertThat(answers.stream().filter(a -> a.endsWith("error=locked")).count()).isGreaterThanOrEqualTo(15);
        // another address is not affected
        app.user("elsewhere", Role.VIEWER, Set.of());
        assertThat(Attempt.prepare("127.0.2.8").signIn("elsewhere", WebApp.ADMIN_PASSWORD)).doesNotContain("error");
    }
}
