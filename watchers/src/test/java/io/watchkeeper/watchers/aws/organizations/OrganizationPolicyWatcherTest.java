package io.watchkeeper.watchers.aws.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.OrganizationPolicyConfig;
import io.watchkeeper.core.config.aws.OrganizationPolicyConfig.Target;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.watchers.testing.WireStub;
import io.watchkeeper.watchers.testing.WireStub.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;

class OrganizationPolicyWatcherTest extends AwsWatcherTestSupport {

    static final String DENY_LEAVE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}";
    private final OrganizationPolicyWatcher watcher = new OrganizationPolicyWatcher();

    @Test
    void theManagementAccountReadsThePoliciesOfEnabledTypesWithTheirTargets() {
        OrganizationsClient orgs = moto.client(OrganizationsClient.builder());
        orgs.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
        String root = orgs.listRoots().roots().getFirst().id();
        orgs.enablePolicyType(r -> r.rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY));
        String ou = orgs.createOrganizationalUnit(r -> r.parentId(root).name("workloads")).organizationalUnit().id();
        String scp = orgs.createPolicy(r -> r.name("deny-leave").description("members stay").content(DENY_LEAVE)
                .type(PolicyType.SERVICE_CONTROL_POLICY)).policy().policySummary().id();
        orgs.attachPolicy(r -> r.policyId(scp).targetId(ou));
        // a tag policy while tag policies are not enabled in the root: not in force, not listed
        orgs.createPolicy(r -> r.name("tags").content("{\"tags\":{}}").type(PolicyType.TAG_POLICY));

        Map<String, OrganizationPolicyConfig> byName = configs(watcher, "us-east-1");
        assertThat(byName).containsOnlyKeys("deny-leave", "FullAWSAccess");
        OrganizationPolicyConfig c = byName.get("deny-leave");
        assertThat(c.policyId()).isEqualTo(scp);
        assertThat(c.arn()).contains(":policy/").endsWith(scp);
        assertThat(c.type()).isEqualTo("SERVICE_CONTROL_POLICY");
        assertThat(c.description()).isEqualTo("members stay");
        assertThat(c.awsManaged()).isFalse();
        assertThat(c.content().json().at("/Statement/0/Action").asString()).isEqualTo("organizations:LeaveOrganization");
        assertThat(c.targets()).extracting(Target::targetId, Target::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ou, "ORGANIZATIONAL_UNIT"));
        assertThat(byName.get("FullAWSAccess").awsManaged()).isTrue();
        assertThat(byName.get("FullAWSAccess").targets()).extracting(Target::targetId).contains(root, Moto.ACCOUNT_ID);
    }

    @Test
    void anAccountOutsideAnyOrganizationHasNoItemsAndDoesNotFail() {
        assertThat(observe(watcher, "us-east-1")).isEmpty();
    }

    @Test
    void aMemberThatMayNotReadTheOrganizationIsNotApplicableButTheManagementAccountFails() {
        // moto does not refuse members, so Organizations (JSON 1.1) is a wire stub here
        String[] master = {"111122223333"};
        try (WireStub stub = WireStub.start(r -> switch (r.action()) {
            case "DescribeOrganization" -> new Reply(200, "application/x-amz-json-1.1", "{\"Organization\":{"
                    + "\"Id\":\"o-exampleorgid\",\"Arn\":\"arn:aws:organizations::" + master[0]
                    + ":organization/o-exampleorgid\",\"FeatureSet\":\"ALL\",\"MasterAccountId\":\"" + master[0] + "\"}}");
            case "ListRoots" -> new Reply(400, "application/x-amz-json-1.1", "{\"__type\":\"AccessDeniedException\","
                    + "\"Message\":\"You don't have permissions to access this resource.\"}");
            default -> null;
        })) {
            serveFrom("Organizations", stub);
            assertThat(observe(watcher, "us-east-1")).isEmpty();
            master[0] = Moto.ACCOUNT_ID;
            nextRun(); // the organization is asked once per session (one account in one run)
            assertThatThrownBy(() -> observe(watcher, "us-east-1")).isInstanceOfSatisfying(WatchkeeperException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.DENIED));
        }
    }
}
