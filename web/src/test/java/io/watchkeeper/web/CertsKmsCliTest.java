package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;

/** AWS KMS as the master key (moto): keys are sealed under KMS and open again for an export. */
class CertsKmsCliTest {

    @TempDir
    Path dir;

    @Test
    void privateKeysAreWrappedByKms() throws Exception {
        Moto moto = Moto.get();
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        KmsClient kms = moto.client(KmsClient.builder(), "us-east-1");
        String keyId = kms.createKey(r -> r.description("watchkeeper master")).keyMetadata().arn();
        Files.createDirectories(dir.resolve("keys"));
        try (CliHarness cli = new CliHarness("--watchkeeper.certs.master-keystore=" + dir.resolve("keys/master-keys.p12"),
                "--watchkeeper.certs.kms-key-id=" + keyId)) {
            assertThat(cli.run("authorities", "create", "kms-ca", "--key-type", "ec-p256", "--validity", "30d",
                    "--allow-domain", "example.test").exit()).isZero();
            CliHarness.Run issued = cli.run("certs", "request", "--authority", "kms-ca", "--cn", "k.example.test",
                    "--validity", "5d");
            assertThat(issued.exit()).as(issued.err()).isZero();
            assertThat(cli.db.dsl().fetchCount(cli.db.dsl().selectFrom("private_key").where("key_provider = 'aws-kms'")))
                    .as("the CA key and the certificate key").isEqualTo(2);
            CliHarness.Run export = cli.run("certs", "export", "1", "--with-key", "--out",
                    dir.resolve("k.pem").toString(), "--reason", "test");
            assertThat(export.exit()).as(export.out() + export.err()).isZero();
            assertThat(Files.readString(dir.resolve("k.pem"))).contains("PRIVATE KEY");
        }
    }
}
