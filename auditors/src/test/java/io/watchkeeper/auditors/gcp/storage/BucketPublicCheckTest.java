package io.watchkeeper.auditors.gcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class BucketPublicCheckTest {

    private final BucketPublicCheck check = new BucketPublicCheck();

    static GcpBucketConfig bucket(String extra) {
        return Configs.lenient(GcpBucketConfig.class, "{'name':'b','publicAccessPrevention':'inherited'" + extra + "}");
    }

    private static final String PUBLIC_POLICY = ",'policy':{'bindings':[{'role':'roles/storage.objectViewer','members':["
            + "'allUsers','user:a@corp.com']}]}";
    private static final String PUBLIC_ACL = ",'acl':[{'entity':'allAuthenticatedUsers','role':'READER'}]";

    @Test
    void publicIamMembersAndAPublicAclWhileUniformAccessIsOffAreReported() {
        assertThat(check.evaluate(bucket(PUBLIC_POLICY + PUBLIC_ACL), new TestContext())).extracting(Evidence::key)
                .containsExactly("iam:roles/storage.objectViewer:allUsers", "acl:READER:allAuthenticatedUsers");
    }

    @Test
    void anAclIgnoredUnderUniformAccessAndEnforcedPreventionAreNot() {
        assertThat(check.evaluate(bucket(PUBLIC_ACL + ",'uniformBucketLevelAccess':true"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.lenient(GcpBucketConfig.class, "{'name':'b','publicAccessPrevention':'enforced'"
                + PUBLIC_POLICY + PUBLIC_ACL + "}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(bucket(",'acl':[{'entity':'user-allUsers@corp.com','role':'OWNER'}]"), new TestContext())).isEmpty();
    }
}
