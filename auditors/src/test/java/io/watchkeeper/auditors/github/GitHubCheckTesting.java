package io.watchkeeper.auditors.github;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Runs a GitHub check by id on a config written as JSON (single quotes allowed). */
final class GitHubCheckTesting {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final GitHubChecks CHECKS = new GitHubChecks(Clock.fixed(NOW, ZoneOffset.UTC));

    private GitHubCheckTesting() {}

    /** Stored JSON leaves out false and zero primitives' absence as null: read absent primitives as false / 0. */
    private static final JsonMapper LENIENT = Json.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    static <T> T parse(Class<T> type, String json) {
        return LENIENT.readValue(json.replace('\'', '"'), type);
    }

    static <C extends Record> List<Evidence> run(String id, String json, TestContext context) {
        Check<C> check = CHECKS.get(id);
        return check.evaluate(parse(check.configType(), json), context);
    }

    static List<Evidence> run(String id, String json) {
        return run(id, json, new TestContext());
    }

    static List<String> keys(String id, String json, TestContext context) {
        return run(id, json, context).stream().map(Evidence::key).toList();
    }

    static List<String> keys(String id, String json) {
        return keys(id, json, new TestContext());
    }
}
