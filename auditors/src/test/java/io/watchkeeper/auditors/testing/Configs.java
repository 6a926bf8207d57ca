package io.watchkeeper.auditors.testing;

import io.watchkeeper.core.json.Json;

/** Builds typed configs for check tests from JSON text (the stored form), so tests stay short. */
public final class Configs {

    private Configs() {}

    /** {@code json} read into {@code type}; missing fields are null, lists that are missing are null too. */
    public static <T extends Record> T parse(Class<T> type, String json) {
        return Json.read(json.replace('\'', '"'), type);
    }
}
