package io.watchkeeper.codescanner;

/** Progress of a long scan (a terminal bar); called from scanning threads, so implementations synchronise. */
public interface ScanProgress {

    ScanProgress NONE = new ScanProgress() {};

    /** Walking history: commits walked so far. */
    default void walked(int commits) {}

    /** The files to read are known. */
    default void planned(int files) {}

    /** Files read so far and their bytes. */
    default void scanned(int files, long bytes) {}
}
