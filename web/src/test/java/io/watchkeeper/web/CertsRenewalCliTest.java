package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code certs renew}, {@code rotate-due} and {@code revoke-and-replace} from the command line. */
class CertsRenewalCliTest {

    @TempDir
    Path dir;

    @Test
    void renewRotateAndRevokeAndReplace() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        try (CliHarness cli = new CliHarness("--watchkeeper.certs.master-keystore=" + dir.resolve("keys/master-keys.p12"),
                "--watchkeeper.certs.crl-directory=" + dir.resolve("crl"))) {
            assertThat(cli.run("authorities", "create", "ca", "--key-type", "ec-p256", "--validity", "365d",
                    "--allow-domain", "example.test").exit()).isZero();
            CliHarness.Run issued = cli.run("certs", "request", "--authority", "ca", "--cn", "r.example.test",
                    "--validity", "30d");
            assertThat(issued.exit()).as(issued.err()).isZero();
            var m = java.util.regex.Pattern.compile("issued certificate (\\d+)").matcher(issued.out());
            assertThat(m.find()).as(issued.out()).isTrue();
            long id = Long.parseLong(m.group(1));

            CliHarness.Run dry = cli.run("certs", "rotate-due", "--dry-run", "--format", "json");
            assertThat(dry.exit()).isZero();
            assertThat(Json.parse(dry.out()).get("due")).as("a 30-day certificate is not due today").isEmpty();

            CliHarness.Run deploy = cli.run("certs", "deploy", Long.toString(id), "--pem", dir.resolve("tls/r").toString());
            assertThat(deploy.exit()).as(deploy.out() + deploy.err()).isZero();
            assertThat(deploy.out()).contains("deployed and verified");
            String before = Files.readString(dir.resolve("tls/r.crt"));
            CliHarness.Run k8s = cli.run("certs", "deploy", Long.toString(id), "--kubernetes",
                    "web/r-tls@" + dir.resolve("k8s/r-tls.yaml"));
            assertThat(k8s.exit()).as(k8s.out() + k8s.err()).isZero();
            String manifest = Files.readString(dir.resolve("k8s/r-tls.yaml"));
            assertThat(manifest).contains("type: kubernetes.io/tls").contains("namespace: web").contains("tls.key: ");
            assertThat(cli.run("certs", "deploy", Long.toString(id), "--kubernetes", "Bad_NS/x@/tmp/x.yaml").exit())
                    .isEqualTo(2);

            CliHarness.Run renew = cli.run("certs", "renew", Long.toString(id), "--format", "json");
            assertThat(renew.exit()).as(renew.err()).isZero();
            JsonNode renewed = Json.parse(renew.out());
            assertThat(renewed.get("replaces").asLong()).isEqualTo(id);
            long newId = renewed.get("id").asLong();
            assertThat(Files.readString(dir.resolve("tls/r.crt"))).as("the renewal was redeployed").isNotEqualTo(before);
            assertThat(Files.readString(dir.resolve("k8s/r-tls.yaml"))).as("and its manifest rewritten").isNotEqualTo(manifest);
            CliHarness.Run again = cli.run("certs", "renew", Long.toString(id));
            assertThat(again.exit()).isEqualTo(2);
            assertThat(again.err()).contains("replaced");

            CliHarness.Run incident = cli.run("certs", "revoke-and-replace", Long.toString(newId), "--reason", "key-compromise");
            assertThat(incident.exit()).as(incident.err()).isZero();
            assertThat(incident.out()).contains("revoked certificate " + newId);
            // a plain revocation takes the certificate off its targets
            long latest = Json.parse(cli.run("certs", "list", "--status", "active", "--format", "json").out()).get(0)
                    .get("id").asLong();
            assertThat(Files.exists(dir.resolve("tls/r.crt"))).isTrue();
            // a deployed certificate is not taken off its destinations without --confirm
            CliHarness.Run unconfirmed = cli.run("certs", "revoke", Long.toString(latest), "--reason", "cessation-of-operation");
            assertThat(unconfirmed.exit()).isEqualTo(2);
            assertThat(unconfirmed.err()).startsWith("error: ").contains("deployed in 2 place(s)", "--confirm",
                    dir.resolve("tls/r").toString());
            assertThat(Files.exists(dir.resolve("tls/r.crt"))).isTrue();
            assertThat(Json.parse(cli.run("certs", "show", Long.toString(latest), "--format", "json").out())
                    .get("status").asString()).isEqualTo("active");
            CliHarness.Run revoke = cli.run("certs", "revoke", Long.toString(latest), "--reason", "cessation-of-operation",
                    "--confirm");
            assertThat(revoke.exit()).as(revoke.out() + revoke.err()).isZero();
            assertThat(revoke.out()).contains("removed from");
            assertThat(Files.exists(dir.resolve("tls/r.crt"))).isFalse();
            assertThat(Files.exists(dir.resolve("k8s/r-tls.yaml"))).isFalse();
            JsonNode old = Json.parse(cli.run("certs", "show", Long.toString(newId), "--format", "json").out());
            assertThat(old.get("status").asString()).isEqualTo("revoked");
            assertThat(old.get("replacedBy").asLong()).isPositive();
        }
    }
}
