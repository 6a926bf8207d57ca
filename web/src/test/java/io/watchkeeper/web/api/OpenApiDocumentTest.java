package io.watchkeeper.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.testing.WebApp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The generated OpenAPI document: every operation documents the RFC 9457 problems it answers,
 * {@code info} has a licence and the build's version, and Redocly CLI lints it without errors.
 * Redocly comes from the npm registry into build-tools/redocly (its install.sh, run from here);
 * without Node.js and npm the test fails and says how to install them.
 */
class OpenApiDocumentTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static WebApp app;
    private static String document;

    @BeforeAll
    static void start() {
        app = WebApp.start();
        WebApp.Session console = app.session();
        console.login("admin", WebApp.ADMIN_PASSWORD);
        HttpResponse<String> r = console.get("/v3/api-docs");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        document = r.body();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** "METHOD path" and the operation, for every operation. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        Json.parse(document).get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                out.put(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }));
        return out;
    }

    @Test
    void everyOperationDocumentsTheProblemsItAnswers() {
        Map<String, JsonNode> operations = operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(40);
        operations.forEach((name, op) -> {
            JsonNode responses = op.get("responses");
            assertThat(responses.has("401")).as("%s documents 401", name).isTrue();
            assertThat(responses.has("403")).as("%s documents 403", name).isTrue();
            boolean takesInput = op.has("requestBody") || op.has("parameters") && !op.get("parameters").isEmpty();
            assertThat(responses.has("400")).as("%s documents 400 iff it takes input", name).isEqualTo(takesInput);
            if (name.contains("{")) {
                assertThat(responses.has("404")).as("%s names a thing in its path: 404", name).isTrue();
            }
            assertThat(responses.get("401").get("$ref").asString()).isEqualTo("#/components/responses/Unauthorized");
            // reads wait for their turn on a busy node and may be told to come back (web/http/ReadAdmission)
            assertThat(responses.has("503")).as("%s documents 503 iff it is a read", name).isEqualTo(name.startsWith("GET "));
        });
        assertThat(Json.parse(document).at("/components/responses/Busy/content/application~1problem+json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Problem");
        List<JsonNode> conflicting = operations.values().stream()
                .filter(op -> op.path("description").asString("").contains("409")).toList();
        assertThat(conflicting).as("the previewed apply operations answer 409").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(op -> assertThat(op.get("responses").has("409")).isTrue());
        JsonNode problem = Json.parse(document).at("/components/responses/NotFound/content/application~1problem+json/schema");
        assertThat(problem.get("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(Json.parse(document).at("/components/schemas/Problem/properties").has("detail")).isTrue();
    }

    @Test
    void infoCarriesTheLicenceAndTheBuildVersion() {
        JsonNode info = Json.parse(document).get("info");
        assertThat(info.at("/license/name").asString()).isEqualTo("Apache-2.0");
        assertThat(info.at("/license/url").asString()).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
        assertThat(info.get("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    }

    @Test
    void redoclyLintsTheDocumentWithoutErrorsOr4xxAndLicenceWarnings() throws Exception {
        Path out = ROOT.resolve("web/target/openapi");
        Files.createDirectories(out);
        Path file = out.resolve("openapi.json");
        Files.writeString(file, document, StandardCharsets.UTF_8);
        Path redocly = installRedocly();
        Path report = out.resolve("redocly-lint.json");
        ProcessBuilder lint = new ProcessBuilder(redocly.toString(), "lint", file.toString(), "--format=json",
                "--config=" + ROOT.resolve("build-tools/redocly/redocly.yaml"))
                .redirectOutput(report.toFile()).redirectError(out.resolve("redocly-lint.err").toFile());
        quiet(lint);
        Process p = lint.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("redocly lint finished").isTrue();
        JsonNode result = Json.parse(Files.readString(report));
        List<String> problems = new ArrayList<>();
        result.get("problems").forEach(problem -> problems.add(problem.get("severity").asString() + " "
                + problem.get("ruleId").asString() + ": " + problem.get("message").asString() + " at "
                + problem.at("/location/0/pointer").asString()));
        assertThat(result.at("/totals/errors").asInt()).as("errors: %s", problems).isZero();
        assertThat(problems).as("lint problems").noneMatch(pr -> pr.contains("operation-4xx-response")
                || pr.contains("info-license"));
        assertThat(p.exitValue()).as("redocly exit code; problems: %s", problems).isZero();
    }

    /** build-tools/redocly/install.sh (idempotent); fails with the command to run when Node.js or npm is missing. */
    private static Path installRedocly() throws IOException, InterruptedException {
        Path script = ROOT.resolve("build-tools/redocly/install.sh");
        Path log = ROOT.resolve("web/target/openapi/redocly-install.log");
        ProcessBuilder install = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        quiet(install);
        Process p = install.start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("redocly install finished").isTrue();
        String said = Files.readString(log);
        assertThat(p.exitValue()).as("Redocly CLI could not be installed (%s): %s", script, said.strip()).isZero();
        return ROOT.resolve("build-tools/redocly/node_modules/.bin/redocly");
    }

    private static void quiet(ProcessBuilder process) {
        process.environment().put("REDOCLY_TELEMETRY", "off");
        process.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        process.environment().put("NO_UPDATE_NOTIFIER", "1");
    }
}
