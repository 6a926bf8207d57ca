package io.watchkeeper.web.tuner;

import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.tuner.TunerChange;
import io.watchkeeper.core.watch.ChangeAttributions;
import java.time.Duration;
import io.watchkeeper.iamtuner.aws.AccountIam;
import io.watchkeeper.iamtuner.aws.IamPrincipal;
import io.watchkeeper.iamtuner.aws.ManagedPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells the watchers which resources a tuner change touched, so the revisions the next watch records for them name
 * the tuner change and the person behind it ("tuner change 31 by jane") as their actor: the principal (its inline
 * policies and attachments are part of the role or user item) and every customer-managed policy the change gave a
 * new default version or created as a copy. The revision is credited to the tuner only when it holds what IAM held
 * right after the tuner's change; when a person changed the resource in between, it stays unattributed.
 */
final class TunerAttribution {

    static final Duration LAPSE = Duration.ofDays(7);
    private static final Pattern CUSTOMER_POLICY = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:policy/.+");

    private final ChangeAttributions attributions;

    TunerAttribution(ChangeAttributions attributions) {
        this.attributions = attributions;
    }

    /**
     * Expects the next revisions of what {@code change} touched to be the tuner's, each only while it holds what IAM
     * held right after the change ({@code after}, read back once the change was made): a principal's inline policies and
     * attached policies, a customer-managed policy's default version and document. A principal's change is expected
     * only for a principal the change names (for a shared policy's change, the policy alone changed).
     */
    void record(TunerChange change, String actor, Instant at, AccountIam after) {
        String arn = change.principalArn();
        if (arn.contains(":role/") || arn.contains(":user/")) {
            String type = arn.contains(":user/") ? "aws.iam.user" : "aws.iam.role";
            attributions.expect(change.accountId(), type, arn, actor, at, at.plus(LAPSE),
                    after.principal(arn).map(TunerAttribution::expected).orElse(GONE));
        }
        for (String policy : policies(change.edits())) {
            ManagedPolicy p = after.policies().get(policy);
            attributions.expect(change.accountId(), "aws.iam.policy", policy, actor, at, at.plus(LAPSE),
                    p == null ? GONE : expected(p));
        }
    }

    /** Nothing a watch can observe matches it: the resource was not there after the change. */
    private static final JsonNode GONE = Json.object().put("arn", "(not there after the change)");

    /** The fields of the watcher's role or user configuration the tuner changes ({@code IamRoleConfig}, {@code IamUserConfig}). */
    static JsonNode expected(IamPrincipal p) {
        List<IamInlinePolicy> inline = new ArrayList<>();
        p.inline().forEach((name, doc) -> inline.add(new IamInlinePolicy(name, PolicyDocument.parse(doc))));
        ObjectNode out = Json.object();
        out.set("inlinePolicies", Json.tree(inline));
        out.set("attachedPolicyArns", Json.tree(p.attached().stream().sorted().toList()));
        return out;
    }

    /** The fields of the watcher's customer-managed policy configuration the tuner changes ({@code IamPolicyConfig}). */
    static JsonNode expected(ManagedPolicy p) {
        ObjectNode out = Json.object();
        out.put("defaultVersionId", p.defaultVersionId());
        out.set("document", Json.tree(PolicyDocument.parse(p.document())));
        return out;
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
