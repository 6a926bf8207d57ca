package io.watchkeeper.web.remediation;

import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Computing plans and rollback plans from stored (JSON) configurations. */
final class Plans {

    private Plans() {}

    static <C extends Record> RemediationPlan plan(Remediation<C> remediation, FindingView finding, JsonNode config) {
        return remediation.plan(finding, Json.mapper().treeToValue(config, remediation.configType()));
    }

    static <C extends Record> RemediationPlan rollback(Remediation<C> remediation, RemediationPlan applied,
                                                      JsonNode before) {
        return remediation.rollback(applied, Json.mapper().treeToValue(before, remediation.configType()));
    }

    /** The calls in a form that compares equal exactly when the calls do. */
    static String canonical(List<ApiCall> calls) {
        return Json.write(CanonicalJson.sorted(Json.tree(calls)));
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
    }
}
