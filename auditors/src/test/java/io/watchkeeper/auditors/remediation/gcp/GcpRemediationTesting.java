package io.watchkeeper.auditors.remediation.gcp;

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
import io.watchkeeper.watchers.testing.GcpTestOrg;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Findings as the engine hands them to the GCP remediations, plan execution and config comparison. */
final class GcpRemediationTesting {

    private GcpRemediationTesting() {}

    static FindingView finding(String check, String resourceId, String evidenceKey) {
        OffsetDateTime now = OffsetDateTime.now();
        return new FindingView(1, "fingerprint", check, CheckId.of(check).type().id(), "test", GcpTestOrg.PROJECT, "global",
                resourceId, resourceId.substring(resourceId.lastIndexOf('/') + 1), 1, evidenceKey, Json.object(),
                "test finding", Severity.HIGH, 50, null, FindingStatus.OPEN, List.of(), null, now, now, 0);
    }

    static <C extends Record> void execute(Remediation<C> remediation, RemediationPlan plan, CloudSession session) {
        for (ApiCall call : plan.calls()) {
            remediation.execute(call, session);
        }
    }

    static String durableHash(Record config) {
        return CanonicalJson.of(config).durableHash();
    }

    @SuppressWarnings("unchecked")
    static <C extends Record> C with(C config, String field, Object value) {
        ObjectNode tree = (ObjectNode) Json.tree(config);
        tree.set(field, value == null ? null : Json.tree(value));
        return (C) Json.mapper().treeToValue(tree, config.getClass());
    }

    static JsonNode json(String text) {
        return Json.parse(text.replace('\'', '"'));
    }
}
