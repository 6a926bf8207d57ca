package io.watchkeeper.auditors.aws.s3;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;

import io.watchkeeper.auditors.testing.RuleCase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** S3 ACLs still in force. */
public class S3RulesTest {

    public static final List<RuleCase> CASES = List.of(
            fails("aws.s3.bucket/acls-enabled", "{'name':'b','objectOwnership':'ObjectWriter'}", "object-ownership"),
            fails("aws.s3.bucket/acls-enabled", "{'name':'b','objectOwnership':'BucketOwnerPreferred'}", "object-ownership"),
            fails("aws.s3.bucket/acls-enabled", "{'name':'b','aclOwner':'o1','aclGrants':[{'granteeType':'CanonicalUser',"
                    + "'grantee':'o2','permission':'READ'}]}", "object-ownership"),
            passes("aws.s3.bucket/acls-enabled", "{'name':'b','objectOwnership':'BucketOwnerEnforced'}", "enforced"),
            passes("aws.s3.bucket/acls-enabled", "{'name':'b','aclOwner':'o1','aclGrants':[{'granteeType':'CanonicalUser',"
                    + "'grantee':'o1','permission':'FULL_CONTROL'}]}", "setting unknown and only the owner in the ACL"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }
}
