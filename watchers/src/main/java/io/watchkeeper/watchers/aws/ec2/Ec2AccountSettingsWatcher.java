package io.watchkeeper.watchers.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.Ec2AccountSettingsConfig;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig.MetadataOptions;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.Fanout;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The region's EC2 account settings, one item per account and region: EBS encryption by default
 * and its key, snapshot and AMI Block Public Access, and the instance metadata defaults. Five calls,
 * made at once.
 */
@AutoService(Watcher.class)
public final class Ec2AccountSettingsWatcher extends AwsWatcher<Ec2AccountSettingsConfig> {

    public Ec2AccountSettingsWatcher() {
        super("aws.ec2.account-settings", Ec2AccountSettingsConfig.class, ScopeKind.REGIONAL,
                "ec2:GetEbsEncryptionByDefault", "ec2:GetEbsDefaultKmsKeyId", "ec2:GetSnapshotBlockPublicAccessState",
                "ec2:GetImageBlockPublicAccessState", "ec2:GetInstanceMetadataDefaults");
    }

    @Override
    protected List<Observation<Ec2AccountSettingsConfig>> observe(WatchScope scope, AwsSession aws) {
        Ec2Client ec2 = aws.ec2(scope.region());
        List<Function<Ec2Client, Object>> calls = List.of(
                c -> c.getEbsEncryptionByDefault(r -> {}).ebsEncryptionByDefault(),
                c -> c.getEbsDefaultKmsKeyId(r -> {}).kmsKeyId(),
                c -> c.getSnapshotBlockPublicAccessState(r -> {}).stateAsString(),
                c -> c.getImageBlockPublicAccessState(r -> {}).imageBlockPublicAccessState(),
                c -> {
                    var level = c.getInstanceMetadataDefaults(r -> {}).accountLevel();
                    return level == null ? new MetadataOptions(null, null, null, null) : new MetadataOptions(
                            level.httpTokensAsString(), level.httpEndpointAsString(), level.httpPutResponseHopLimit(),
                            level.instanceMetadataTagsAsString());
                });
        List<Object> answers = Fanout.map(calls, call -> call.apply(ec2));
        var config = new Ec2AccountSettingsConfig(scope.region(), (Boolean) answers.get(0), (String) answers.get(1),
                (String) answers.get(2), (String) answers.get(3), (MetadataOptions) answers.get(4));
        return List.of(new Observation.Observed<>("arn:aws:ec2:" + scope.region() + ":" + aws.accountId()
                + ":account-settings", "EC2 settings " + scope.region(), scope.region(), config));
    }
}
