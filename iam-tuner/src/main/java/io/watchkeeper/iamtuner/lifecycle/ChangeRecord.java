package io.watchkeeper.iamtuner.lifecycle;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.iamtuner.plan.PolicyEdit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSON kept with a change: every edit with its result, and the principals whose AccessDenied
 * events are watched afterwards (the principal itself, or every principal of a shared policy).
 */
public record ChangeRecord(List<Step> steps, List<String> watched) {

    /** One edit and what became of it. */
    public record Step(PolicyEdit edit, EditResult result) {}

    public ChangeRecord {
        steps = new ArrayList<>(steps);
        watched = List.copyOf(watched);
    }

    public static ChangeRecord of(JsonNode json) {
        return Json.mapper().treeToValue(json, ChangeRecord.class);
    }

    public JsonNode json() {
        return Json.tree(this);
    }

    void set(int i, EditResult result) {
        steps.set(i, new Step(steps.get(i).edit(), result));
    }
}
