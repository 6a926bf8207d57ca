package io.watchkeeper.core.watch;

import io.watchkeeper.core.json.CanonicalJson.Canonical;
import java.util.Objects;

/** One resource ready to store: identity plus canonical config and hashes. */
public record ObservedItem(String resourceId, String name, String region, Canonical config) {

    public ObservedItem {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(config, "config");
    }
}
