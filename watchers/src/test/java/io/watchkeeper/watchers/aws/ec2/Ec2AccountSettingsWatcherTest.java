package io.watchkeeper.watchers.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.Ec2AccountSettingsConfig;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig.MetadataOptions;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.watchers.testing.WireStub;
import io.watchkeeper.watchers.testing.WireStub.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** moto answers only GetEbsEncryptionByDefault of these five calls, so EC2 is served by a wire stub here. */
class Ec2AccountSettingsWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final Ec2AccountSettingsWatcher watcher = new Ec2AccountSettingsWatcher();

    @Test
    void readsAHardenedRegion() {
        try (WireStub stub = WireStub.start(r -> ec2(r, Map.of(
                "GetEbsEncryptionByDefault", "<ebsEncryptionByDefault>true</ebsEncryptionByDefault><sseType>sse-ebs</sseType>",
                "GetEbsDefaultKmsKeyId", "<kmsKeyId>arn:aws:kms:eu-west-1:" + Moto.ACCOUNT_ID
                        + ":key/1234abcd-12ab-34cd-56ef-1234567890ab</kmsKeyId>",
                "GetSnapshotBlockPublicAccessState", "<state>block-all-sharing</state><managedBy>account</managedBy>",
                "GetImageBlockPublicAccessState", "<imageBlockPublicAccessState>block-new-sharing</imageBlockPublicAccessState>"
                        + "<managedBy>account</managedBy>",
                "GetInstanceMetadataDefaults", "<accountLevel><httpTokens>required</httpTokens>"
                        + "<httpPutResponseHopLimit>1</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint>"
                        + "<instanceMetadataTags>disabled</instanceMetadataTags><managedBy>account</managedBy></accountLevel>")))) {
            serveFrom("Ec2", stub);
            List<Observation<Ec2AccountSettingsConfig>> all = observe(watcher, REGION);
            assertThat(all).singleElement().extracting(Observation::resourceId)
                    .isEqualTo("arn:aws:ec2:eu-west-1:" + Moto.ACCOUNT_ID + ":account-settings");
            Ec2AccountSettingsConfig c = ((Observation.Observed<Ec2AccountSettingsConfig>) all.getFirst()).config();
            assertThat(c.region()).isEqualTo(REGION);
            assertThat(c.ebsEncryptionByDefault()).isTrue();
            assertThat(c.ebsDefaultKmsKeyId()).endsWith(":key/1234abcd-12ab-34cd-56ef-1234567890ab");
            assertThat(c.snapshotBlockPublicAccess()).isEqualTo("block-all-sharing");
            assertThat(c.imageBlockPublicAccess()).isEqualTo("block-new-sharing");
            assertThat(c.instanceMetadataDefaults()).isEqualTo(new MetadataOptions("required", "enabled", 1, "disabled"));
            assertThat(stub.requests()).hasSize(5).allMatch(r -> r.region().equals(REGION));
        }
    }

    @Test
    void readsARegionWithAwsDefaults() {
        try (WireStub stub = WireStub.start(r -> ec2(r, Map.of(
                "GetEbsEncryptionByDefault", "<ebsEncryptionByDefault>false</ebsEncryptionByDefault>",
                "GetEbsDefaultKmsKeyId", "<kmsKeyId>alias/aws/ebs</kmsKeyId>",
                "GetSnapshotBlockPublicAccessState", "<state>unblocked</state>",
                "GetImageBlockPublicAccessState", "<imageBlockPublicAccessState>unblocked</imageBlockPublicAccessState>",
                "GetInstanceMetadataDefaults", "<accountLevel/>")))) {
            serveFrom("Ec2", stub);
            Ec2AccountSettingsConfig c = configs(watcher, REGION).values().iterator().next();
            assertThat(c.ebsEncryptionByDefault()).isFalse();
            assertThat(c.ebsDefaultKmsKeyId()).isEqualTo("alias/aws/ebs");
            assertThat(c.snapshotBlockPublicAccess()).isEqualTo("unblocked");
            assertThat(c.imageBlockPublicAccess()).isEqualTo("unblocked");
            assertThat(c.instanceMetadataDefaults()).isEqualTo(new MetadataOptions(null, null, null, null));
        }
    }

    @Test
    void aDeniedCallFailsTheScopeRatherThanGuessingASetting() {
        try (WireStub stub = WireStub.start(r -> r.action().equals("GetImageBlockPublicAccessState")
                ? Reply.ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.")
                : ec2(r, Map.of("GetEbsEncryptionByDefault", "<ebsEncryptionByDefault>true</ebsEncryptionByDefault>",
                        "GetEbsDefaultKmsKeyId", "<kmsKeyId>alias/aws/ebs</kmsKeyId>",
                        "GetSnapshotBlockPublicAccessState", "<state>unblocked</state>",
                        "GetInstanceMetadataDefaults", "<accountLevel/>")))) {
            serveFrom("Ec2", stub);
            assertThatThrownBy(() -> observe(watcher, REGION)).isInstanceOfSatisfying(WatchkeeperException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.DENIED));
        }
    }

    private static Reply ec2(WireStub.Request r, Map<String, String> answers) {
        String body = answers.get(r.action());
        return body == null ? null : Reply.xml("<" + r.action() + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>" + body + "</" + r.action() + "Response>");
    }
}
