package io.watchkeeper.auditors.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OcsfFormatTest {

    private static final SchemaValidation SCHEMA = SchemaValidation.ocsfDetectionFinding();
    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    private final OcsfFormat ocsf = new OcsfFormat(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void everyEventIsAValidDetectionFinding() {
        List<JsonNode> events = events(ocsf.render(TestFindings.hostile(), TestFindings.catalog()));
        assertThat(events).hasSize(6);
        for (JsonNode event : events) {
            assertThat(SCHEMA.errors(Json.write(event))).as(event.toString()).isEmpty();
        }
    }

    @Test
    void classificationSeverityStatusAndTime() {
        List<JsonNode> events = events(ocsf.render(TestFindings.hostile(), TestFindings.catalog()));
        JsonNode e = events.get(1);
        assertThat(e.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(e.get("category_uid").asInt()).isEqualTo(2);
        assertThat(e.get("activity_id").asInt()).isEqualTo(1);
        assertThat(e.get("type_uid").asLong()).isEqualTo(200401);
        assertThat(e.get("time").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(e.at("/metadata/version").asString()).isEqualTo("1.3.0");
        assertThat(e.at("/metadata/product/name").asString()).isEqualTo("Watchkeeper");
        assertThat(e.at("/metadata/product/vendor_name").asString()).isEqualTo("Watchkeeper");
        assertThat(events.stream().map(x -> x.get("severity_id").asInt()).toList()).containsExactly(4, 5, 3, 2, 1, 4);
        assertThat(events.stream().map(x -> x.get("status_id").asInt()).toList()).containsExactly(1, 1, 3, 3, 4, 99);
        assertThat(events.stream().map(x -> x.get("status").asString()).toList())
                .containsExactly("New", "New", "Suppressed", "Suppressed", "Resolved", "Disabled");
        assertThat(e.get("risk_score").asInt()).isEqualTo(90);
    }

    @Test
    void findingInfoResourcesCloudRemediationAndCompliance() {
        JsonNode e = events(ocsf.render(TestFindings.hostile(), TestFindings.catalog())).get(1);
        assertThat(e.at("/finding_info/uid").asString()).isEqualTo("%064x".formatted(2));
        assertThat(e.at("/finding_info/title").asString()).isEqualTo("S3 bucket ACL grants access to everyone");
        assertThat(e.at("/finding_info/desc").asString()).isEqualTo(TestFindings.HOSTILE_MESSAGE);
        assertThat(e.at("/finding_info/types/0").asString()).isEqualTo(TestFindings.S3_PUBLIC);
        assertThat(e.at("/finding_info/first_seen_time").asLong()).isEqualTo(TestFindings.FIRST_SEEN.toInstant().toEpochMilli());
        assertThat(e.at("/finding_info/created_time").asLong()).isEqualTo(TestFindings.FIRST_SEEN.toInstant().toEpochMilli());
        assertThat(e.at("/resources/0/uid").asString()).isEqualTo("arn:aws:s3:::2-" + TestFindings.UNICODE);
        assertThat(e.at("/resources/0/name").asString()).isEqualTo(TestFindings.UNICODE);
        assertThat(e.at("/resources/0/type").asString()).isEqualTo("aws.s3.bucket");
        assertThat(e.at("/resources/0/region").asString()).isEqualTo("eu-west-1");
        assertThat(e.at("/resources/0/cloud_partition").asString()).isEqualTo("aws");
        assertThat(e.at("/cloud/provider").asString()).isEqualTo("AWS");
        assertThat(e.at("/cloud/account/uid").asString()).isEqualTo("123456789012");
        assertThat(e.at("/cloud/account/name").asString()).isEqualTo("@prod");
        assertThat(e.at("/cloud/region").asString()).isEqualTo("eu-west-1");
        assertThat(e.at("/remediation/desc").asString()).startsWith("Remove the grant");
        assertThat(e.at("/unmapped/compliance/0/standards/0").asString()).isEqualTo("CIS-AWS-3.0");
        assertThat(e.at("/unmapped/compliance/0/requirements/0").asString()).isEqualTo("2.1.4");
        JsonNode noControls = events(ocsf.render(TestFindings.hostile(), TestFindings.catalog())).get(2);
        assertThat(noControls.at("/unmapped").has("compliance")).isFalse();
        assertThat(noControls.get("status_detail").asString()).isEqualTo("Justified");
    }

    @Test
    void anUnknownCheckStillGivesAValidEventWithoutRemediation() {
        JsonNode fixed = events(ocsf.render(TestFindings.hostile(), TestFindings.catalog())).get(4);
        assertThat(fixed.at("/finding_info/title").asString()).isEqualTo(TestFindings.UNKNOWN_CHECK);
        assertThat(fixed.has("remediation")).isFalse();
    }

    @Test
    void theSchemaRejectsBrokenEvents() {
        ObjectNode valid = (ObjectNode) events(ocsf.render(TestFindings.hostile(), TestFindings.catalog())).get(0);
        assertThat(SCHEMA.errors(Json.write(valid))).isEmpty();

        ObjectNode noClass = valid.deepCopy();
        noClass.remove("class_uid");
        assertThat(SCHEMA.errors(Json.write(noClass))).anySatisfy(m -> assertThat(m).contains("class_uid"));

        ObjectNode noUid = valid.deepCopy();
        ((ObjectNode) noUid.get("finding_info")).remove("uid");
        assertThat(SCHEMA.errors(Json.write(noUid))).anySatisfy(m -> assertThat(m).contains("uid"));

        ObjectNode badSeverity = valid.deepCopy().put("severity_id", 7);
        assertThat(SCHEMA.errors(Json.write(badSeverity))).anySatisfy(m -> assertThat(m).contains("severity_id"));

        ObjectNode compliance = valid.deepCopy();
        compliance.putObject("compliance").putArray("standards").add("CIS-AWS-3.0");
        assertThat(SCHEMA.errors(Json.write(compliance))).anySatisfy(m -> assertThat(m).contains("compliance"));

        ObjectNode wrongType = valid.deepCopy().put("type_uid", 200402);
        assertThat(SCHEMA.errors(Json.write(wrongType))).isNotEmpty();

        ObjectNode noCloud = valid.deepCopy();
        noCloud.remove("cloud");
        assertThat(SCHEMA.errors(Json.write(noCloud))).anySatisfy(m -> assertThat(m).contains("cloud"));

        ObjectNode timeAsText = valid.deepCopy().put("time", "2026-11-22T06:00:00Z");
        assertThat(SCHEMA.errors(Json.write(timeAsText))).anySatisfy(m -> assertThat(m).contains("time"));
    }

    private static List<JsonNode> events(String json) {
        JsonNode array = Json.parse(json);
        assertThat(array.isArray()).isTrue();
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
