package io.watchkeeper.watchers.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.config.aws.RootAccountConfig;
import io.watchkeeper.core.watch.ScopeCalls;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.FaultProxy;
import io.watchkeeper.watchers.testing.Moto;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The user and root-account watchers read the same credential report: within one session (one
 * account in one run) it is generated and downloaded once, not once per type.
 */
class SharedCredentialReportTest extends AwsWatcherTestSupport {

    @Test
    void theUserAndRootWatchersOfOneSessionFetchTheCredentialReportOnce() throws Exception {
        IamClient iam = moto.client(IamClient.builder());
        iam.createUser(r -> r.userName("alice"));
        try (FaultProxy proxy = new FaultProxy(moto.endpoint())) {
            // nothing fails: the proxy only counts what reaches it
            java.util.List<String> actions = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            proxy.fail(seen -> {
                actions.add(seen.body().replaceAll("^Action=([A-Za-z]+).*$", "$1"));
                return false;
            }, FaultProxy.Fault.serverError());
            Moto.pointProductAt(proxy.endpoint());

            ScopeCalls userCalls = new ScopeCalls();
            Map<String, IamUserConfig> users = userCalls.run(() -> configs(new IamUserWatcher(), "us-east-1"));
            long reportCalls = reportCalls(actions);
            assertThat(reportCalls).as("the user watcher generated and read the report").isGreaterThanOrEqualTo(2);
            ScopeCalls rootCalls = new ScopeCalls();
            Map<String, RootAccountConfig> root = rootCalls.run(() -> configs(new RootAccountWatcher(), "us-east-1"));

            assertThat(users).containsOnlyKeys("alice");
            assertThat(root).hasSize(1);
            assertThat(reportCalls(actions)).as("credential report calls after both types").isEqualTo(reportCalls);
            // the root watcher's own calls: the account summary and the virtual MFA devices, no report calls
            assertThat(rootCalls.calls()).isEqualTo(2);
        } finally {
            Moto.pointProductAt(moto.endpoint());
        }
    }

    private static long reportCalls(java.util.List<String> actions) {
        synchronized (actions) {
            return actions.stream().filter(a -> a.equals("GenerateCredentialReport") || a.equals("GetCredentialReport"))
                    .count();
        }
    }
}
