package io.watchkeeper.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.web.testing.WebApp;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ReadAdmissionTest {

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        return request;
    }

    /** Runs a request on its own virtual thread; the chain is {@code chain}. */
    private static CompletableFuture<MockHttpServletResponse> run(ReadAdmission admission, String method, String path,
                                                                  FilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        return CompletableFuture.supplyAsync(() -> {
            try {
                admission.doFilter(request(method, path), response, chain);
                return response;
            } catch (IOException | ServletException e) {
                throw new IllegalStateException(e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** A read that has its turn and keeps it until {@link #finish}. */
    private record Holder(CountDownLatch release, CompletableFuture<MockHttpServletResponse> response) {
        void finish() throws Exception {
            release.countDown();
            assertThat(response.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
    }

    /** Starts a GET of {@code path} that takes the admission's turn and returns once it is running. */
    private static Holder hold(ReadAdmission admission, String path) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> response = run(admission, "GET", path, (req, res) -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the holder runs").isTrue();
        return new Holder(release, response);
    }

    private static void await(ReadAdmission admission, int waiting) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (admission.waiting() != waiting) {
            assertThat(System.nanoTime()).as("%d reads waiting", waiting).isLessThan(until);
            Thread.sleep(5);
        }
    }

    @Test
    void readsBeyondTheLimitWaitAndAreServedInArrivalOrder() throws Exception {
        ReadAdmission admission = new ReadAdmission(1, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> served = new ConcurrentLinkedQueue<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        FilterChain chain = (req, res) -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            served.add(((jakarta.servlet.http.HttpServletRequest) req).getRequestURI());
            if (((jakarta.servlet.http.HttpServletRequest) req).getRequestURI().equals("/items")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            inside.decrementAndGet();
        };
        CompletableFuture<MockHttpServletResponse> first = run(admission, "GET", "/items", chain);
        while (served.isEmpty()) {
            Thread.sleep(5);
        }
        List<CompletableFuture<MockHttpServletResponse>> later = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            later.add(run(admission, "GET", "/api/v1/items/" + i, chain));
            await(admission, i); // each queued before the next arrives
        }
        assertThat(served).containsExactly("/items");
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<MockHttpServletResponse> f : later) {
            assertThat(f.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(served).containsExactly("/items", "/api/v1/items/1", "/api/v1/items/2", "/api/v1/items/3",
                "/api/v1/items/4", "/api/v1/items/5");
        assertThat(mostInside.get()).isEqualTo(1);
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void aReadThatWaitsPastTheTimeoutIsTold503WithRetryAfterAndNeverRuns() throws Exception {
        ReadAdmission admission = new ReadAdmission(1, Duration.ofMillis(200));
        AtomicInteger ran = new AtomicInteger();
        Holder holder = hold(admission, "/findings");
        MockHttpServletResponse late = run(admission, "GET", "/items", (req, res) -> ran.incrementAndGet())
                .get(10, TimeUnit.SECONDS);
        assertThat(late.getStatus()).isEqualTo(503);
        assertThat(late.getHeader("Retry-After")).isEqualTo("1");
        assertThat(ran).hasValue(0);
        // the API answers its usual RFC 9457 problem, the path JSON-escaped
        MockHttpServletResponse api = run(admission, "GET", "/api/v1/items/\"x", (req, res) -> ran.incrementAndGet())
                .get(10, TimeUnit.SECONDS);
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getHeader("Retry-After")).isEqualTo("1");
        assertThat(api.getContentType()).startsWith("application/problem+json");
        tools.jackson.databind.JsonNode problem = io.watchkeeper.core.json.Json.parse(api.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("title").asString()).isEqualTo("Service Unavailable");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/items/\"x");
        assertThat(ran).hasValue(0);
        holder.finish();
        // the permit came back: the next read runs at once
        assertThat(run(admission, "GET", "/items", (req, res) -> ran.incrementAndGet()).get(10, TimeUnit.SECONDS)
                .getStatus()).isEqualTo(200);
        assertThat(ran).hasValue(1);
    }

    @Test
    void writesHealthChecksMetricsAndStaticFilesAreNeverHeldBack() throws Exception {
        ReadAdmission admission = new ReadAdmission(1, Duration.ofMillis(100));
        Holder holder = hold(admission, "/items");
        AtomicInteger ran = new AtomicInteger();
        for (String[] r : new String[][] {{"POST", "/api/v1/findings/triage"}, {"PUT", "/api/v1/checks/x"},
                {"DELETE", "/api/v1/tokens/1"}, {"GET", "/actuator/health"}, {"GET", "/actuator/prometheus"},
                {"GET", "/css/app.css"}, {"GET", "/js/app.js"}, {"GET", "/favicon.svg"}}) {
            assertThat(run(admission, r[0], r[1], (req, res) -> ran.incrementAndGet()).get(10, TimeUnit.SECONDS)
                    .getStatus()).as("%s %s", r[0], r[1]).isEqualTo(200);
        }
        assertThat(ran).hasValue(8);
        // a read of a look-alike path is held back like any other read
        assertThat(run(admission, "GET", "/actuatorx/health", (req, res) -> ran.incrementAndGet())
                .get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(503);
        holder.finish();
    }

    @Test
    void aFailingRequestGivesItsTurnBack() throws Exception {
        ReadAdmission admission = new ReadAdmission(1, Duration.ofMillis(200));
        for (int i = 0; i < 3; i++) {
            CompletableFuture<MockHttpServletResponse> failing = run(admission, "GET", "/items", (req, res) -> {
                throw new IllegalStateException("boom");
            });
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("boom");
        }
        assertThat(run(admission, "GET", "/items", (req, res) -> { }).get(10, TimeUnit.SECONDS).getStatus())
                .isEqualTo(200);
    }

    @Test
    void settingsDefaultToFourPerProcessorAndRefuseNonsense() {
        assertThat(new HttpSettings(0, Duration.ofSeconds(30)).readsAtOnce())
                .isEqualTo(4 * Runtime.getRuntime().availableProcessors());
        assertThat(new HttpSettings(3, Duration.ofSeconds(30)).readsAtOnce()).isEqualTo(3);
        assertThatThrownBy(() -> new HttpSettings(-1, Duration.ofSeconds(30)))
                .hasMessageContaining("watchkeeper.http.max-concurrent-reads");
        assertThatThrownBy(() -> new HttpSettings(4, Duration.ZERO)).hasMessageContaining("watchkeeper.http.queue-timeout");
    }

    @Test
    void theServerAdmitsReadsBeforeItsSecurityFiltersAndServesABurstThroughOnePermit() throws Exception {
        try (WebApp app = WebApp.start("--watchkeeper.http.max-concurrent-reads=1", "--watchkeeper.http.queue-timeout=60s")) {
            FilterRegistrationBean<?> admission = app.context.getBeansOfType(FilterRegistrationBean.class).values()
                    .stream().filter(b -> b.getFilter() instanceof ReadAdmission).findFirst().orElseThrow();
            int security = app.context.getBeansOfType(DelegatingFilterProxyRegistrationBean.class).values().stream()
                    .filter(b -> "springSecurityFilterChain".equals(b.getFilterName())).findFirst().orElseThrow()
                    .getOrder();
            assertThat(admission.getOrder()).isLessThan(security);
            String token = app.token("admin", Role.VIEWER);
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 16; i++) {
                    burst.add(CompletableFuture.supplyAsync(() -> app.session().bearer(token).get("/api/v1/items?limit=5"), pool));
                }
                for (CompletableFuture<HttpResponse<String>> r : burst) {
                    assertThat(r.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                }
            }
            assertThat(app.session().get("/actuator/health").statusCode()).isEqualTo(200);
        }
    }
}
