package io.watchkeeper.watchers.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.AmiConfig;
import io.watchkeeper.core.config.aws.AmiConfig.BlockDevice;
import io.watchkeeper.core.config.aws.AmiConfig.LaunchPermission;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;

class AmiWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private static final String ORG = "arn:aws:organizations::" + Moto.ACCOUNT_ID + ":organization/o-abc123";
    private final AmiWatcher watcher = new AmiWatcher();

    @Test
    void readsAPublicImageAndItsLaunchPermissions() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String id = ec2.registerImage(r -> r.name("golden-2024").description("hardened base")
                .rootDeviceName("/dev/sda1")).imageId();
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Name").value("golden"), t -> t.key("team").value("platform")));
        ec2.modifyImageAttribute(r -> r.imageId(id).launchPermission(p -> p.add(
                a -> a.organizationArn(ORG), a -> a.userId("111122223333"), a -> a.group(PermissionGroup.ALL))));

        List<Observation<AmiConfig>> observed = observe(watcher, REGION);
        assertThat(observed).hasSize(1);
        var item = (Observation.Observed<AmiConfig>) observed.getFirst();
        assertThat(item.resourceId()).isEqualTo("arn:aws:ec2:eu-west-1::image/" + id);
        assertThat(item.name()).isEqualTo("golden");
        assertThat(item.region()).isEqualTo(REGION);
        AmiConfig c = item.config();
        assertThat(c.imageId()).isEqualTo(id);
        assertThat(c.name()).isEqualTo("golden-2024");
        assertThat(c.description()).isEqualTo("hardened base");
        assertThat(c.state()).isEqualTo("available");
        assertThat(c.publicImage()).isTrue();
        assertThat(c.launchPermissions()).containsExactly(
                new LaunchPermission("all", null, null, null),
                new LaunchPermission(null, "111122223333", null, null),
                new LaunchPermission(null, null, ORG, null));
        assertThat(c.publiclyShared()).isTrue();
        assertThat(c.creationDate()).isNotBlank();
        assertThat(c.tags()).isEqualTo(Map.of("Name", "golden", "team", "platform"));
    }

    @Test
    void aPrivateImageHasNoLaunchPermissionsAndOtherRegionsAreNotListed() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String id = ec2.registerImage(r -> r.name("private-base").rootDeviceName("/dev/sda1")).imageId();
        Ec2Client east = moto.client(Ec2Client.builder(), "us-east-1");
        String eastId = east.registerImage(r -> r.name("east-base")).imageId();

        Map<String, AmiConfig> configs = configs(watcher, REGION);
        assertThat(configs).containsOnlyKeys(id);
        AmiConfig c = configs.get(id);
        assertThat(c.name()).isEqualTo("private-base");
        assertThat(c.publicImage()).isFalse();
        assertThat(c.launchPermissions()).isEmpty();
        assertThat(c.publiclyShared()).isFalse();
        // The root device is listed; moto 5.2.1 does not model EBS encryption of image mappings, so
        // the encrypted flag is not asserted here.
        assertThat(c.blockDevices()).extracting(BlockDevice::deviceName).contains("/dev/sda1");
        assertThat(c.tags()).isEmpty();
        assertThat(configs(watcher, "us-east-1")).containsOnlyKeys(eastId);
    }
}
