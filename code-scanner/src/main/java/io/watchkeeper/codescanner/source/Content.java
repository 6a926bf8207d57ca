package io.watchkeeper.codescanner.source;

import io.watchkeeper.core.secrets.SkipPolicy;

/** A file's bytes as read ({@code data[0, length)}), or the reason it was not read. */
public record Content(byte[] data, int length, SkipPolicy.Reason skipped) {

    public static Content skipped(SkipPolicy.Reason reason) {
        return new Content(null, 0, reason);
    }
}
