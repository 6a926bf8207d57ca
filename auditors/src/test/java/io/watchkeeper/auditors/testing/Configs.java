package io.watchkeeper.auditors.testing;

import io.watchkeeper.core.json.Json;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Builds typed configs for check tests from JSON text (the stored form), so tests stay short. */
public final class Configs {

    private Configs() {}

    /** {@code json} read into {@code type}; missing fields are null, lists that are missing are null too. */
    public static <T extends Record> T parse(Class<T> type, String json) {
        return Json.read(json.replace('\'', '"'), type);
    }

    private static final JsonMapper LENIENT = Json.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    /**
     * Like {@link #parse}, with missing primitives read as false / 0 (the GCP records have many boolean
     * settings, and a test names only the ones it is about).
     */
    public static <T extends Record> T lenient(Class<T> type, String json) {
        return LENIENT.readValue(json.replace('\'', '"'), type);
    }
}
