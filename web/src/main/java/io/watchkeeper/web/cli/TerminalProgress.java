package io.watchkeeper.web.cli;

import io.watchkeeper.core.watch.ScopeCounts;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.watchers.WatchProgress;
import java.io.PrintWriter;

/** A live one-line progress bar on the terminal: scopes done, failures, items changed. */
final class TerminalProgress implements WatchProgress {

    private static final int WIDTH = 30;
    private final PrintWriter err;
    private int planned;
    private int done;
    private int failed;
    private ScopeCounts counts = ScopeCounts.ZERO;
    private long lastDraw;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void planned(int scopes) {
        planned += scopes;
        draw(false);
    }

    @Override
    public synchronized void scopeFinished(ScopeResult result) {
        done++;
        if (result.failed()) {
            failed++;
        }
        counts = counts.plus(result.counts());
        draw(false);
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = planned == 0 ? WIDTH : (int) ((long) WIDTH * done / planned);
        err.printf("\r[%s%s] %d/%d scopes  %d failed  +%d ~%d -%d items ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, planned, failed, counts.created(), counts.changed(), counts.deleted());
        err.flush();
    }

    /** Ends the bar's line once the run is over. */
    synchronized void finish() {
        draw(true);
        err.println();
        err.flush();
    }
}
