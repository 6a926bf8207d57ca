package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.certmanager.testing.Pebble;
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
import tools.jackson.databind.JsonNode;

/**
 * The certificate issue's "done when" for an ACME CA, from the command line: register Pebble,
 * issue, deploy to a PEM bundle and to ACM (moto), renew (new ACME order, new key) with both
 * destinations updated and verified, then revoke-and-replace — Pebble reports the revocation.
 */
class CertsPebbleCliTest {

    @TempDir
    Path dir;

    @Test
    void issueDeployRenewAndRevokeAndReplaceFromPebble() throws Exception {
        Moto moto = Moto.get();
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        AcmClient acm = moto.client(AcmClient.builder(), "eu-west-1");
        Files.createDirectories(dir.resolve("keys"));
        try (Pebble pebble = new Pebble(false);
             CliHarness cli = new CliHarness("--watchkeeper.certs.master-keystore=" + dir.resolve("keys/master-keys.p12"),
                     "--watchkeeper.certs.acme.challtestsrv=" + pebble.challengeManagement())) {
            Files.writeString(dir.resolve("pebble-root.pem"), pebble.issuingRootPem());
            Files.writeString(dir.resolve("pebble-listener.pem"), pebble.listenerCaPem);
            assertThat(cli.run("accounts", "add", "aws", "--name", "prod", "--account-id", Moto.ACCOUNT_ID,
                    "--regions", "eu-west-1").exit()).isZero();
            CliHarness.Run add = cli.run("authorities", "add-acme", "pebble", "--directory", pebble.directoryUrl(),
                    "--ca-cert", dir.resolve("pebble-root.pem").toString(), "--directory-trust",
                    dir.resolve("pebble-listener.pem").toString(), "--allow-internal", "--email", "pki@example.test");
            assertThat(add.exit()).as(add.out() + add.err()).isZero();

            CliHarness.Run issued = cli.run("certs", "request", "--authority", "pebble", "--cn", "shop.example.test",
                    "--san", "api.shop.example.test", "--key-type", "ec-p256");
            Matcher m = Pattern.compile("issued certificate (\\d+)").matcher(issued.out());
            assertThat(m.find()).as(issued.out() + issued.err()).isTrue();
            String id = m.group(1);

            assertThat(cli.run("certs", "deploy", id, "--pem", dir.resolve("tls/shop").toString()).out())
                    .contains("deployed and verified");
            CliHarness.Run toAcm = cli.run("certs", "deploy", id, "--acm", "prod:eu-west-1");
            assertThat(toAcm.exit()).as(toAcm.out() + toAcm.err()).isZero();
            Matcher arn = Pattern.compile("ACM certificate: (\\S+)").matcher(toAcm.out());
            assertThat(arn.find()).isTrue();
            String pemBefore = Files.readString(dir.resolve("tls/shop.crt"));

            CliHarness.Run renew = cli.run("certs", "renew", id, "--format", "json");
            assertThat(renew.exit()).as(renew.out() + renew.err()).isZero();
            JsonNode renewed = Json.parse(renew.out());
            String newId = renewed.get("id").asString();
            assertThat(Files.readString(dir.resolve("tls/shop.crt"))).isNotEqualTo(pemBefore);
            String inAcm = acm.getCertificate(r -> r.certificateArn(arn.group(1))).certificate();
            Files.writeString(dir.resolve("acm.pem"), inAcm);
            CliHarness.Run export = cli.run("certs", "export", newId, "--out", dir.resolve("renewed.pem").toString());
            assertThat(export.exit()).as(export.err()).isZero();
            assertThat(Files.readString(dir.resolve("renewed.pem"))).startsWith(inAcm.strip().substring(0, 200));
            assertThat(acm.listCertificates(r -> { }).certificateSummaryList()).hasSize(1);

            CliHarness.Run incident = cli.run("certs", "revoke-and-replace", newId, "--reason", "key-compromise");
            assertThat(incident.exit()).as(incident.out() + incident.err()).isZero();
            JsonNode revoked = Json.parse(cli.run("certs", "show", newId, "--format", "json").out());
            assertThat(revoked.get("status").asString()).isEqualTo("revoked");
            assertThat(pebble.certificateStatus(revoked.get("serial").asString())).contains("Revoked");
        }
    }
}
