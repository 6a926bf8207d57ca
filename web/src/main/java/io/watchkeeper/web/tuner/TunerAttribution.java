package io.watchkeeper.web.tuner;

import io.watchkeeper.core.tuner.TunerChange;
import io.watchkeeper.core.watch.ChangeAttributions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Tells the watchers which resources a tuner change touched, so the revisions the next watch records for them name
 * the tuner change and the person behind it ("tuner change 31 by jane") as their actor: the principal (its inline
 * policies and attachments are part of the role or user item) and every customer-managed policy the change gave a
 * new default version or created as a copy.
 */
final class TunerAttribution {

    static final Duration LAPSE = Duration.ofDays(7);
    private static final Pattern CUSTOMER_POLICY = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:policy/.+");

    private final ChangeAttributions attributions;

    TunerAttribution(ChangeAttributions attributions) {
        this.attributions = attributions;
    }

    void record(TunerChange change, String actor, Instant at) {
        String type = change.principalArn().contains(":user/") ? "aws.iam.user" : "aws.iam.role";
        attributions.expect(change.accountId(), type, change.principalArn(), actor, at, at.plus(LAPSE));
        for (String policy : policies(change.edits())) {
            attributions.expect(change.accountId(), "aws.iam.policy", policy, actor, at, at.plus(LAPSE));
        }
    }

    /** Customer-managed policy ARNs named in a change's edits and results ({@code policyArn}, {@code copyArn}). */
    static Set<String> policies(JsonNode edits) {
        Set<String> out = new TreeSet<>();
        collect(edits, out);
        return out;
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (String field : new String[] {"policyArn", "copyArn"}) {
                JsonNode v = node.get(field);
                if (v != null && v.isString() && CUSTOMER_POLICY.matcher(v.asString()).matches()) {
                    out.add(v.asString());
                }
            }
        }
        if (node.isContainer()) {
            for (JsonNode child : node) {
                collect(child, out);
            }
        }
    }
}
