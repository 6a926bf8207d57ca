package io.watchkeeper.auditors.remediation.aws;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig.Grant;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.Grantee;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites a bucket ACL without its grants to AllUsers and AuthenticatedUsers: one PutBucketAcl
 * with the owner and every other grant spelled out. Rollback is PutBucketAcl with the owner and
 * grants stored before.
 */
@AutoService(Remediation.class)
public final class S3BucketRemovePublicAclGrantsRemediation implements Remediation<S3BucketConfig> {

    private static final String GROUPS = "http://acs.amazonaws.com/groups/";
    private static final Set<String> PUBLIC = Set.of(GROUPS + "global/AllUsers", GROUPS + "global/AuthenticatedUsers");
    private static final Pattern CANONICAL_ID = Pattern.compile("[0-9a-f]{64}");
    /** Grantee types, the member naming the grantee, and the grantees AWS reports for each. */
    private static final Map<String, Map.Entry<String, Pattern>> GRANTEES = Map.of(
            "CanonicalUser", Map.entry("ID", CANONICAL_ID),
            "Group", Map.entry("URI", Pattern.compile(Pattern.quote(GROUPS)
                    + "(global/AllUsers|global/AuthenticatedUsers|s3/LogDelivery)")),
            "AmazonCustomerByEmail", Map.entry("EmailAddress", Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}")));
    private static final Pattern TYPE = Pattern.compile("CanonicalUser|Group|AmazonCustomerByEmail");
    private static final Pattern PERMISSION = Pattern.compile("READ|WRITE|READ_ACP|WRITE_ACP|FULL_CONTROL");
    private static final Map<String, List<String>> CALLS = Map.of("s3:PutBucketAcl", List.of("Bucket", "AccessControlPolicy"));

    @Override public String id() { return "aws.s3.bucket/remove-public-acl-grants"; }
    @Override public CheckId fixes() { return CheckId.of("aws.s3.bucket/public-acl"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("s3:PutBucketAcl"); }
    @Override public String description() {
        return "Rewrite the bucket ACL without its grants to AllUsers and AuthenticatedUsers, keeping every other grant.";
    }

    @Override
    public RemediationPlan plan(FindingView finding, S3BucketConfig config) {
        String bucket = AwsCalls.valid(config.name(), S3BucketBlockPublicAccessRemediation.BUCKET, "bucket name");
        AwsCalls.accept(this, finding, "arn:aws:s3:::" + bucket, Set.of(fixes()));
        String region = AwsCalls.region(finding);
        List<Grant> grants = config.aclGrants() == null ? List.of() : config.aclGrants();
        List<Grant> kept = grants.stream().filter(g -> g == null || !PUBLIC.contains(g.grantee())).toList();
        if (kept.size() == grants.size()) {
            return AwsCalls.plan(this, finding, region, "nothing to do: the ACL grants nothing to everyone");
        }
        return AwsCalls.plan(this, finding, region, "Remove " + (grants.size() - kept.size())
                + " public grant(s) from the ACL of bucket " + bucket, putAcl(bucket, config.aclOwner(), kept));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, S3BucketConfig before) {
        String bucket = AwsCalls.valid(before.name(), S3BucketBlockPublicAccessRemediation.BUCKET, "bucket name");
        List<ApiCall> calls = applied.empty() ? List.of()
                : List.of(putAcl(bucket, before.aclOwner(), before.aclGrants() == null ? List.of() : before.aclGrants()));
        return AwsCalls.rollback(this, applied, "arn:aws:s3:::" + bucket, "Put back the previous ACL of bucket " + bucket,
                calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        AwsCalls.expect(this, call, CALLS);
        var s3 = AwsCalls.aws(session).s3();
        String bucket = AwsCalls.text(call.parameters(), "Bucket", S3BucketBlockPublicAccessRemediation.BUCKET, "bucket name");
        JsonNode policy = call.parameters().path("AccessControlPolicy");
        String owner = AwsCalls.text(policy.path("Owner"), "ID", CANONICAL_ID, "ACL owner (canonical user id)");
        var grants = grants(policy).stream().map(g -> software.amazon.awssdk.services.s3.model.Grant.builder()
                .grantee(switch (g.granteeType()) {
                    case "CanonicalUser" -> Grantee.builder().type(g.granteeType()).id(g.grantee()).build();
                    case "Group" -> Grantee.builder().type(g.granteeType()).uri(g.grantee()).build();
                    default -> Grantee.builder().type(g.granteeType()).emailAddress(g.grantee()).build();
                })
                .permission(g.permission()).build()).toList();
        AwsCalls.run(call, () -> s3.putBucketAcl(r -> r.bucket(bucket)
                .accessControlPolicy(p -> p.owner(o -> o.id(owner)).grants(grants))));
    }

    /** PutBucketAcl with the owner and exactly {@code grants}, validated by reading it back as {@link #execute} will. */
    private static ApiCall putAcl(String bucket, String owner, List<Grant> grants) {
        ObjectNode params = Json.object().put("Bucket", bucket);
        ObjectNode policy = params.putObject("AccessControlPolicy");
        policy.putObject("Owner").put("ID", AwsCalls.valid(owner, CANONICAL_ID, "ACL owner (canonical user id)"));
        var list = policy.putArray("Grants");
        for (Grant g : grants) {
            if (g == null) {
                throw new InvalidInputException("refusing an ACL with an empty grant");
            }
            var member = g.granteeType() == null ? null : GRANTEES.get(g.granteeType());
            list.addObject().put("Permission", g.permission()).putObject("Grantee").put("Type", g.granteeType())
                    .put(member == null ? "ID" : member.getKey(), g.grantee());
        }
        grants(policy);
        return new ApiCall("s3", "PutBucketAcl", params);
    }

    /** The grants of an AccessControlPolicy parameter, each validated. */
    private static List<Grant> grants(JsonNode policy) {
        List<Grant> out = new ArrayList<>();
        for (JsonNode g : policy.path("Grants")) {
            JsonNode grantee = g.path("Grantee");
            String type = AwsCalls.text(grantee, "Type", TYPE, "grantee type");
            var member = GRANTEES.get(type);
            if (grantee.size() != 2 || g.size() != 2) {
                throw new InvalidInputException("refusing a grant with other members than its grantee and permission");
            }
            out.add(new Grant(type, AwsCalls.text(grantee, member.getKey(), member.getValue(), type + " grantee"),
                    AwsCalls.text(g, "Permission", PERMISSION, "ACL permission")));
        }
        return out;
    }
}
