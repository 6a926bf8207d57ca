package io.watchkeeper.codescanner;

import java.nio.file.Path;

/** What to scan. */
public sealed interface ScanRequest {

    /** The folder that is scanned (working tree) or holds the repository. */
    Path path();

    /** The mode's name in reports: tree, commit, diff, history. */
    String mode();

    /** The files on disk under {@code path} (a working tree or any folder). */
    record WorkingTree(Path path) implements ScanRequest {
        @Override public String mode() { return "tree"; }
    }

    /** The tree of one commit of the repository at {@code path}. */
    record Commit(Path path, String revision) implements ScanRequest {
        @Override public String mode() { return "commit"; }
    }

    /** What {@code head} adds since it left {@code base}: {@code BASE...HEAD}. */
    record PullRequest(Path path, String spec) implements ScanRequest {
        @Override public String mode() { return "diff"; }
    }

    /** Every blob ever committed to any ref, once. */
    record History(Path path) implements ScanRequest {
        @Override public String mode() { return "history"; }
    }
}
