package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.acm.AcmClient;

/** ACM and IAM as destinations (moto): import / upload, then a renewal re-imported (ACM) or swapped (IAM). */
class CertsAcmCliTest {

    @TempDir
    Path dir;

    @Test
    void importsThenReimportsTheRenewalIntoTheSameArn() throws Exception {
        Moto moto = Moto.get();
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        AcmClient acm = moto.client(AcmClient.builder(), "eu-west-1");
        Files.createDirectories(dir.resolve("keys"));
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-days", "20", "-subj", "/CN=hand.example.test", "-keyout", "other.key", "-out", "other.pem")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor()).isZero();
        try (CliHarness cli = new CliHarness("--watchkeeper.certs.master-keystore=" + dir.resolve("keys/master-keys.p12"),
                "--watchkeeper.certs.crl-directory=" + dir.resolve("crl"))) {
            assertThat(cli.run("accounts", "add", "aws", "--name", "prod", "--account-id", Moto.ACCOUNT_ID,
                    "--regions", "eu-west-1").exit()).isZero();
            assertThat(cli.run("authorities", "create", "ca", "--key-type", "ec-p256", "--validity", "365d",
                    "--allow-domain", "example.test").exit()).isZero();
            CliHarness.Run issued = cli.run("certs", "request", "--authority", "ca", "--cn", "lb.example.test",
                    "--validity", "30d");
            Matcher m = Pattern.compile("issued certificate (\\d+)").matcher(issued.out());
            assertThat(m.find()).as(issued.out() + issued.err()).isTrue();
            String id = m.group(1);

            CliHarness.Run bad = cli.run("certs", "deploy", id, "--acm", "nowhere");
            assertThat(bad.exit()).isEqualTo(2);

            CliHarness.Run deploy = cli.run("certs", "deploy", id, "--acm", "prod:eu-west-1");
            assertThat(deploy.exit()).as(deploy.out() + deploy.err()).isZero();
            Matcher arnMatch = Pattern.compile("ACM certificate: (arn:aws:acm:\\S+)").matcher(deploy.out());
            assertThat(arnMatch.find()).as(deploy.out()).isTrue();
            String arn = arnMatch.group(1);
            assertThat(acm.listCertificates(r -> { }).certificateSummaryList()).hasSize(1);
            String firstPem = acm.getCertificate(r -> r.certificateArn(arn)).certificate();

            CliHarness.Run iamDeploy = cli.run("certs", "deploy", id, "--iam", "prod");
            assertThat(iamDeploy.exit()).as(iamDeploy.out() + iamDeploy.err()).isZero();
            software.amazon.awssdk.services.iam.IamClient iam = moto.client(software.amazon.awssdk.services.iam.IamClient.builder());
            assertThat(iam.listServerCertificates().serverCertificateMetadataList())
                    .extracting(c -> c.serverCertificateName()).containsExactly("watchkeeper-" + id);

            CliHarness.Run renew = cli.run("certs", "renew", id, "--format", "json");
            assertThat(renew.exit()).as(renew.out() + renew.err()).isZero();
            assertThat(Json.parse(renew.out()).get("replaces").asString()).isEqualTo(id);
            assertThat(acm.listCertificates(r -> { }).certificateSummaryList()).as("re-imported, not added").hasSize(1);
            assertThat(acm.getCertificate(r -> r.certificateArn(arn)).certificate()).isNotEqualTo(firstPem);
            String newId = Json.parse(renew.out()).get("id").asString();
            assertThat(iam.listServerCertificates().serverCertificateMetadataList())
                    .as("the renewal uploaded under its own name and the old one deleted")
                    .extracting(c -> c.serverCertificateName()).containsExactly("watchkeeper-" + newId);

            // discovery: what ACM holds is the renewal Watchkeeper issued — known, not added again
            CliHarness.Run discover = cli.run("certs", "discover", "--acm", "prod:eu-west-1",
                    "--format", "json");
            assertThat(discover.exit()).as(discover.out() + discover.err()).isZero();
            var found = Json.parse(discover.out());
            assertThat(found).hasSize(1);
            assertThat(found.get(0).get("new").asBoolean()).isFalse();
            // a certificate someone uploaded to IAM by hand joins the inventory once
            String otherPem = Files.readString(Path.of(dir.toString(), "other.pem"));
            iam.uploadServerCertificate(r -> r.serverCertificateName("hand-made").certificateBody(otherPem)
                    .privateKey(uncheckedRead(dir.resolve("other.key"))));
            var fromIam = Json.parse(cli.run("certs", "discover", "--iam", "prod", "--format", "json").out());
            assertThat(fromIam).hasSize(2);
            assertThat(fromIam.toString()).contains("\"new\":true");
            var again = Json.parse(cli.run("certs", "discover", "--iam", "prod", "--format", "json").out());
            assertThat(again.toString()).doesNotContain("\"new\":true");
        }
    }

    private static String uncheckedRead(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
