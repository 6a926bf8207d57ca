package io.watchkeeper.codescanner.source;

import io.watchkeeper.core.secrets.SkipPolicy;

/** A file that was not scanned, and why. */
public record Skipped(String path, SkipPolicy.Reason reason) {}
