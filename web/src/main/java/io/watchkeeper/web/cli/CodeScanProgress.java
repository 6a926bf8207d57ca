package io.watchkeeper.web.cli;

import io.watchkeeper.codescanner.ScanProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress display on the terminal for long scans (history): commits walked, files and MiB read. */
final class CodeScanProgress implements ScanProgress {

    private final PrintWriter err;
    private int commits;
    private int planned;
    private int files;
    private long bytes;
    private long lastDraw;

    CodeScanProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void walked(int n) {
        commits = n;
        draw(false);
    }

    @Override
    public synchronized void planned(int n) {
        planned = n;
        files = 0;
        bytes = 0;
        draw(false);
    }

    @Override
    public synchronized void scanned(int n, long b) {
        files = Math.max(files, n);
        bytes = Math.max(bytes, b);
        draw(false);
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        err.printf(Locale.ROOT, "\r%s%d/%d files  %.1f MiB ", commits > 0 ? commits + " commits  " : "", files, planned,
                bytes / 1048576.0);
        err.flush();
    }

    synchronized void finish() {
        draw(true);
        err.println();
        err.flush();
    }
}
