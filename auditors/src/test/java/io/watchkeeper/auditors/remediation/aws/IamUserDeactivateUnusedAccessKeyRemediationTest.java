package io.watchkeeper.auditors.remediation.aws;

import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.json;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.config.aws.IamUserConfig.AccessKey;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.aws.iam.IamUserWatcher;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

class IamUserDeactivateUnusedAccessKeyRemediationTest extends AwsWatcherTestSupport {

    private final IamUserDeactivateUnusedAccessKeyRemediation remediation = new IamUserDeactivateUnusedAccessKeyRemediation();
    private final IamUserWatcher watcher = new IamUserWatcher();

    private IamUserConfig read() {
        return configs(watcher, "us-east-1").get("ci-bot");
    }

    private static FindingView unused(IamUserConfig user, int slot) {
        AccessKey key = user.accessKeys().stream().filter(k -> k.slot() == slot).findFirst().orElseThrow();
        return RemediationTesting.finding("aws.iam.user/access-key-unused", user.arn(), "global", "key:slot" + slot,
                Json.write(key));
    }

    private List<AccessKeyMetadata> keys(IamClient iam) {
        return iam.listAccessKeys(r -> r.userName("ci-bot")).accessKeyMetadata();
    }

    /** Two keys a second apart (key slots are told apart by creation time, which IAM reports in seconds). */
    private IamClient seed(int keys) throws InterruptedException {
        IamClient iam = moto.client(IamClient.builder());
        iam.createUser(r -> r.userName("ci-bot"));
        for (int i = 0; i < keys; i++) {
            if (i > 0) {
                Thread.sleep(1100);
            }
            iam.createAccessKey(r -> r.userName("ci-bot"));
        }
        return iam;
    }

    @Test
    void deactivatesTheKeyInTheSlotAndReactivatesItOnRollback() throws InterruptedException {
        IamClient iam = seed(2);
        IamUserConfig before = read();
        AccessKey second = before.accessKeys().get(1);
        assertThat(second.slot()).isEqualTo(2);

        RemediationPlan plan = remediation.plan(unused(before, 2), before);
        assertThat(plan.region()).isEqualTo("global");
        assertThat(plan.calls()).containsExactly(new ApiCall("iam", "UpdateAccessKey", json("{'UserName':'ci-bot',"
                + "'Slot':2,'KeyCreated':'" + second.lastRotated() + "','Status':'Inactive'}")));
        execute(remediation, plan, session);
        IamUserConfig after = read();
        assertThat(after.accessKeys()).extracting(AccessKey::slot, AccessKey::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, false));
        assertThat(keys(iam)).filteredOn(k -> k.status() == StatusType.INACTIVE).singleElement()
                .extracting(k -> k.createDate().getEpochSecond()).isEqualTo(second.lastRotated().getEpochSecond());

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).containsExactly(new ApiCall("iam", "UpdateAccessKey", json("{'UserName':'ci-bot',"
                + "'Slot':2,'KeyCreated':'" + second.lastRotated() + "','Status':'Active'}")));
        execute(remediation, rollback, session);
        assertThat(durableHash(read())).isEqualTo(durableHash(before));
    }

    @Test
    void refusesToRunWhenTheKeyInTheSlotIsNotTheOnePlannedFor() throws InterruptedException {
        IamClient iam = seed(1);
        IamUserConfig before = read();
        RemediationPlan plan = remediation.plan(unused(before, 1), before);

        // Run twice: the second run finds the key already inactive.
        execute(remediation, plan, session);
        assertThatThrownBy(() -> execute(remediation, plan, session))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already Inactive");

        // The key is replaced by a newer one in the same slot: the plan no longer names it.
        iam.deleteAccessKey(r -> r.userName("ci-bot").accessKeyId(keys(iam).getFirst().accessKeyId()));
        Thread.sleep(1100);
        iam.createAccessKey(r -> r.userName("ci-bot"));
        assertThatThrownBy(() -> execute(remediation, plan, session))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not the one created");
        assertThat(keys(iam)).singleElement().extracting(AccessKeyMetadata::status).isEqualTo(StatusType.ACTIVE);
    }

    @Test
    void anInactiveKeyNeedsNothingAndHostileNamesAreRefused() throws InterruptedException {
        IamClient iam = seed(1);
        IamUserConfig active = read();
        iam.updateAccessKey(r -> r.userName("ci-bot").accessKeyId(keys(iam).getFirst().accessKeyId())
                .status(StatusType.INACTIVE));
        IamUserConfig inactive = read();

        RemediationPlan plan = remediation.plan(unused(active, 1), inactive);
        assertThat(plan.empty()).isTrue();
        assertThat(remediation.rollback(plan, inactive).empty()).isTrue();
        assertThatThrownBy(() -> remediation.plan(unused(active, 1), with(active, "userName", "ci-bot\" --user-name root")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("as IAM user name");
        assertThatThrownBy(() -> remediation.execute(new ApiCall("iam", "UpdateAccessKey", json("{'UserName':'ci-bot',"
                + "'Slot':3,'KeyCreated':'2024-01-01T00:00:00Z','Status':'Inactive'}")), session))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("access key slot");
        assertThatThrownBy(() -> remediation.execute(new ApiCall("iam", "UpdateAccessKey", json("{'UserName':'ci-bot',"
                + "'AccessKeyId':'AKIAEXAMPLE','Status':'Inactive'}")), session))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("with exactly");
    }
}
