package io.watchkeeper.watchers.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.IamGroupConfig;
import io.watchkeeper.core.config.aws.IamPolicyConfig;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.FaultProxy;
import io.watchkeeper.watchers.testing.Moto;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;

/**
 * The user, role, group and policy watchers of one session read one GetAccountAuthorizationDetails
 * answer (all four entity types in its filter): one call per account instead of four, the same
 * items as four single-type requests, and a new session (the next run) asks again.
 */
class SharedAuthorizationDetailsTest extends AwsWatcherTestSupport {

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    @Test
    void theFourWatchersOfOneSessionAskOnceAndTheNextRunAsksAgain() throws Exception {
        IamClient iam = moto.client(IamClient.builder());
        iam.createUser(r -> r.userName("alice"));
        iam.createGroup(r -> r.groupName("admins"));
        iam.addUserToGroup(r -> r.groupName("admins").userName("alice"));
        iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(r -> r.roleName("app").policyName("inline").policyDocument(POLICY));
        iam.createPolicy(r -> r.policyName("read").policyDocument(POLICY));
        try (FaultProxy proxy = new FaultProxy(moto.endpoint())) {
            List<String> actions = Collections.synchronizedList(new ArrayList<>());
            proxy.fail(seen -> {
                actions.add(seen.body().replaceAll("^Action=([A-Za-z]+).*$", "$1"));
                return false;
            }, FaultProxy.Fault.serverError());
            Moto.pointProductAt(proxy.endpoint());

            Map<String, IamUserConfig> users = configs(new IamUserWatcher(), "us-east-1");
            Map<String, IamRoleConfig> roles = configs(new IamRoleWatcher(), "us-east-1");
            Map<String, IamGroupConfig> groups = configs(new IamGroupWatcher(), "us-east-1");
            Map<String, IamPolicyConfig> policies = configs(new IamPolicyWatcher(), "us-east-1");

            assertThat(users).containsOnlyKeys("alice");
            assertThat(users.get("alice").groups()).containsExactly("admins");
            assertThat(roles).containsOnlyKeys("app");
            assertThat(roles.get("app").inlinePolicies()).extracting(p -> p.name()).containsExactly("inline");
            assertThat(groups).containsOnlyKeys("admins");
            assertThat(policies).containsOnlyKeys("read");
            assertThat(details(actions)).as("GetAccountAuthorizationDetails calls of one session").isEqualTo(1);

            // the next run reads afresh: a role created in between is seen, and it costs one more call
            iam.createRole(r -> r.roleName("later").assumeRolePolicyDocument(TRUST));
            nextRun();
            assertThat(configs(new IamRoleWatcher(), "us-east-1")).containsOnlyKeys("app", "later");
            assertThat(configs(new IamUserWatcher(), "us-east-1")).containsOnlyKeys("alice");
            assertThat(details(actions)).as("one more call for the next run").isEqualTo(2);
        } finally {
            Moto.pointProductAt(moto.endpoint());
        }
    }

    @Test
    void theSharedAnswerHoldsWhatFourSingleTypeRequestsReturn() {
        IamClient iam = moto.client(IamClient.builder());
        iam.createUser(r -> r.userName("bob"));
        iam.createGroup(r -> r.groupName("ops"));
        iam.createRole(r -> r.roleName("job").assumeRolePolicyDocument(TRUST));
        iam.createPolicy(r -> r.policyName("write").policyDocument(POLICY));

        IamDetails.Details shared = IamDetails.fetch(iam);

        assertThat(shared.users()).isEqualTo(single(iam, EntityType.USER).userDetailList());
        assertThat(shared.roles()).isEqualTo(single(iam, EntityType.ROLE).roleDetailList());
        assertThat(shared.groups()).isEqualTo(single(iam, EntityType.GROUP).groupDetailList());
        assertThat(shared.policies()).isEqualTo(single(iam, EntityType.LOCAL_MANAGED_POLICY).policies());
        assertThat(shared.users()).hasSize(1);
        assertThat(shared.roles()).hasSize(1);
        assertThat(shared.groups()).hasSize(1);
        assertThat(shared.policies()).hasSize(1);
    }

    private static software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse single(
            IamClient iam, EntityType type) {
        return iam.getAccountAuthorizationDetails(r -> r.filter(type).maxItems(1000));
    }

    private static long details(List<String> actions) {
        synchronized (actions) {
            return actions.stream().filter("GetAccountAuthorizationDetails"::equals).count();
        }
    }
}
