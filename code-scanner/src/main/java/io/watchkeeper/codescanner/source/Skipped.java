package io.watchkeeper.codescanner.source;

import io.watchkeeper.codescanner.secrets.SkipPolicy;

/** A file that was not scanned, and why. */
public record Skipped(String path, SkipPolicy.Reason reason) {}
