package io.watchkeeper.core.model;

import java.util.Arrays;
import java.util.Locale;

/** A cloud or code host whose configuration Watchkeeper watches. */
public enum Provider {
    AWS("aws"),
    GCP("gcp"),
    GITHUB("github");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Provider fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "unknown provider '" + id + "' (expected one of aws, gcp, github)"));
    }
}
