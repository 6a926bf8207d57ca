package io.watchkeeper.auditors.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import java.net.URI;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SarifFormatTest {

    private static final SchemaValidation SCHEMA = SchemaValidation.sarif();

    private final SarifFormat sarif = new SarifFormat(ToolInfo.of(URI.create("https://watchkeeper.example.org/")));

    @Test
    void producesAValidSarif210LogWithHostileValues() {
        String out = sarif.render(TestFindings.hostile(), TestFindings.catalog());
        assertThat(SCHEMA.errors(out)).isEmpty();
        JsonNode log = Json.parse(out);
        assertThat(log.get("version").asString()).isEqualTo("2.1.0");
        assertThat(log.get("runs")).hasSize(1);
        assertThat(log.at("/runs/0/tool/driver/name").asString()).isEqualTo("Watchkeeper");
    }

    @Test
    void theDriverNamesTheBuildVersionAndWhereToReadAboutIt() {
        JsonNode driver = Json.parse(sarif.render(TestFindings.hostile(), TestFindings.catalog())).at("/runs/0/tool/driver");
        assertThat(driver.get("version").asString()).matches("\\d+\\.\\d+\\.\\d+([-.][A-Za-z0-9.-]+)?")
                .isEqualTo(System.getProperty("watchkeeper.version"));
        assertThat(driver.get("informationUri").asString()).isEqualTo("https://watchkeeper.example.org/checks");
        assertThat(new FindingFormats(java.time.Clock.systemUTC()).require("sarif").render(List.of(), TestFindings.catalog()))
                .as("the default points at the local console").contains("\"informationUri\" : \"http://127.0.0.1:8080/checks\"");

        ObjectNode badUri = (ObjectNode) Json.parse(sarif.render(List.of(), TestFindings.catalog()));
        ((ObjectNode) badUri.at("/runs/0/tool/driver")).put("informationUri", "not a uri");
        assertThat(SCHEMA.errors(Json.write(badUri))).as("the schema checks the URI").isNotEmpty();
    }

    @Test
    void oneRulePerCheckUsedWithTextsTagsAndLevel() {
        JsonNode rules = Json.parse(sarif.render(TestFindings.hostile(), TestFindings.catalog()))
                .at("/runs/0/tool/driver/rules");
        assertThat(StreamSupport.stream(rules.spliterator(), false).map(r -> r.get("id").asString()).toList())
                .containsExactly(TestFindings.SG_ADMIN, TestFindings.UNKNOWN_CHECK, TestFindings.S3_PUBLIC);
        JsonNode s3 = rules.get(2);
        assertThat(s3.get("name").asString()).isEqualTo("S3BucketPublicAcl");
        assertThat(s3.at("/shortDescription/text").asString()).isEqualTo("S3 bucket ACL grants access to everyone");
        assertThat(s3.at("/fullDescription/text").asString()).contains("AllUsers");
        assertThat(s3.at("/help/text").asString()).startsWith("Remove the grant").contains("CIS-AWS-3.0:2.1.4");
        assertThat(s3.at("/defaultConfiguration/level").asString()).isEqualTo("error");
        assertThat(s3.at("/properties/tags").toString()).isEqualTo("[\"security\",\"CIS-AWS-3.0:2.1.4\"]");
        assertThat(s3.at("/properties/security-severity").asString()).isEqualTo("7.0");
        JsonNode unknown = rules.get(1);
        assertThat(unknown.at("/shortDescription/text").asString()).isEqualTo(TestFindings.UNKNOWN_CHECK);
        assertThat(unknown.has("defaultConfiguration")).isFalse();
    }

    @Test
    void resultsPointAtTheResourceAndCarryFingerprintScoreStatusAccountRegion() {
        JsonNode results = Json.parse(sarif.render(TestFindings.hostile(), TestFindings.catalog())).at("/runs/0/results");
        assertThat(results).hasSize(6);
        JsonNode r = results.get(1);
        assertThat(r.get("ruleId").asString()).isEqualTo(TestFindings.S3_PUBLIC);
        assertThat(r.get("ruleIndex").asInt()).isEqualTo(2);
        assertThat(r.get("level").asString()).isEqualTo("error");
        assertThat(r.at("/message/text").asString()).isEqualTo(TestFindings.HOSTILE_MESSAGE);
        JsonNode location = r.at("/locations/0/logicalLocations/0");
        assertThat(location.get("fullyQualifiedName").asString()).isEqualTo("arn:aws:s3:::2-" + TestFindings.UNICODE);
        assertThat(location.get("name").asString()).isEqualTo(TestFindings.UNICODE);
        assertThat(location.get("kind").asString()).isEqualTo("resource");
        assertThat(r.at("/partialFingerprints/" + SarifFormat.FINGERPRINT_KEY.replace("/", "~1")).asString())
                .isEqualTo("%064x".formatted(2));
        assertThat(r.at("/properties/score").asInt()).isEqualTo(90);
        assertThat(r.at("/properties/status").asString()).isEqualTo("regressed");
        assertThat(r.at("/properties/account").asString()).isEqualTo("@prod");
        assertThat(r.at("/properties/region").asString()).isEqualTo("eu-west-1");
        assertThat(results.get(0).at("/locations/0/logicalLocations/0/name").asString()).isEqualTo(TestFindings.FORMULA);
    }

    @Test
    void justifiedAndSuppressedAreAcceptedSuppressionsFixedPassesDisabledIsNotApplicable() {
        JsonNode results = Json.parse(sarif.render(TestFindings.hostile(), TestFindings.catalog())).at("/runs/0/results");
        assertThat(results.at("/2/suppressions/0/status").asString()).isEqualTo("accepted");
        assertThat(results.at("/2/suppressions/0/justification").asString()).contains("\"reviewed\"\nby security");
        assertThat(results.at("/3/suppressions/0/kind").asString()).isEqualTo("external");
        assertThat(results.at("/4/kind").asString()).isEqualTo("pass");
        assertThat(results.at("/4/level").asString()).isEqualTo("none");
        assertThat(results.at("/5/kind").asString()).isEqualTo("notApplicable");
        assertThat(results.at("/0/kind").asString()).isEqualTo("fail");
    }

    @Test
    void anEmptyListIsAValidLogWithNoResults() {
        String out = sarif.render(List.of(), TestFindings.catalog());
        assertThat(SCHEMA.errors(out)).isEmpty();
        assertThat(Json.parse(out).at("/runs/0/results")).isEmpty();
    }

    @Test
    void theSchemaRejectsBrokenLogs() {
        ObjectNode log = (ObjectNode) Json.parse(sarif.render(TestFindings.hostile(), TestFindings.catalog()));
        ObjectNode noVersion = log.deepCopy();
        noVersion.remove("version");
        assertThat(SCHEMA.errors(Json.write(noVersion))).anySatisfy(e -> assertThat(e).contains("version"));

        ObjectNode badLevel = log.deepCopy();
        ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(SCHEMA.errors(Json.write(badLevel))).anySatisfy(e -> assertThat(e).contains("level"));

        ObjectNode noMessage = log.deepCopy();
        ((ObjectNode) noMessage.at("/runs/0/results/0")).remove("message");
        assertThat(SCHEMA.errors(Json.write(noMessage))).anySatisfy(e -> assertThat(e).contains("message"));

        ObjectNode unknownMember = log.deepCopy();
        ((ObjectNode) unknownMember.at("/runs/0/results/0")).put("severity", "high");
        assertThat(SCHEMA.errors(Json.write(unknownMember))).isNotEmpty();
    }
}
