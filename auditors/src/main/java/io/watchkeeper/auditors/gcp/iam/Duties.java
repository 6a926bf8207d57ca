package io.watchkeeper.auditors.gcp.iam;

import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Separation of duties in a policy: members (other than service accounts) holding a role of each of two sets. */
final class Duties {

    private Duties() {}

    static List<Evidence> both(GcpIamPolicy policy, Set<String> first, Set<String> second, String firstName, String secondName) {
        Map<String, Set<String>> roles = new TreeMap<>();
        for (Members.Grant g : Members.grants(policy)) {
            if (!Members.isServiceAccount(g.member()) && !Members.isPublic(g.member())) {
                roles.computeIfAbsent(g.member(), m -> new TreeSet<>()).add(g.role());
            }
        }
        List<Evidence> out = new ArrayList<>();
        roles.forEach((member, held) -> {
            Set<String> relevant = new TreeSet<>(held.stream().filter(r -> first.contains(r) || second.contains(r)).toList());
            if (relevant.stream().anyMatch(first::contains) && relevant.stream().anyMatch(second::contains)) {
                out.add(Members.evidence("member:" + member, member + " holds " + firstName + " and " + secondName,
                        Exposure.INTERNAL, Json.object().put("member", member).put("roles", String.join(",", relevant))));
            }
        });
        return out;
    }
}
