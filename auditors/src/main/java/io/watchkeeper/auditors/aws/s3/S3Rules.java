package io.watchkeeper.auditors.aws.s3;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.list;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Objects;

/**
 * S3 bucket ACLs still in force: Object Ownership is not BucketOwnerEnforced, so ACLs decide access
 * beside the policy. A bucket without ownership controls counts only when its ACL grants someone
 * other than the owner (emulators and old answers leave the setting unknown).
 */
@AutoService(CheckSet.class)
public final class S3Rules implements CheckSet {

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.s3.bucket/acls-enabled", S3BucketConfig.class, Severity.LOW)
                        .title("S3 bucket still uses ACLs (Object Ownership not enforced)")
                        .why("With ACLs on, objects can be made public or owned by other accounts one object at a time,"
                                + " outside the bucket policy that reviews look at.")
                        .fix("Set Object Ownership to BucketOwnerEnforced after moving any needed ACL grant into the policy.")
                        .when(S3Rules::aclsInForce, "object-ownership",
                                b -> "Bucket " + b.name() + " has Object Ownership " + Objects.requireNonNullElse(
                                        b.objectOwnership(), "unset") + " (ACLs in force)", Exposure.INTERNAL,
                                b -> details("objectOwnership", b.objectOwnership())));
    }

    static boolean aclsInForce(S3BucketConfig b) {
        if (b.objectOwnership() != null) {
            return !"BucketOwnerEnforced".equals(b.objectOwnership());
        }
        return list(b.aclGrants()).stream().anyMatch(g -> g.grantee() != null && !g.grantee().equals(b.aclOwner()));
    }
}
