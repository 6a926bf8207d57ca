package io.watchkeeper.auditors.remediation.gcp;

import com.google.auto.service.AutoService;
import com.google.cloud.Identity;
import com.google.cloud.Policy;
import com.google.cloud.Role;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.gcp.GcpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes {@code allUsers} and {@code allAuthenticatedUsers} from a bucket's IAM policy. The plan lists
 * the exact (role, member) pairs from the stored policy; execution reads the current policy, removes
 * those pairs and writes it back with the policy's etag ({@code storage.buckets.getIamPolicy} then
 * {@code setIamPolicy}), so a concurrent change makes it fail rather than be overwritten. Rollback adds
 * the same pairs again. Policies with conditional bindings are refused (the Storage client reads
 * version-1 policies); public ACL entries are the uniform-access remediation's.
 */
@AutoService(Remediation.class)
public final class BucketRemovePublicMembersRemediation implements Remediation<GcpBucketConfig> {

    private static final Pattern ROLE = Pattern.compile("(roles|projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/roles)/[A-Za-z0-9_.]{1,100}");
    private static final Pattern PUBLIC = Pattern.compile("allUsers|allAuthenticatedUsers");
    private static final List<String> PARAMETERS = List.of("project", "bucket", "bindings");
    private static final Map<String, List<String>> CALLS = Map.of("storage:buckets.removeIamMembers", PARAMETERS,
            "storage:buckets.addIamMembers", PARAMETERS);

    @Override public String id() { return "gcp.storage.bucket/remove-public-members"; }
    @Override public CheckId fixes() { return CheckId.of("gcp.storage.bucket/public"); }
    @Override public Class<GcpBucketConfig> configType() { return GcpBucketConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("storage.buckets.getIamPolicy", "storage.buckets.setIamPolicy"); }
    @Override public String description() { return "Remove allUsers and allAuthenticatedUsers from the bucket's IAM policy."; }

    @Override
    public RemediationPlan plan(FindingView finding, GcpBucketConfig config) {
        String project = GcpCalls.project(finding);
        String bucket = GcpCalls.valid(config.name(), GcpCalls.BUCKET, "bucket name");
        GcpCalls.accept(this, finding, "//storage.googleapis.com/" + bucket, Set.of(fixes()));
        if (Members.bindings(config.policy()).stream().anyMatch(b -> b.condition() != null)) {
            throw new InvalidInputException("refusing to plan " + id() + " for " + bucket + ": its policy has conditional"
                    + " bindings, which this remediation does not rewrite; remove the public members by hand");
        }
        ArrayNode pairs = Json.mapper().createArrayNode();
        for (Members.Grant g : Members.grants(config.policy())) {
            if (Members.isPublic(g.member())) {
                pairs.addObject().put("role", GcpCalls.valid(g.role(), ROLE, "IAM role")).put("member", g.member());
            }
        }
        if (pairs.isEmpty()) {
            return GcpCalls.plan(this, finding, "nothing to do: no public member in the bucket's IAM policy");
        }
        return GcpCalls.plan(this, finding, "Remove " + pairs.size() + " public grant(s) from the IAM policy of " + bucket,
                call("removeIamMembers", project, bucket, pairs));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GcpBucketConfig before) {
        List<ApiCall> removed = GcpCalls.calls(applied, "buckets.removeIamMembers");
        if (removed.isEmpty()) {
            return GcpCalls.rollback(this, applied, applied.resourceId(), "", List.of());
        }
        JsonNode p = removed.getFirst().parameters();
        String project = GcpCalls.text(p, "project", GcpCalls.PROJECT, "GCP project id");
        String bucket = GcpCalls.valid(before.name(), GcpCalls.BUCKET, "bucket name");
        ArrayNode pairs = Json.mapper().createArrayNode();
        for (Grant pair : pairs(p)) {
            boolean held = Members.grants(before.policy()).stream()
                    .anyMatch(g -> g.role().equals(pair.role()) && g.member().equals(pair.member()));
            if (held) {
                pairs.addObject().put("role", pair.role()).put("member", pair.member());
            }
        }
        return GcpCalls.rollback(this, applied, "//storage.googleapis.com/" + bucket, "Grant the " + pairs.size()
                + " public role(s) of " + bucket + " again", pairs.isEmpty() ? List.of() : List.of(call("addIamMembers", project,
                bucket, pairs)));
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        GcpCalls.expect(this, call, CALLS);
        GcpSession gcp = GcpCalls.gcp(session, call);
        String bucket = GcpCalls.text(call.parameters(), "bucket", GcpCalls.BUCKET, "bucket name");
        List<Grant> pairs = pairs(call.parameters());
        boolean add = call.operation().equals("buckets.addIamMembers");
        GcpCalls.run(call, () -> {
            Policy current = gcp.storage().getIamPolicy(bucket);
            Policy.Builder next = current.toBuilder();
            for (Grant pair : pairs) {
                if (add) {
                    next.addIdentity(Role.of(pair.role()), Identity.valueOf(pair.member()));
                } else if (current.getBindings().getOrDefault(Role.of(pair.role()), Set.of()).contains(Identity.valueOf(pair.member()))) {
                    next.removeIdentity(Role.of(pair.role()), Identity.valueOf(pair.member()));
                }
            }
            return gcp.storage().setIamPolicy(bucket, next.build());
        });
    }

    private record Grant(String role, String member) {}

    /** The (role, public member) pairs of a call, each validated again. */
    private static List<Grant> pairs(JsonNode parameters) {
        JsonNode bindings = parameters.get("bindings");
        if (bindings == null || !bindings.isArray() || bindings.isEmpty() || bindings.size() > 100) {
            throw new InvalidInputException("refusing parameter bindings: 1 to 100 (role, member) pairs expected");
        }
        List<Grant> out = new ArrayList<>();
        for (JsonNode b : bindings) {
            if (!b.isObject() || b.size() != 2) {
                throw new InvalidInputException("refusing parameter bindings: each entry is exactly a role and a member");
            }
            out.add(new Grant(GcpCalls.text(b, "role", ROLE, "IAM role"), GcpCalls.text(b, "member", PUBLIC, "public member")));
        }
        return out;
    }

    private static ApiCall call(String operation, String project, String bucket, ArrayNode pairs) {
        ObjectNode p = Json.object().put("project", project).put("bucket", bucket);
        p.set("bindings", pairs);
        return new ApiCall("storage", "buckets." + operation, p);
    }
}
