package io.watchkeeper.watchers.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.ScopeCalls;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class IamRoleWatcherTest extends AwsWatcherTestSupport {

    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String ARN = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":";

    private final IamRoleWatcher watcher = new IamRoleWatcher();

    static String allow(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}]}";
    }

    @Test
    void readsEverythingOfAConfiguredRole() {
        IamClient iam = moto.client(IamClient.builder());
        iam.createRole(r -> r.roleName("app").path("/service/").assumeRolePolicyDocument(TRUST)
                .tags(t -> t.key("team").value("web"), t -> t.key("env").value("prod")));
        iam.putRolePolicy(r -> r.roleName("app").policyName("write-logs").policyDocument(allow("logs:PutLogEvents")));
        iam.putRolePolicy(r -> r.roleName("app").policyName("read-bucket").policyDocument(allow("s3:GetObject")));
        String zeta = iam.createPolicy(r -> r.policyName("zeta").policyDocument(allow("sqs:SendMessage"))).policy().arn();
        String alpha = iam.createPolicy(r -> r.policyName("alpha").policyDocument(allow("sns:Publish"))).policy().arn();
        String boundary = iam.createPolicy(r -> r.policyName("boundary").policyDocument(allow("*"))).policy().arn();
        iam.attachRolePolicy(r -> r.roleName("app").policyArn(zeta));
        iam.attachRolePolicy(r -> r.roleName("app").policyArn(alpha));
        iam.putRolePermissionsBoundary(r -> r.roleName("app").permissionsBoundary(boundary));
        String profile = iam.createInstanceProfile(r -> r.instanceProfileName("app-profile")).instanceProfile().arn();
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("app-profile").roleName("app"));

        List<Observation<IamRoleConfig>> observed = observe(watcher, "us-east-1");
        var o = (Observation.Observed<IamRoleConfig>) observed.getFirst();
        assertThat(observed).hasSize(1);
        assertThat(o.resourceId()).isEqualTo(ARN + "role/service/app");
        assertThat(o.name()).isEqualTo("app");
        assertThat(o.region()).isEqualTo(WatchScope.GLOBAL);

        IamRoleConfig c = o.config();
        assertThat(c.roleName()).isEqualTo("app");
        assertThat(c.arn()).isEqualTo(ARN + "role/service/app");
        assertThat(c.path()).isEqualTo("/service/");
        assertThat(c.roleId()).isNotBlank();
        assertThat(c.createDate()).isNotNull();
        assertThat(c.trustPolicy().parsed()).isTrue();
        assertThat(c.trustPolicy().json().at("/Statement/0/Principal/Service").asString()).isEqualTo("ec2.amazonaws.com");
        assertThat(c.trustPolicy().json().at("/Statement/0/Action").asString()).isEqualTo("sts:AssumeRole");
        assertThat(c.inlinePolicies()).extracting(IamInlinePolicy::name).containsExactly("read-bucket", "write-logs");
        assertThat(c.inlinePolicies().get(0).document().json().at("/Statement/0/Action").asString()).isEqualTo("s3:GetObject");
        assertThat(c.inlinePolicies().get(1).document().json().at("/Statement/0/Action").asString())
                .isEqualTo("logs:PutLogEvents");
        assertThat(c.attachedPolicyArns()).containsExactly(alpha, zeta);
        assertThat(alpha).isEqualTo(ARN + "policy/alpha");
        assertThat(c.permissionsBoundaryArn()).isEqualTo(boundary);
        assertThat(c.instanceProfileArns()).containsExactly(profile);
        assertThat(c.tags()).isEqualTo(Map.of("team", "web", "env", "prod"));
        assertThat(c.lastUsedDate()).isNull();
        assertThat(c.lastUsedRegion()).isNull();
    }

    @Test
    void aBareRoleHasEmptyListsAndNulls() {
        IamClient iam = moto.client(IamClient.builder());
        iam.createRole(r -> r.roleName("bare").assumeRolePolicyDocument(TRUST));

        IamRoleConfig c = configs(watcher, "us-east-1").get("bare");
        assertThat(c.arn()).isEqualTo(ARN + "role/bare");
        assertThat(c.path()).isEqualTo("/");
        assertThat(c.inlinePolicies()).isEmpty();
        assertThat(c.attachedPolicyArns()).isEmpty();
        assertThat(c.permissionsBoundaryArn()).isNull();
        assertThat(c.instanceProfileArns()).isEmpty();
        assertThat(c.tags()).isEmpty();
        assertThat(c.lastUsedDate()).isNull();
    }

    @Test
    void anAccountWithoutRolesHasNone() {
        assertThat(observe(watcher, "us-east-1")).isEmpty();
    }

    @Test
    void lastUseIsEphemeral() {
        assertThat(EphemeralPaths.of(IamRoleConfig.class).describe()).containsExactlyInAnyOrder("lastUsedDate", "lastUsedRegion");
    }

    @Test
    void readsManyRolesWithAFifthOfACallEach() {
        IamClient iam = moto.client(IamClient.builder());
        int roles = 25;
        for (int i = 0; i < roles; i++) {
            String name = "role-" + i;
            iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST));
            iam.putRolePolicy(r -> r.roleName(name).policyName("inline").policyDocument(allow("s3:ListBucket")));
        }

        ScopeCalls calls = new ScopeCalls();
        List<Observation<IamRoleConfig>> observed = calls.run(() -> observe(watcher, "us-east-1"));

        assertThat(observed).hasSize(roles).allMatch(o -> o instanceof Observation.Observed<IamRoleConfig>);
        assertThat(calls.calls()).isPositive().isLessThanOrEqualTo((long) (0.2 * roles));
    }
}
