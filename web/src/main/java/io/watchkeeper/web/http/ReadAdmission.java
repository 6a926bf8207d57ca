package io.watchkeeper.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Console and API reads (GET/HEAD) run at most N at once on a node and the rest wait in arrival order.
 * Requests run on virtual threads, which give up their processor only when they wait (for the
 * database, mostly): with every request admitted at once, each of a page's database round trips queues
 * behind every other request's work again, so a page's latency grows with the number of clients times
 * its round trips and the slowest pages see several times the median. Admitting a few per processor
 * keeps the processors as busy and lets a request that has started finish: it waits once, at the door.
 * Writes are not held back (few, and some wait for a cloud API); neither are health checks, metrics and
 * static files, which must answer while the node is busy.
 */
public final class ReadAdmission extends OncePerRequestFilter {

    private final Semaphore permits;
    private final long timeoutNanos;

    public ReadAdmission(int readsAtOnce, Duration queueTimeout) {
        if (readsAtOnce < 1) {
            throw new IllegalArgumentException("at least one read at once");
        }
        this.permits = new Semaphore(readsAtOnce, true);
        this.timeoutNanos = queueTimeout.toNanos();
    }

    /** Reads waiting for their turn now (a gauge). */
    public int waiting() {
        return permits.getQueueLength();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.equals("/favicon.svg");
    }

    /** 503 with Retry-After: an RFC 9457 problem for the API (as its other errors), the error page otherwise. */
    private static void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        // no request text is echoed: the path is the only request-derived value and it is JSON-escaped
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"The server is busy; retry after the Retry-After header's seconds.\",\"instance\":"
                + io.watchkeeper.core.json.Json.write(path) + "}");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            busy(request, response);
            return;
        }
        if (!admitted) {
            busy(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
