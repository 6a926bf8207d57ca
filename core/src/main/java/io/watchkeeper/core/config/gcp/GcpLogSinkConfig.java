package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;

/**
 * A project log sink ({@code gcp.logging.sink}); {@code _Required} and {@code _Default} included.
 *
 * @param name the sink's name
 * @param destination {@code storage.googleapis.com/<bucket>}, {@code bigquery.googleapis.com/…}, {@code logging.googleapis.com/…}, …
 * @param filter the inclusion filter (empty: every entry)
 * @param disabled whether the sink is disabled
 * @param includeChildren whether entries of child resources are included (folder and organisation sinks)
 * @param writerIdentity the identity that writes to the destination
 * @param exclusions exclusion filters, sorted by name
 * @param createTime when the sink was created
 * @param updateTime when it last changed
 */
public record GcpLogSinkConfig(
        String name,
        String destination,
        String filter,
        boolean disabled,
        boolean includeChildren,
        String writerIdentity,
        List<Exclusion> exclusions,
        Instant createTime,
        @Ephemeral Instant updateTime) {

    /** An exclusion filter. */
    public record Exclusion(String name, String filter, boolean disabled) {}
}
