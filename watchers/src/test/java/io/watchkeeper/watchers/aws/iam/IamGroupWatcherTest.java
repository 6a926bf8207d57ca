package io.watchkeeper.watchers.aws.iam;

import static io.watchkeeper.watchers.aws.iam.IamRoleWatcherTest.ARN;
import static io.watchkeeper.watchers.aws.iam.IamRoleWatcherTest.allow;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.IamGroupConfig;
import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class IamGroupWatcherTest extends AwsWatcherTestSupport {

    private final IamGroupWatcher watcher = new IamGroupWatcher();

    @Test
    void readsAGroupsPolicies() {
        IamClient iam = moto.client(IamClient.builder());
        iam.createGroup(r -> r.groupName("admins").path("/ops/"));
        iam.putGroupPolicy(r -> r.groupName("admins").policyName("z-ec2").policyDocument(allow("ec2:*")));
        iam.putGroupPolicy(r -> r.groupName("admins").policyName("a-iam").policyDocument(allow("iam:*")));
        String second = iam.createPolicy(r -> r.policyName("second").policyDocument(allow("sqs:*"))).policy().arn();
        String first = iam.createPolicy(r -> r.policyName("first").policyDocument(allow("sns:*"))).policy().arn();
        iam.attachGroupPolicy(r -> r.groupName("admins").policyArn(second));
        iam.attachGroupPolicy(r -> r.groupName("admins").policyArn(first));
        iam.createUser(r -> r.userName("member"));
        iam.addUserToGroup(r -> r.groupName("admins").userName("member"));

        List<Observation<IamGroupConfig>> observed = observe(watcher, "us-east-1");
        assertThat(observed).hasSize(1);
        var o = (Observation.Observed<IamGroupConfig>) observed.getFirst();
        assertThat(o.resourceId()).isEqualTo(ARN + "group/ops/admins");
        assertThat(o.name()).isEqualTo("admins");
        assertThat(o.region()).isEqualTo(WatchScope.GLOBAL);

        IamGroupConfig c = o.config();
        assertThat(c.groupName()).isEqualTo("admins");
        assertThat(c.arn()).isEqualTo(ARN + "group/ops/admins");
        assertThat(c.path()).isEqualTo("/ops/");
        assertThat(c.groupId()).isNotBlank();
        assertThat(c.createDate()).isNotNull();
        assertThat(c.inlinePolicies()).extracting(IamInlinePolicy::name).containsExactly("a-iam", "z-ec2");
        assertThat(c.inlinePolicies().get(0).document().json().at("/Statement/0/Action").asString()).isEqualTo("iam:*");
        assertThat(c.inlinePolicies().get(1).document().json().at("/Statement/0/Action").asString()).isEqualTo("ec2:*");
        assertThat(c.attachedPolicyArns()).containsExactly(first, second);
    }

    @Test
    void aBareGroupHasNoPolicies() {
        IamClient iam = moto.client(IamClient.builder());
        iam.createGroup(r -> r.groupName("empty"));

        IamGroupConfig c = configs(watcher, "us-east-1").get("empty");
        assertThat(c.arn()).isEqualTo(ARN + "group/empty");
        assertThat(c.path()).isEqualTo("/");
        assertThat(c.inlinePolicies()).isEmpty();
        assertThat(c.attachedPolicyArns()).isEmpty();
    }
}
