package io.watchkeeper.watchers.aws.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.FaultProxy;
import io.watchkeeper.watchers.testing.Moto;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * The policy and delegated-administrator watchers of one session ask DescribeOrganization once
 * (also when the account is in no organization); the next run asks again and sees a change.
 */
class SharedOrganizationTest extends AwsWatcherTestSupport {

    @Test
    void oneDescribeOrganizationPerSessionAndTheNextRunAsksAgain() throws Exception {
        try (FaultProxy proxy = new FaultProxy(moto.endpoint())) {
            List<String> targets = Collections.synchronizedList(new ArrayList<>());
            proxy.fail(seen -> {
                targets.add(String.valueOf(seen.target()));
                return false;
            }, FaultProxy.Fault.serverError());
            Moto.pointProductAt(proxy.endpoint());

            // no organization: both types have no items, one question
            assertThat(observe(new OrganizationPolicyWatcher(), "us-east-1")).isEmpty();
            assertThat(observe(new DelegatedAdministratorWatcher(), "us-east-1")).isEmpty();
            assertThat(describeCalls(targets)).as("DescribeOrganization calls, no organization").isEqualTo(1);

            // the next run after the organization was created sees it, with one more question for both types
            OrganizationsClient orgs = moto.client(OrganizationsClient.builder());
            orgs.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
            String root = orgs.listRoots().roots().getFirst().id();
            orgs.enablePolicyType(r -> r.rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY));
            nextRun();
            assertThat(configs(new OrganizationPolicyWatcher(), "us-east-1")).containsKey("FullAWSAccess");
            assertThat(observe(new DelegatedAdministratorWatcher(), "us-east-1")).isEmpty();
            assertThat(describeCalls(targets)).as("DescribeOrganization calls after the second run").isEqualTo(2);
        } finally {
            Moto.pointProductAt(moto.endpoint());
        }
    }

    private static long describeCalls(List<String> targets) {
        synchronized (targets) {
            return targets.stream().filter(t -> t.endsWith(".DescribeOrganization")).count();
        }
    }
}
