package io.watchkeeper.codescanner.taint;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.watchkeeper.codescanner.CodeScanner;
import io.watchkeeper.codescanner.FakeSecrets;
import io.watchkeeper.codescanner.ScanOptions;
import io.watchkeeper.codescanner.ScanProgress;
import io.watchkeeper.codescanner.ScanRequest;
import io.watchkeeper.codescanner.ScanResult;
import io.watchkeeper.codescanner.TestRepos;
import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.codescanner.output.ScanReports;
import io.watchkeeper.codescanner.output.ScannerVersion;
import io.watchkeeper.core.secrets.SecretDetector;
import io.watchkeeper.core.secrets.SecretRules;
import io.watchkeeper.core.inventory.AccessKeyDirectory;
import io.watchkeeper.core.json.Json;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The Java taint analysis inside the scanner: tree and pull-request modes, analyzer selection, reports with code flows. */
class JavaTaintScanTest {

    @TempDir
    Path dir;

    static final String HEADER = """
            package com.acme.web;

            import java.sql.Statement;
            import javax.servlet.http.HttpServletRequest;
            import org.springframework.web.bind.annotation.*;

            """;

    static String controller(String name, String body) {
        return HEADER + "public class " + name + " {\n    private Statement stmt;\n\n" + body + "\n}\n";
    }

    static final String FIND_USER = """
                public void find(HttpServletRequest req) throws Exception {
                    String name = req.getParameter("name");
                    String q = "SELECT * FROM users WHERE name = '" + name + "'";
                    stmt.executeQuery(q);
                }
            """;

    static final String ORDERS = """
                @GetMapping("/orders")
                public void orders(@RequestParam String owner) throws Exception {
                    stmt.executeQuery(query(owner));
                }

                private String query(String who) {
                    return "SELECT * FROM orders WHERE owner = '" + who + "'";
                }
            """;

    static CodeScanner scanner(Set<String> analyzers) {
        return CodeScanner.builder(new SecretDetector(SecretRules.builtIn(), 4096), TestRepos.hasher(),
                        ScanOptions.defaults().withThreads(2).withAnalyzers(analyzers))
                .taint(new JavaTaintAnalyzer(TaintModel.builtIn(), JavaTaintAnalyzer.Limits.DEFAULT)).build();
    }

    private static List<String> sarifErrors(String json) throws Exception {
        Path schema = Path.of(System.getProperty("watchkeeper.sarif-schema"));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(schema)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config)
                    .validate(json, InputFormat.JSON).stream().map(ValidationMessage::getMessage).toList();
        }
    }

    @Test
    void treeScanReportsTheFlowWithItsPathInJsonAndSarif() throws Exception {
        Files.createDirectories(dir.resolve("src/main/java/com/acme/web"));
        Files.writeString(dir.resolve("src/main/java/com/acme/web/Users.java"), controller("Users", FIND_USER));
        Files.writeString(dir.resolve("config.env"), "GITHUB_TOKEN=" + new FakeSecrets(5).github("ghp_") + "\n");

        ScanResult all = scanner(ScanOptions.ALL_ANALYZERS).scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE);
        assertThat(all.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("github-pat", "java-sql-injection");
        Finding f = all.findings().stream().filter(x -> x.flow() != null).findFirst().orElseThrow();
        assertThat(f.path()).isEqualTo("src/main/java/com/acme/web/Users.java");
        assertThat(f.startLine()).isEqualTo(13);
        assertThat(f.flow().cwe()).isEqualTo(89);
        assertThat(f.flow().steps()).extracting(s -> s.line()).containsExactly(11, 11, 12, 13);
        assertThat(f.flow().steps().getFirst().message()).isEqualTo("request parameter: req.getParameter(\"name\")");
        assertThat(f.message()).startsWith("SQL injection; request data is built into an SQL");

        String sarif = ScanReports.sarif(all, ScannerVersion.get(), URI.create("https://watchkeeper.example/console"));
        assertThat(sarifErrors(sarif)).isEmpty();
        JsonNode run = Json.parse(sarif).path("runs").get(0);
        JsonNode result = run.path("results").valueStream().filter(r -> r.path("ruleId").asString().equals("java-sql-injection"))
                .findFirst().orElseThrow();
        JsonNode locations = result.path("codeFlows").get(0).path("threadFlows").get(0).path("locations");
        assertThat(locations.size()).isEqualTo(4);
        assertThat(locations.get(3).path("location").path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(13);
        assertThat(locations.get(0).path("location").path("physicalLocation").path("artifactLocation").path("uri").asString())
                .isEqualTo("src/main/java/com/acme/web/Users.java");
        JsonNode rule = run.path("tool").path("driver").path("rules").valueStream()
                .filter(r -> r.path("id").asString().equals("java-sql-injection")).findFirst().orElseThrow();
        assertThat(rule.path("properties").path("tags").toString()).contains("external/cwe/cwe-89");
        assertThat(rule.path("help").path("text").asString()).contains("PreparedStatement");

        JsonNode json = Json.parse(ScanReports.json(all, ScannerVersion.get())).path("findings").valueStream()
                .filter(x -> x.path("rule").asString().equals("java-sql-injection")).findFirst().orElseThrow();
        assertThat(json.path("cwe").asString()).isEqualTo("CWE-89");
        assertThat(json.path("flow").size()).isEqualTo(4);
        assertThat(json.has("masked")).isFalse();
    }

    @Test
    void aCredentialTheSecretsRulesReportIsNotReportedAgainByTheJavaRule() throws Exception {
        String token = new FakeSecrets(21).github("ghp_");
        Files.writeString(dir.resolve("Signer.java"), """
                package com.acme.web;

                import java.nio.charset.StandardCharsets;
                import javax.crypto.spec.SecretKeySpec;

                public class Signer {
                    SecretKeySpec key() {
                        return new SecretKeySpec("%s".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
                    }
                }
                """.formatted(token));
        // the Java rule alone reports it (the secrets rules not run)...
        assertThat(scanner(Set.of(ScanOptions.JAVA)).scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE).findings())
                .extracting(f -> f.ruleId() + "@" + f.path() + ":" + f.startLine())
                .containsExactly("java-hardcoded-credential@Signer.java:8");
        // ...but with the secrets rules it is one finding, the secret's
        assertThat(scanner(ScanOptions.ALL_ANALYZERS).scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE).findings())
                .extracting(f -> f.ruleId() + "@" + f.path() + ":" + f.startLine())
                .containsExactly("github-pat@Signer.java:8");
    }

    @Test
    void aCredentialTheSecretsRulesDoNotCatchIsStillReportedByTheJavaRule() throws Exception {
        Files.writeString(dir.resolve("Orders.java"), """
                package com.acme.web;

                import java.sql.Connection;
                import java.sql.DriverManager;

                public class Orders {
                    Connection open() throws Exception {
                        return DriverManager.getConnection("jdbc:postgresql://db/app", "app", "s3cr3t-Pa55");
                    }
                }
                """);
        Files.writeString(dir.resolve("config.env"), "GITHUB_TOKEN=" + new FakeSecrets(22).github("ghp_") + "\n");
        assertThat(scanner(ScanOptions.ALL_ANALYZERS).scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE).findings())
                .extracting(f -> f.ruleId() + "@" + f.path() + ":" + f.startLine())
                .containsExactlyInAnyOrder("java-hardcoded-credential@Orders.java:8", "github-pat@config.env:1");
    }

    @Test
    void analyzersCanBeChosen() throws Exception {
        Files.writeString(dir.resolve("Users.java"), controller("Users", FIND_USER));
        Files.writeString(dir.resolve("config.env"), "GITHUB_TOKEN=" + new FakeSecrets(6).github("ghp_") + "\n");
        assertThat(scanner(Set.of(ScanOptions.JAVA)).scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE).findings())
                .extracting(Finding::ruleId).containsExactly("java-sql-injection");
        assertThat(scanner(Set.of(ScanOptions.SECRETS)).scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE).findings())
                .extracting(Finding::ruleId).containsExactly("github-pat");
        // the scanner without an analyzer (the secrets-only constructor) reports no code findings
        assertThat(TestRepos.scanner().scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE).findings())
                .extracting(Finding::ruleId).containsExactly("github-pat");
    }

    @Test
    void pullRequestReportsOnlyFlowsItIntroducesOrChanges() {
        Git git = TestRepos.init(dir);
        Map<String, String> base = new LinkedHashMap<>();
        base.put("src/Users.java", controller("Users", FIND_USER));
        base.put("src/Orders.java", controller("Orders", "    public void ping() {}\n"));
        TestRepos.commit(git, base, "base", 1_700_000_000L);
        TestRepos.checkout(git, "feature", true);
        // Users: a comment added above the old flow (its lines move; the flow is not new); Orders: a new flow
        TestRepos.commit(git, Map.of("src/Users.java", controller("Users", "    // lookups\n" + FIND_USER),
                "src/Orders.java", controller("Orders", ORDERS)), "feature", 1_700_000_100L);

        ScanResult tree = scanner(ScanOptions.ALL_ANALYZERS).scan(new ScanRequest.Commit(dir, "feature"), ScanProgress.NONE);
        assertThat(tree.findings()).extracting(Finding::path).containsExactly("src/Orders.java", "src/Users.java");

        ScanResult pr = scanner(ScanOptions.ALL_ANALYZERS).scan(new ScanRequest.PullRequest(dir, "main...feature"), ScanProgress.NONE);
        assertThat(pr.findings()).hasSize(1);
        Finding f = pr.findings().getFirst();
        assertThat(f.path()).isEqualTo("src/Orders.java");
        assertThat(f.flow().steps().getFirst().message()).isEqualTo("request parameter: @RequestParam owner");
        assertThat(f.flow().steps()).extracting(s -> s.message()).contains("returned");
        // the fingerprint does not depend on the line: the same flow keeps it in the tree scan
        assertThat(tree.findings().getFirst().fingerprint()).isEqualTo(f.fingerprint());

        // a PR that edits a line on the old flow's path reports it (changed), unchanged flows stay quiet
        TestRepos.commit(git, Map.of("src/Users.java", controller("Users", "    // lookups\n"
                + FIND_USER.replace("String q = \"SELECT *", "String q = \"SELECT id, name"))), "edit", 1_700_000_200L);
        ScanResult edit = scanner(ScanOptions.ALL_ANALYZERS).scan(new ScanRequest.PullRequest(dir, "main...feature"), ScanProgress.NONE);
        assertThat(edit.findings()).extracting(Finding::path).containsExactly("src/Orders.java", "src/Users.java");
    }

    @Test
    void pullRequestAnalysesTheUnchangedCallersOfTheChangedFiles() {
        // base: a controller hands a parameter to a repository that binds it; the PR changes only the repository
        String repoSafe = HEADER + """
                public class OrderStore {
                    private java.sql.Connection conn;

                    public void byOwner(String owner) throws Exception {
                        java.sql.PreparedStatement ps = conn.prepareStatement("SELECT * FROM orders WHERE owner = ?");
                        ps.setString(1, owner);
                        ps.executeQuery();
                    }
                }
                """;
        String controller = HEADER + """
                public class OrderApi {
                    private final OrderStore store = new OrderStore();

                    @GetMapping("/orders")
                    public void orders(@RequestParam String owner) throws Exception {
                        store.byOwner(owner);
                    }
                }
                """;
        Git git = TestRepos.init(dir);
        TestRepos.commit(git, Map.of("src/OrderStore.java", repoSafe, "src/OrderApi.java", controller,
                "src/Unrelated.java", controller("Unrelated", FIND_USER)), "base", 1_700_000_000L);
        TestRepos.checkout(git, "feature", true);
        TestRepos.commit(git, Map.of("src/OrderStore.java", repoSafe.replace(
                "conn.prepareStatement(\"SELECT * FROM orders WHERE owner = ?\");\n",
                "conn.prepareStatement(\"SELECT * FROM orders WHERE owner = '\" + owner + \"'\");\n")),
                "concatenate", 1_700_000_100L);

        ScanResult pr = scanner(ScanOptions.ALL_ANALYZERS).scan(new ScanRequest.PullRequest(dir, "main...feature"), ScanProgress.NONE);
        // the flow starts in the unchanged controller and ends in the changed repository; the unrelated file's old
        // flow is not reported
        assertThat(pr.findings()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("src/OrderStore.java");
            assertThat(f.flow().steps().getFirst().path()).isEqualTo("src/OrderApi.java");
            assertThat(f.note()).contains("path: OrderApi.java:");
        });
    }
}
