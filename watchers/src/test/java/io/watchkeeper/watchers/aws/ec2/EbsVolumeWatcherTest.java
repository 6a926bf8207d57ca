package io.watchkeeper.watchers.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.EbsVolumeConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VolumeType;

class EbsVolumeWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final EbsVolumeWatcher watcher = new EbsVolumeWatcher();

    @Test
    void readsEncryptionAndAttachmentsOfEncryptedAndPlainVolumes() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String ami = ec2.registerImage(r -> r.name("base-image")).imageId();
        String instance = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1)).instances().getFirst()
                .instanceId();
        String key = "arn:aws:kms:" + REGION + ":" + Moto.ACCOUNT_ID + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
        String secret = ec2.createVolume(r -> r.availabilityZone(REGION + "a").size(20).volumeType(VolumeType.GP3)
                .encrypted(true).kmsKeyId(key).tagSpecifications(t -> t.resourceType(ResourceType.VOLUME)
                        .tags(tag -> tag.key("Name").value("db-data")))).volumeId();
        String plain = ec2.createVolume(r -> r.availabilityZone(REGION + "b").size(8)).volumeId();
        ec2.attachVolume(r -> r.volumeId(secret).instanceId(instance).device("/dev/sdf"));

        Map<String, EbsVolumeConfig> byId = configs(watcher, REGION).values().stream()
                .collect(Collectors.toMap(EbsVolumeConfig::volumeId, c -> c));
        EbsVolumeConfig s = byId.get(secret);
        assertThat(s.encrypted()).isTrue();
        assertThat(s.kmsKeyId()).isEqualTo(key);
        assertThat(s.size()).isEqualTo(20);
        assertThat(s.volumeType()).isEqualTo("gp3");
        assertThat(s.availabilityZone()).isEqualTo(REGION + "a");
        // real EBS reports deleteOnTermination=false for a volume attached later; moto leaves it out
        assertThat(s.attachments()).extracting(EbsVolumeConfig.Attachment::instanceId, EbsVolumeConfig.Attachment::device)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(instance, "/dev/sdf"));
        assertThat(s.tags()).containsEntry("Name", "db-data");
        assertThat(configs(watcher, REGION)).containsKey("db-data");

        EbsVolumeConfig p = byId.get(plain);
        assertThat(p.encrypted()).isFalse();
        assertThat(p.kmsKeyId()).isNull();
        assertThat(p.attachments()).isEmpty();
        assertThat(p.state()).isEqualTo("available");
        assertThat(EphemeralPaths.of(EbsVolumeConfig.class).describe()).isEmpty();
    }
}
