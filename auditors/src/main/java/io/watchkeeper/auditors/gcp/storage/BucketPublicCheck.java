package io.watchkeeper.auditors.gcp.storage;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** CIS 5.1: allUsers or allAuthenticatedUsers in the bucket's IAM policy, or in its ACL while uniform access is off; nothing when public access prevention is enforced. */
@AutoService(Check.class)
public final class BucketPublicCheck extends GcpCheck<GcpBucketConfig> {

    public BucketPublicCheck() {
        super("gcp.storage.bucket/public", GcpBucketConfig.class, Severity.CRITICAL, "Bucket is readable or writable by allUsers or allAuthenticatedUsers",
                "Anyone on the internet (or anyone with a Google account) can list, read or write the objects, the most common cause of cloud data leaks.",
                "Remove allUsers and allAuthenticatedUsers from the bucket's IAM policy (and ACL), and enforce public access prevention.", "5.1");
    }

    @Override
    public List<Evidence> evaluate(GcpBucketConfig bucket, AuditContext context) {
        if ("enforced".equalsIgnoreCase(bucket.publicAccessPrevention())) {
            return List.of(); // GCP refuses public access whatever the policy says
        }
        List<Evidence> out = new ArrayList<>();
        for (Members.Grant g : Members.grants(bucket.policy())) {
            if (Members.isPublic(g.member())) {
                out.add(Members.evidence("iam:" + g.role() + ":" + g.member(), g.member() + " holds " + g.role()
                        + (g.conditional() ? " (under a condition)" : ""), Exposure.INTERNET,
                        Json.object().put("role", g.role()).put("member", g.member())));
            }
        }
        if (!bucket.uniformBucketLevelAccess()) {
            for (var acl : Members.list(bucket.acl())) {
                if (Members.isPublic(acl.entity())) {
                    out.add(Members.evidence("acl:" + acl.role() + ":" + acl.entity(), "The ACL gives " + acl.entity() + " "
                            + acl.role(), Exposure.INTERNET, Json.object().put("role", acl.role()).put("entity", acl.entity())));
                }
            }
        }
        return out;
    }
}
