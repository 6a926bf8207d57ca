package io.watchkeeper.auditors.remediation.aws;

import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.watchers.testing.Moto;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Findings as the engine hands them to remediations, plan execution, and config comparison for the tests. */
final class RemediationTesting {

    private RemediationTesting() {}

    /** A finding of {@code check} on {@code resourceId} with the evidence {@code evidenceJson} (single quotes allowed). */
    static FindingView finding(String check, String resourceId, String region, String evidenceKey, String evidenceJson) {
        OffsetDateTime now = OffsetDateTime.now();
        return new FindingView(1, "fingerprint", check, CheckId.of(check).type().id(), "test", Moto.ACCOUNT_ID, region,
                resourceId, resourceId.substring(resourceId.lastIndexOf('/') + 1), 1, evidenceKey,
                Json.parse(evidenceJson.replace('\'', '"')), "test finding", Severity.HIGH, 50, null, FindingStatus.OPEN,
                List.of(), null, now, now, 0);
    }

    /** Runs every call of {@code plan}, in order. */
    static <C extends Record> void execute(Remediation<C> remediation, RemediationPlan plan, CloudSession session) {
        for (ApiCall call : plan.calls()) {
            remediation.execute(call, session);
        }
    }

    /** The durable hash Watchkeeper stores for a config: equal hashes mean the same configuration. */
    static String durableHash(Record config) {
        return CanonicalJson.of(config).durableHash();
    }

    /** {@code config} with one field replaced, as a tampered store or a hostile resource owner would have it. */
    @SuppressWarnings("unchecked")
    static <C extends Record> C with(C config, String field, Object value) {
        ObjectNode tree = (ObjectNode) Json.tree(config);
        if (value == null) {
            tree.putNull(field);
        } else {
            tree.set(field, Json.tree(value));
        }
        return (C) Json.mapper().treeToValue(tree, config.getClass());
    }

    static JsonNode json(String text) {
        return Json.parse(text.replace('\'', '"'));
    }
}
