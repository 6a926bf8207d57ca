package io.watchkeeper.watchers.aws.iam;

import static io.watchkeeper.watchers.aws.iam.IamRoleWatcherTest.ARN;
import static io.watchkeeper.watchers.aws.iam.IamRoleWatcherTest.TRUST;
import static io.watchkeeper.watchers.aws.iam.IamRoleWatcherTest.allow;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.IamPolicyConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class IamPolicyWatcherTest extends AwsWatcherTestSupport {

    private final IamPolicyWatcher watcher = new IamPolicyWatcher();

    @Test
    void readsTheDefaultVersionOfAnAttachedPolicy() {
        IamClient iam = moto.client(IamClient.builder());
        String arn = iam.createPolicy(r -> r.policyName("deploy").path("/ci/").description("deploys the app")
                .policyDocument(allow("s3:GetObject"))).policy().arn();
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:PutObject")).setAsDefault(true));
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:DeleteObject")).setAsDefault(false));
        iam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(r -> r.roleName("deployer").policyArn(arn));

        List<Observation<IamPolicyConfig>> observed = observe(watcher, "us-east-1");
        assertThat(observed).hasSize(1);
        var o = (Observation.Observed<IamPolicyConfig>) observed.getFirst();
        assertThat(o.resourceId()).isEqualTo(ARN + "policy/ci/deploy");
        assertThat(o.name()).isEqualTo("deploy");
        assertThat(o.region()).isEqualTo(WatchScope.GLOBAL);

        IamPolicyConfig c = o.config();
        assertThat(c.policyName()).isEqualTo("deploy");
        assertThat(c.arn()).isEqualTo(arn).isEqualTo(ARN + "policy/ci/deploy");
        assertThat(c.path()).isEqualTo("/ci/");
        // policyId is not asserted: moto leaves PolicyName and PolicyId out of GetAccountAuthorizationDetails
        assertThat(c.description()).isEqualTo("deploys the app");
        assertThat(c.defaultVersionId()).isEqualTo("v2");
        assertThat(c.document().json().at("/Statement/0/Action").asString()).isEqualTo("s3:PutObject");
        assertThat(c.isAttachable()).isTrue();
        assertThat(c.createDate()).isNotNull();
        assertThat(c.updateDate()).isNotNull();
        assertThat(c.attachmentCount()).isEqualTo(1);
    }

    @Test
    void aNewUnattachedPolicyHasOneVersionAndNoAttachments() {
        IamClient iam = moto.client(IamClient.builder());
        iam.createPolicy(r -> r.policyName("fresh").policyDocument(allow("sqs:SendMessage")));

        IamPolicyConfig c = configs(watcher, "us-east-1").get("fresh");
        assertThat(c.arn()).isEqualTo(ARN + "policy/fresh");
        assertThat(c.path()).isEqualTo("/");
        assertThat(c.description()).isNull();
        assertThat(c.defaultVersionId()).isEqualTo("v1");
        assertThat(c.document().json().at("/Statement/0/Action").asString()).isEqualTo("sqs:SendMessage");
        assertThat(c.attachmentCount()).isZero();
    }

    @Test
    void anAccountWithoutCustomerPoliciesHasNone() {
        assertThat(observe(watcher, "us-east-1")).isEmpty();
    }

    @Test
    void attachmentCountIsEphemeral() {
        assertThat(EphemeralPaths.of(IamPolicyConfig.class).describe()).containsExactly("attachmentCount");
    }
}
