package io.watchkeeper.iamtuner.lifecycle;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.iamtuner.aws.PrincipalType;
import io.watchkeeper.iamtuner.plan.ActionDecision;
import io.watchkeeper.iamtuner.plan.Decision;
import io.watchkeeper.iamtuner.plan.PolicyEdit;
import io.watchkeeper.iamtuner.plan.PrincipalPlan;
import io.watchkeeper.iamtuner.policy.Proof;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The stored form of a principal's plan ({@code tuner_plan_principal.detail}): everything a {@link PrincipalPlan} holds,
 * but its decisions grouped — one group per (decision, access level, reason, last use, removed), naming its actions
 * per service as one space-separated string. A role with {@code Allow NotAction} is granted some 21,900 actions, almost
 * all decided alike ("never seen in this account's CloudTrail logs…"): as one JSON object per decision that was about
 * 3.5 MB, grouped it is a few hundred kB. Written straight to a string (never a tree of the whole plan) and read back
 * into the same {@link PrincipalPlan}, decisions in catalogue order (service, then name, actions outside the catalogue
 * last). Rows stored before this form (with an {@code actions} array) are still read.
 */
final class StoredPlan {

    /** Version of the stored form (the older form has no {@code v}). */
    static final int VERSION = 2;

    private StoredPlan() {}

    /** One group of actions decided alike; {@code actions}: service prefix → names separated by one space. */
    record Group(Decision decision, String level, String reason, Instant lastUsed, boolean removed,
                 Map<String, String> actions) {}

    record Form(int v, PrincipalType type, String arn, boolean eligible, String reason, int granted, int used, int unused,
                int unknown, List<String> removed, List<Group> decisions, List<PolicyEdit> edits, Proof proof,
                List<String> denied, List<String> notes, String beforeHash, String owner) {}

    private record Key(Decision decision, String level, String reason, Instant lastUsed, boolean removed) {}

    static String write(PrincipalPlan p) {
        Map<Key, Map<String, StringBuilder>> groups = new LinkedHashMap<>();
        for (ActionDecision d : p.actions()) {
            Map<String, StringBuilder> byService = groups.computeIfAbsent(
                    new Key(d.decision(), d.level(), d.reason(), d.lastUsed(), d.removed()), k -> new TreeMap<>());
            int colon = d.action().indexOf(':');
            String service = colon < 0 ? "" : d.action().substring(0, colon);
            StringBuilder names = byService.computeIfAbsent(service, k -> new StringBuilder());
            if (!names.isEmpty()) {
                names.append(' ');
            }
            names.append(d.action(), colon + 1, d.action().length());
        }
        List<Group> out = new ArrayList<>(groups.size());
        groups.forEach((k, byService) -> {
            Map<String, String> actions = new LinkedHashMap<>();
            byService.forEach((svc, names) -> actions.put(svc, names.toString()));
            out.add(new Group(k.decision(), k.level(), k.reason(), k.lastUsed(), k.removed(), actions));
        });
        return Json.write(new Form(VERSION, p.type(), p.arn(), p.eligible(), p.reason(), p.granted(), p.used(), p.unused(),
                p.unknown(), p.removed(), out, p.edits(), p.proof(), p.denied(), p.notes(), p.beforeHash(), p.owner()));
    }

    static PrincipalPlan read(String text) {
        JsonNode node = Json.parse(text);
        if (!node.has("v")) {
            return Json.mapper().treeToValue(node, PrincipalPlan.class);
        }
        Form f = Json.mapper().treeToValue(node, Form.class);
        if (f.v() != VERSION) {
            throw new IllegalStateException("stored plan form " + f.v() + " is not known to this version");
        }
        List<ActionDecision> actions = new ArrayList<>(f.granted());
        for (Group g : f.decisions()) {
            g.actions().forEach((service, names) -> {
                for (String name : names.split(" ")) {
                    if (!name.isEmpty()) {
                        actions.add(new ActionDecision(service.isEmpty() ? name : service + ":" + name, g.level(),
                                g.decision(), g.reason(), g.lastUsed(), g.removed()));
                    }
                }
            });
        }
        actions.sort(CATALOGUE_ORDER);
        return new PrincipalPlan(f.type(), f.arn(), f.eligible(), f.reason(), f.granted(), f.used(), f.unused(), f.unknown(),
                Objects.requireNonNullElse(f.removed(), List.of()), actions, Objects.requireNonNullElse(f.edits(), List.of()),
                f.proof(), Objects.requireNonNullElse(f.denied(), List.of()), Objects.requireNonNullElse(f.notes(), List.of()),
                f.beforeHash(), f.owner());
    }

    /** The catalogue's order (service prefix, then name ignoring case); actions outside the catalogue (no level) last. */
    static final Comparator<ActionDecision> CATALOGUE_ORDER = Comparator
            .comparing((ActionDecision d) -> d.level().isEmpty())
            .thenComparing(d -> service(d.action()))
            .thenComparing(d -> d.action().substring(d.action().indexOf(':') + 1).toLowerCase(Locale.ROOT))
            .thenComparing(ActionDecision::action);

    private static String service(String action) {
        int colon = action.indexOf(':');
        return colon < 0 ? "" : action.substring(0, colon);
    }
}
