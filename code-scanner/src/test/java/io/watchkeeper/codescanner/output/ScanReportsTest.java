package io.watchkeeper.codescanner.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.watchkeeper.codescanner.FakeSecrets;
import io.watchkeeper.codescanner.ScanProgress;
import io.watchkeeper.codescanner.ScanRequest;
import io.watchkeeper.codescanner.ScanResult;
import io.watchkeeper.codescanner.TestRepos;
import io.watchkeeper.core.json.Json;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ScanReportsTest {

    @TempDir
    Path dir;

    private final FakeSecrets fake = new FakeSecrets(3);

    private static List<String> sarifErrors(String json) throws Exception {
        Path schema = Path.of(System.getProperty("watchkeeper.sarif-schema"));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(schema)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config)
                    .validate(json, InputFormat.JSON).stream().map(ValidationMessage::getMessage).toList();
        }
    }

    @Test
    void sarifIsValidRelativeFingerprintedAndNeverHoldsTheSecret() throws Exception {
        String token = fake.github("ghp_");
        String key = fake.stripeLive();
        Files.createDirectories(dir.resolve("src/main"));
        Files.writeString(dir.resolve("src/main/app.py"), "import os\nTOKEN = '" + token + "'\n");
        Files.writeString(dir.resolve("odd name #1?.env"), "STRIPE=" + key + "\n");
        Files.writeString(dir.resolve("ctl\u001b[2J.pem"), FakeSecrets.pemPrivateKey());
        ScanResult result = TestRepos.scanner().scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE);
        assertThat(result.findings()).hasSize(3);

        String sarif = ScanReports.sarif(result, ScannerVersion.get(), URI.create("https://watchkeeper.example/console"));
        assertThat(sarifErrors(sarif)).isEmpty();
        assertThat(sarif).doesNotContain(token).doesNotContain(key.substring(8)).doesNotContain("MIIE").doesNotContain(dir.toString());
        JsonNode run = Json.parse(sarif).path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("version").asString()).isEqualTo(System.getProperty("watchkeeper.version"));
        assertThat(run.path("tool").path("driver").path("informationUri").asString()).isEqualTo("https://watchkeeper.example/console");
        List<String> uris = run.path("results").valueStream()
                .map(r -> r.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asString()).toList();
        assertThat(uris).containsExactlyInAnyOrder("src/main/app.py", "odd%20name%20%231%3F.env", "ctl%1B%5B2J.pem");
        JsonNode app = run.path("results").valueStream().filter(r -> r.path("ruleId").asString().equals("github-pat")).findFirst().orElseThrow();
        JsonNode region = app.path("locations").get(0).path("physicalLocation").path("region");
        assertThat(region.path("startLine").asInt()).isEqualTo(2);
        assertThat(region.path("endLine").asInt()).isEqualTo(2);
        assertThat(app.path("partialFingerprints").path(ScanReports.FINGERPRINT_KEY).asString()).hasSize(32);
        assertThat(app.path("level").asString()).isEqualTo("error");
        JsonNode pem = run.path("results").valueStream().filter(r -> r.path("ruleId").asString().equals("private-key")).findFirst().orElseThrow();
        assertThat(pem.path("locations").get(0).path("physicalLocation").path("region").path("endLine").asInt()).isGreaterThan(1);

        String json = ScanReports.json(result, ScannerVersion.get());
        assertThat(json).doesNotContain(token).doesNotContain(key.substring(8));
        JsonNode first = Json.parse(json).path("findings").get(0);
        assertThat(first.path("fingerprint").asString()).hasSize(32);
        assertThat(first.path("secretHash").asString()).hasSize(64);
        assertThat(first.path("masked").asString()).contains("…");
    }

    @Test
    void iacFindingsAreValidSarifWithTheCheckTheResourceAndLines() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                resource "aws_security_group" "web" {
                  name = "web"
                  ingress {
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """);
        ScanResult result = TestRepos.iacScanner(io.watchkeeper.core.inventory.LiveConfigDirectory.NONE)
                .scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE);
        assertThat(result.findings()).hasSize(1);

        String sarif = ScanReports.sarif(result, ScannerVersion.get(), URI.create("https://watchkeeper.example/console"));
        assertThat(sarifErrors(sarif)).isEmpty();
        JsonNode run = Json.parse(sarif).path("runs").get(0);
        JsonNode rule = run.path("tool").path("driver").path("rules").get(0);
        assertThat(rule.path("id").asString()).isEqualTo("aws.ec2.security-group/admin-port-open");
        assertThat(rule.path("properties").path("tags").valueStream().map(JsonNode::asString).toList())
                .contains("iac", "aws.ec2.security-group").anyMatch(t -> t.startsWith("CIS-AWS"));
        JsonNode r = run.path("results").get(0);
        JsonNode location = r.path("locations").get(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asString()).isEqualTo("main.tf");
        assertThat(location.path("region").path("startLine").asInt()).isEqualTo(1);
        assertThat(location.path("region").path("endLine").asInt()).isEqualTo(9);
        assertThat(r.path("level").asString()).isEqualTo("error");
        assertThat(r.path("properties").path("iac").path("address").asString()).isEqualTo("aws_security_group.web");
        assertThat(r.path("properties").has("masked")).isFalse();

        JsonNode finding = Json.parse(ScanReports.json(result, ScannerVersion.get())).path("findings").get(0);
        assertThat(finding.path("family").asString()).isEqualTo("iac");
        assertThat(finding.path("iac").path("evidence").asString()).isEqualTo("ingress:tcp:22-22:0.0.0.0/0:22");
        assertThat(finding.path("iac").path("resourceType").asString()).isEqualTo("aws.ec2.security-group");
        assertThat(finding.has("secretHash")).isFalse();
    }
}
