package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;

/**
 * An API key ({@code gcp.apikeys.key}): its restrictions, never the key string.
 *
 * @param name the key's resource name ({@code projects/<number>/locations/global/keys/<uid>})
 * @param uid the key's unique id
 * @param displayName the display name
 * @param restrictions the restrictions (all lists empty: an unrestricted key)
 * @param createTime when the key was created (its age: keys cannot be rotated, only replaced)
 * @param updateTime when it last changed
 */
public record GcpApiKeyConfig(
        String name,
        String uid,
        String displayName,
        Restrictions restrictions,
        Instant createTime,
        @Ephemeral Instant updateTime) {

    /**
     * Where and for what the key may be used.
     *
     * @param applicationType browser, server, android, ios or none
     * @param allowedReferrers browser restrictions, sorted
     * @param allowedIps server restrictions, sorted
     * @param allowedAndroidApps Android apps as {@code package/sha1}, sorted
     * @param allowedIosBundleIds iOS bundle ids, sorted
     * @param apiTargets the APIs (and methods) the key may call, sorted by service
     */
    public record Restrictions(String applicationType, List<String> allowedReferrers, List<String> allowedIps,
                               List<String> allowedAndroidApps, List<String> allowedIosBundleIds,
                               List<ApiTarget> apiTargets) {}

    /** An API the key may call, and which of its methods (empty: all). */
    public record ApiTarget(String service, List<String> methods) {}
}
