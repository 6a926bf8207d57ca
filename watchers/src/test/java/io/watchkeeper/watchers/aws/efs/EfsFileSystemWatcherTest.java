package io.watchkeeper.watchers.aws.efs;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.EfsFileSystemConfig;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.efs.EfsClient;

class EfsFileSystemWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final EfsFileSystemWatcher watcher = new EfsFileSystemWatcher();

    @Test
    void readsEncryptionPolicyAndBackupOfAnEncryptedAndAPlainFileSystem() {
        EfsClient efs = moto.client(EfsClient.builder(), REGION);
        String secure = efs.createFileSystem(r -> r.creationToken("secure").encrypted(true).backup(true)
                .tags(t -> t.key("Name").value("shared-home"))).fileSystemId();
        efs.putFileSystemPolicy(r -> r.fileSystemId(secure).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"*\",\"Condition\":{\"Bool\":"
                + "{\"aws:SecureTransport\":\"false\"}}}]}"));
        String plain = efs.createFileSystem(r -> r.creationToken("plain").encrypted(false)).fileSystemId();

        Map<String, EfsFileSystemConfig> byName = configs(watcher, REGION);
        assertThat(byName).containsOnlyKeys("shared-home", plain);
        EfsFileSystemConfig s = byName.get("shared-home");
        assertThat(s.fileSystemId()).isEqualTo(secure);
        assertThat(s.arn()).isEqualTo("arn:aws:elasticfilesystem:eu-west-1:" + Moto.ACCOUNT_ID + ":file-system/" + secure);
        assertThat(s.encrypted()).isTrue();
        assertThat(s.backupPolicyStatus()).isEqualTo("ENABLED");
        assertThat(s.policy().json().at("/Statement/0/Effect").asString()).isEqualTo("Deny");
        assertThat(s.tags()).containsEntry("Name", "shared-home");
        EfsFileSystemConfig p = byName.get(plain);
        assertThat(p.encrypted()).isFalse();
        assertThat(p.policy()).isNull();
    }
}
