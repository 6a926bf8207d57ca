package io.watchkeeper.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An account watched by Watchkeeper: an AWS account, a GCP project or a GitHub organisation.
 *
 * @param id database id
 * @param provider aws, gcp or github
 * @param name unique short name people use on the command line
 * @param externalId the provider's id (AWS account number, GCP project id, GitHub organisation)
 * @param access how Watchkeeper reaches it (never a secret itself)
 * @param regions regions to watch; empty means "discover the enabled regions"
 * @param tags free-form labels
 * @param active whether scheduled watching includes it
 * @param thirdParty a friendly account that the organisation does not own
 */
public record Account(
        long id,
        Provider provider,
        String name,
        String externalId,
        AccountAccess access,
        List<String> regions,
        Map<String, String> tags,
        boolean active,
        boolean thirdParty) {

    public Account {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(externalId, "externalId");
        access = access == null ? AccountAccess.NONE : access;
        regions = List.copyOf(regions == null ? List.of() : regions);
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }
}
