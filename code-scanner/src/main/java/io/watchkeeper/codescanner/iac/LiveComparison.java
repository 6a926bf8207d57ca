package io.watchkeeper.codescanner.iac;

import io.watchkeeper.codescanner.iac.mapping.Planned;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.inventory.LiveConfigDirectory;
import io.watchkeeper.core.inventory.LiveItem;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Planned against live: a declaration whose static name (or ARN) is a watched item of the same
 * type is that item. What the change leaves alone stays as it is live (an S3 bucket's aspects the
 * files do not declare; fields the plan does not know), so the configuration judged is the one the
 * resource would have after apply; the same check on the live configuration says whether the
 * problem exists today.
 */
final class LiveComparison {

    /** S3 bucket aspects and the record fields each sets. */
    private static final Map<String, List<String>> S3_ASPECTS = Map.of(
            "public-access-block", List.of("publicAccessBlock"), "policy", List.of("policy"),
            "acl", List.of("aclOwner", "aclGrants"), "versioning", List.of("versioning", "mfaDelete"),
            "encryption", List.of("encryption"), "logging", List.of("logging"), "ownership", List.of("objectOwnership"));

    /**
     * @param item the live item
     * @param before its live configuration as the check's record
     * @param after the planned resource with the live state where the change leaves it alone
     * @param today whether the problem exists live (set per finding)
     */
    record Match(LiveItem item, Record before, Planned after, boolean today) {
        Match withToday(boolean t) {
            return new Match(item, before, after, t);
        }
    }

    private final LiveConfigDirectory directory;

    LiveComparison(LiveConfigDirectory directory) {
        this.directory = directory;
    }

    Map<Planned, Match> match(List<Planned> planned) {
        Map<Planned, Match> out = new IdentityHashMap<>();
        if (directory == LiveConfigDirectory.NONE) {
            return out;
        }
        Map<String, Set<String>> names = new TreeMap<>();
        for (Planned p : planned) {
            if (p.name() != null) {
                names.computeIfAbsent(p.type(), k -> new TreeSet<>()).add(p.name());
            }
        }
        Map<String, LiveItem> found = new HashMap<>();
        names.forEach((type, n) -> {
            for (LiveItem i : directory.find(type, n)) {
                found.putIfAbsent(type + "\0" + i.name(), i);
                found.putIfAbsent(type + "\0" + i.resourceId(), i);
            }
        });
        for (Planned p : planned) {
            LiveItem item = p.name() == null ? null : found.get(p.type() + "\0" + p.name());
            if (item == null) {
                continue;
            }
            try {
                Record before = Json.mapper().treeToValue(item.config(), p.config().getClass());
                Record after = Json.mapper().treeToValue(overlay(p, item.config()), p.config().getClass());
                out.put(p, new Match(item, before, new Planned(p.type(), p.name(), after, p.origin(), p.parts(), p.unknown(),
                        p.declared()), false));
            } catch (RuntimeException e) {
                // a live configuration that does not decode is no evidence either way
            }
        }
        return out;
    }

    /** The planned configuration over the live one. */
    private static JsonNode overlay(Planned p, JsonNode live) {
        ObjectNode planned = (ObjectNode) Json.tree(p.config());
        ObjectNode out = live.deepCopy() instanceof ObjectNode o ? o : Json.object();
        if (p.type().equals("aws.s3.bucket")) {
            for (String aspect : p.declared()) {
                for (String field : S3_ASPECTS.getOrDefault(aspect, List.of())) {
                    out.set(field, planned.get(field));
                }
            }
            if (planned.hasNonNull("tags")) {
                out.set("tags", planned.get("tags"));
            }
            return out;
        }
        // other types: the declaration sets what it knows; what it does not know (ids, ARNs) stays live
        for (String field : new ArrayList<>(planned.propertyNames())) {
            JsonNode v = planned.get(field);
            if (v != null && !v.isNull()) {
                out.set(field, v);
            }
        }
        return out;
    }

    /** Whether the live configuration has the same problem (same check, same evidence key) today. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    boolean today(Check<?> check, Evidence e, Match m, PlannedContext context) {
        try {
            List<Evidence> now = ((Check) check).evaluate(m.before(), context);
            return now.stream().anyMatch(x -> x.key().equals(e.key()));
        } catch (RuntimeException ex) {
            return false;
        }
    }
}
