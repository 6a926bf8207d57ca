package io.watchkeeper.web.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * Bounds one fetch: jgit asks {@link #isCancelled()} while it receives and indexes a pack, and the
 * answer is yes once the deadline passed or the packs received since the start (temporary ones
 * included) outgrew the limit; {@link #exceeded()} then says which, for the check run.
 */
final class FetchBounds implements ProgressMonitor {

    /** Which bound a fetch hit. */
    enum Exceeded { SIZE, TIME }

    private final Path objects;
    private final Path packs;
    private final long maxBytes;
    private final long deadline;
    private final long startBytes;
    private long checkedAt;
    private volatile Exceeded exceeded;

    FetchBounds(Path gitDir, long maxBytes, Duration timeout) {
        this.objects = gitDir.resolve("objects");
        this.packs = objects.resolve("pack");
        this.maxBytes = maxBytes;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.startBytes = size();
    }

    Exceeded exceeded() {
        return exceeded;
    }

    /** After the fetch: a transfer too quick for the periodic check is measured once more. */
    void finish() {
        if (exceeded == null && size() - startBytes > maxBytes) {
            exceeded = Exceeded.SIZE;
        }
    }

    /** Packs, and the temporary pack jgit receives into ({@code objects/incoming_*}). */
    private long size() {
        return size(packs) + size(objects);
    }

    private static long size(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(p -> {
                try {
                    return Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : 0;
                } catch (IOException e) {
                    return 0; // renamed or removed meanwhile
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isCancelled() {
        if (exceeded != null) {
            return true;
        }
        long now = System.nanoTime();
        if (now - deadline > 0) {
            exceeded = Exceeded.TIME;
        } else if (now - checkedAt > 50_000_000L) { // the folder is listed at most 20 times a second
            checkedAt = now;
            if (size() - startBytes > maxBytes) {
                exceeded = Exceeded.SIZE;
            }
        }
        return exceeded != null;
    }

    @Override
    public void start(int totalTasks) {}

    @Override
    public void beginTask(String title, int totalWork) {}

    @Override
    public void update(int completed) {}

    @Override
    public void endTask() {}

    @Override
    public void showDuration(boolean enabled) {}
}
