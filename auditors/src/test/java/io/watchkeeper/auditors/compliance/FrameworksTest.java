package io.watchkeeper.auditors.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Frameworks are data: every file is listed, valid against the schema, and agrees with the checks. */
class FrameworksTest {

    private static final Path DIRECTORY = Path.of("src/main/resources/frameworks");

    private static String read(String file) throws IOException {
        return Files.readString(DIRECTORY.resolve(file), StandardCharsets.UTF_8);
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = Files.newInputStream(DIRECTORY.resolve("framework.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static List<String> frameworkFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.endsWith(".schema.json"))
                    .sorted().toList();
        }
    }

    @Test
    void everyFrameworkFileIsListedInTheIndexAndValidAgainstTheSchema() throws IOException {
        List<String> listed = read("index").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(frameworkFiles());
        JsonSchema schema = schema();
        for (String file : frameworkFiles()) {
            List<String> errors = schema.validate(read(file), InputFormat.JSON).stream().map(ValidationMessage::getMessage).toList();
            assertThat(errors).as(file).isEmpty();
        }
        assertThat(Frameworks.load().all()).extracting(Framework::id).contains("cis-aws-3.0");
    }

    @Test
    void theSchemaAndTheLoaderRefuseTheSameMistakes() throws IOException {
        JsonSchema schema = schema();
        String good = "{'id':'x-1','name':'X','version':'1','provider':'aws','controlPrefix':'X-1','controls':["
                + "{'id':'1.1','section':'S','title':'T','level':1,'assessment':'manual','checks':[]}]}";
        assertThat(schema.validate(good.replace('\'', '"'), InputFormat.JSON)).isEmpty();
        assertThat(Frameworks.parse(good.replace('\'', '"'), "good").controls()).hasSize(1);
        for (String bad : List.of(good.replace("'manual','checks':[]", "'manual','checks':['aws.s3.bucket/public-acl']"),
                good.replace("'level':1", "'level':3"), good.replace("'aws'", "'azure'"),
                good.replace("'assessment':'manual'", "'assessment':'maybe'"), good.replace("'id':'1.1'", "'id':'one'"),
                good.replace("'checks':[]", "'checks':['Not A Check']"))) {
            String json = bad.replace('\'', '"');
            assertThat(schema.validate(json, InputFormat.JSON)).as(bad).isNotEmpty();
            assertThatThrownBy(() -> Frameworks.parse(json, "bad")).as(bad).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void cisAws30ListsEverySixtyTwoRecommendationsWithTheEightManualOnes() {
        Framework cis = Frameworks.load().require("cis-aws-3.0");
        assertThat(cis.controls()).hasSize(62);
        assertThat(cis.controls().stream().filter(Framework.Control::manual).map(Framework.Control::id))
                .containsExactlyInAnyOrder("1.1", "1.2", "1.3", "1.18", "1.21", "1.22", "2.1.3", "5.5");
        assertThat(cis.control("3.1").orElseThrow().whenNoResources()).isEqualTo(Framework.WhenNoResources.FAIL);
        assertThat(cis.control("1.18").orElseThrow().related()).containsExactly("aws.ec2.instance/no-instance-profile");
        assertThat(cis.controls().stream().filter(Framework.Control::undecided).map(Framework.Control::id))
                .as("automated recommendations no check decides yet").isEmpty();
        for (String id : new String[] {"1.17", "3.8", "3.9", "4.1", "4.15"}) {
            assertThat(cis.control(id).orElseThrow().whenNoResources()).as(id).isEqualTo(Framework.WhenNoResources.FAIL);
        }
    }

    @Test
    void cisGitHub120ListsTheHundredAndTwentyRecommendationsAndDecidesBranchControlsFromTheChecks() {
        Framework cis = Frameworks.load().require("cis-github-1.2.0");
        assertThat(cis.provider()).isEqualTo("github");
        assertThat(cis.controls()).hasSize(120);
        assertThat(cis.controls().stream().filter(c -> !c.manual()).map(Framework.Control::id))
                .contains("1.1.3", "1.1.20", "1.3.5", "1.3.8", "1.4.4", "1.5.1", "3.1.1", "2.3.8")
                .doesNotContain("1.1.1", "1.3.6", "5.2.4");
        assertThat(cis.control("1.1.16").orElseThrow().checks()).containsExactlyInAnyOrder(
                "github.branch-protection/unprotected", "github.branch-protection/force-push-allowed");
        assertThat(cis.controls().stream().filter(Framework.Control::undecided).map(Framework.Control::id))
                .as("CIS marks 2.3.8 Automated; no check decides it yet").containsExactly("2.3.8");
    }

    @Test
    void cisGcp30ListsEveryRecommendationWithItsManualOnesAndAccountLevelControls() {
        Framework cis = Frameworks.load().require("cis-gcp-3.0");
        assertThat(cis.provider()).isEqualTo("gcp");
        assertThat(cis.controls()).hasSize(85);
        assertThat(cis.controls().stream().filter(Framework.Control::manual).map(Framework.Control::id))
                .containsExactlyInAnyOrder("1.1", "1.2", "1.3", "1.13", "1.17", "2.14", "3.9", "3.10", "4.10", "4.12",
                        "6.1.1", "7.4");
        // every control CIS marks automated is decided by a check here
        assertThat(cis.control("2.16").orElseThrow().manual()).isFalse();
        assertThat(cis.control("2.16").orElseThrow().checks()).containsExactly("gcp.compute.backend-service/logging-off");
        assertThat(cis.control("1.16").orElseThrow().checks()).containsExactly("gcp.organization.essential-contacts/not-configured");
        assertThat(cis.control("2.15").orElseThrow().checks()).containsExactly("gcp.project.access-approval/not-enabled");
        assertThat(cis.control("4.7").orElseThrow().checks()).containsExactly("gcp.compute.disk/critical-not-csek");
        assertThat(cis.control("7.2").orElseThrow().checks()).containsExactly("gcp.bigquery.table/no-cmek");
        assertThat(cis.control("7.3").orElseThrow().checks()).containsExactly("gcp.bigquery.dataset/no-default-cmek");
        assertThat(cis.control("8.1").orElseThrow().checks()).containsExactly("gcp.dataproc.cluster/no-cmek");
        assertThat(cis.control("2.2").orElseThrow().checks()).containsExactly("gcp.project/no-all-entries-sink");
        assertThat(cis.control("3.6").orElseThrow().checks())
                .containsExactly("gcp.compute.firewall/ssh-open", "gcp.compute.firewall/all-ports-open");
        assertThat(cis.control("1.1").orElseThrow().related()).contains("gcp.project.iam-policy/consumer-account-member");
        assertThat(cis.controls().stream().filter(Framework.Control::undecided).map(Framework.Control::id))
                .as("every automated recommendation is decided by a check").isEmpty();
        assertThat(cis.control("6.2.9").orElseThrow().checks()).containsExactly("gcp.sql.instance/public-ip");
        assertThat(cis.control("6.3.3").orElseThrow().checks())
                .containsExactly("gcp.sql.instance/sqlserver-user-connections-limited");
        assertThat(cis.control("2.12").orElseThrow().related()).contains("gcp.dns.managed-zone/private-logging-off");
        assertThat(cis.control("2.12").orElseThrow().checks()).containsExactly("gcp.compute.network/dns-logging-off");
    }

    /** The framework file and the checks' controls() say the same thing, both ways. */
    @Test
    void mappingsAgreeWithTheChecksControls() {
        CheckRegistry registry = CheckRegistry.discover();
        for (Framework f : Frameworks.load().all()) {
            Set<String> mapped = new HashSet<>();
            for (Framework.Control c : f.controls()) {
                for (String id : c.checks()) {
                    Check<?> check = registry.require(id);
                    assertThat(check.controls()).as(id + " carries " + f.controlPrefix() + ":" + c.id())
                            .contains(f.controlPrefix() + ":" + c.id());
                    mapped.add(f.controlPrefix() + ":" + c.id() + " " + id);
                }
                c.related().forEach(registry::require);
            }
            for (Check<?> check : registry.all()) {
                for (String control : check.controls()) {
                    if (control.startsWith(f.controlPrefix() + ":")) {
                        assertThat(mapped).as(check.id().id() + " claims " + control + ": map it in " + f.id())
                                .contains(control + " " + check.id().id());
                    }
                }
            }
        }
    }

    @Test
    void anUnknownFrameworkIsAClearError() {
        assertThatThrownBy(() -> Frameworks.load().require("cis-aws-9\u0007"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("known: cis-aws-3.0")
                .hasMessageNotContaining("\u0007");
        assertThat(Frameworks.load().find("CIS-AWS-3.0")).isPresent();
    }
}
