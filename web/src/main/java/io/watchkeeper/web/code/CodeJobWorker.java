package io.watchkeeper.web.code;

import io.watchkeeper.core.code.CodeReviewStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs queued webhook work on this node: a few threads claim jobs from the database (skipping those
 * other nodes hold), so any number of nodes share the queue. A delivery taken by this node wakes a
 * thread at once; otherwise the threads look every {@code poll}. A job whose node died is claimed
 * again after {@code stale}; a job that fails is retried until {@code maxAttempts}.
 */
public final class CodeJobWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CodeJobWorker.class);

    private final CodeReviewStore store;
    private final Consumer<CodeReviewStore.Job> handler;
    private final String node;
    private final int threads;
    private final Duration poll;
    private final Duration stale;
    private final int maxAttempts;
    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;

    public CodeJobWorker(CodeReviewStore store, Consumer<CodeReviewStore.Job> handler, String node, int threads,
                         Duration poll, Duration stale, int maxAttempts) {
        this.store = store;
        this.handler = handler;
        this.node = node;
        this.threads = threads;
        this.poll = poll;
        this.stale = stale;
        this.maxAttempts = maxAttempts;
    }

    /** Work was queued on this node: look now. */
    public void nudge() {
        wake.release();
    }

    @Override
    public synchronized void start() {
        stopping = false;
        for (int i = 0; i < threads; i++) {
            running.add(Thread.ofPlatform().daemon().name("code-review-" + i).start(this::loop));
        }
    }

    private void loop() {
        while (!stopping) {
            try {
                boolean worked = runOne();
                if (!worked) {
                    wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warn("code review queue: {}", e.toString());
                    try {
                        Thread.sleep(poll.toMillis());
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    /** Claims and runs one job; false when there was none. */
    public boolean runOne() {
        CodeReviewStore.Job job = store.claim(node, stale, maxAttempts).orElse(null);
        if (job == null) {
            return false;
        }
        String error = null;
        try {
            handler.accept(job);
        } catch (RuntimeException e) {
            LOG.warn("code review job {} ({}, delivery {}) failed: {}", job.id(), job.kind(), job.deliveryId(), e.toString());
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (error != null && job.attempts() < maxAttempts) {
            store.requeue(job.id(), error);
        } else {
            store.finish(job.id(), error);
        }
        return true;
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        running.forEach(Thread::interrupt);
        for (Thread t : running) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return !running.isEmpty();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // stops before the database goes away
    }
}
