package io.watchkeeper.codescanner.taint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.model.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single behaviours of the analysis, its bounds on hostile source, and the model loader. */
class JavaTaintAnalyzerTest {

    private static final JavaTaintAnalyzer ANALYZER = new JavaTaintAnalyzer(TaintModel.builtIn(), JavaTaintAnalyzer.Limits.DEFAULT);

    private static final String HEADER = """
            package t;
            import java.sql.*;
            import java.util.*;
            import javax.servlet.http.*;
            public class C {
                private Statement stmt;
            """;

    private static List<JavaTaintAnalyzer.Flow> flows(String body) {
        return ANALYZER.analyze(List.of(new JavaTaintAnalyzer.Source("t/C.java", HEADER + body + "\n}\n"))).flows();
    }

    @Test
    void taintFollowsCallsThroughTwoProjectMethodsAndAnotherClass() {
        String helper = """
                package t;
                public class Queries {
                    public static String byName(String n) { return wrap("SELECT * FROM u WHERE n = '" + n + "'"); }
                    private static String wrap(String q) { return q + " LIMIT 10"; }
                }
                """;
        List<JavaTaintAnalyzer.Flow> out = ANALYZER.analyze(List.of(
                new JavaTaintAnalyzer.Source("t/C.java", HEADER + """
                    public void h(HttpServletRequest r) throws Exception { stmt.executeQuery(Queries.byName(r.getParameter("n"))); }
                }
                """), new JavaTaintAnalyzer.Source("t/Queries.java", helper))).flows();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().steps()).extracting(Taint.Step::path).contains("t/Queries.java");
    }

    @Test
    void aSanitiserForOneRuleDoesNotCleanAnother() {
        String body = """
                public void h(HttpServletRequest r) throws Exception {
                    String v = org.springframework.web.util.HtmlUtils.htmlEscape(r.getParameter("v"));
                    stmt.executeQuery("SELECT " + v);
                }
            """;
        assertThat(flows(body)).extracting(f -> f.rule().id()).containsExactly("java-sql-injection");
    }

    @Test
    void messageListenerParametersAreSources() {
        String body = """
                @org.springframework.kafka.annotation.KafkaListener(topics = "jobs")
                public void onJob(String payload, int partition) throws Exception {
                    stmt.executeQuery("SELECT * FROM jobs WHERE name = '" + payload + "'");
                    stmt.executeQuery("SELECT * FROM jobs WHERE part = " + partition);
                }
                @org.springframework.jms.annotation.JmsListener(destination = "q")
                public void onMessage(String text) throws Exception { stmt.execute(text); }
                public void notAListener(String text) throws Exception { stmt.execute(text); }
            """;
        List<JavaTaintAnalyzer.Flow> out = flows(body);
        assertThat(out).extracting(f -> f.source().label()).containsExactlyInAnyOrder(
                "message: payload of @KafkaListener onJob()", "message: text of @JmsListener onMessage()");
    }

    @Test
    void theEnvironmentIsASourceKindThatAModelFileTurnsOn() {
        String body = """
                public void h() throws Exception { stmt.execute("DROP TABLE " + System.getenv("TABLE")); }
            """;
        assertThat(flows(body)).isEmpty();
        TaintModel on = TaintModel.builtIn().with("env.yaml",
                new ByteArrayInputStream("version: 1\nenable-sources: [environment]\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(on.sourceEnabled("environment")).isTrue();
        assertThat(TaintModel.builtIn().sourceEnabled("environment")).isFalse();
        List<JavaTaintAnalyzer.Flow> out = new JavaTaintAnalyzer(on, JavaTaintAnalyzer.Limits.DEFAULT)
                .analyze(List.of(new JavaTaintAnalyzer.Source("t/C.java", HEADER + body + "\n}\n"))).flows();
        assertThat(out).singleElement().satisfies(f -> assertThat(f.source().label()).startsWith("environment"));
        TaintModel off = on.with("off.yaml",
                new ByteArrayInputStream("version: 1\ndisable-sources: [environment, message]\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(off.sourceEnabled("environment")).isFalse();
        assertThat(off.sourceEnabled("message")).isFalse();
    }

    @Test
    void apiMisusesAreOneStepFindingsWithoutASource() {
        String body = """
                public void h() throws Exception {
                    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                    mapper.activateDefaultTyping(mapper.getPolymorphicTypeValidator());
                    javax.crypto.Cipher.getInstance("DES");
                    javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
                }
            """;
        List<JavaTaintAnalyzer.Flow> out = flows(body);
        assertThat(out).extracting(f -> f.rule().id()).containsExactlyInAnyOrder("java-jackson-default-typing", "java-weak-cipher");
        assertThat(out).allSatisfy(f -> assertThat(f.steps()).hasSize(1));
        assertThat(out).extracting(f -> f.sink().line()).containsExactlyInAnyOrder(9, 10);
    }

    @Test
    void loopsCarryTaintAroundTheBackEdge() {
        String body = """
                public void h(HttpServletRequest r) throws Exception {
                    String q = "SELECT 1";
                    String next = "x";
                    for (int i = 0; i < 3; i++) {
                        q = next;
                        next = r.getParameter("p");
                    }
                    stmt.execute(q);
                }
            """;
        assertThat(flows(body)).hasSize(1);
    }

    @Test
    void hostileSourceNeverCrashesAndStaysBounded() {
        StringBuilder deep = new StringBuilder(HEADER).append("  void f(HttpServletRequest r) throws Exception { String s = ");
        deep.append("(".repeat(20_000)).append("r.getParameter(\"a\")").append(")".repeat(20_000)).append("; stmt.execute(s); }\n}\n");
        StringBuilder ifs = new StringBuilder(HEADER).append("  void g(HttpServletRequest r) throws Exception {\n");
        ifs.append("if (r != null) {".repeat(3_000)).append("stmt.execute(r.getParameter(\"b\"));").append("}".repeat(3_000)).append("}\n}\n");
        List<JavaTaintAnalyzer.Source> sources = List.of(
                new JavaTaintAnalyzer.Source("deep/C.java", deep.toString().replace("package t;", "package deep;")),
                new JavaTaintAnalyzer.Source("ifs/C.java", ifs.toString().replace("package t;", "package ifs;")),
                new JavaTaintAnalyzer.Source("broken.java", "class { this is not java \u0000\u001b[2J"),
                new JavaTaintAnalyzer.Source("big.java", "x".repeat(2_000_001)),
                new JavaTaintAnalyzer.Source("t/C.java", HEADER + """
                    public void h(HttpServletRequest r) throws Exception { stmt.execute("\u001b[2J" + r.getParameter("q\u0007")); }
                }
                """));
        JavaTaintAnalyzer.Result result = ANALYZER.analyze(sources);
        assertThat(result.parseFailures()).isGreaterThanOrEqualTo(2); // the broken and the oversized file at least
        assertThat(result.flows()).anySatisfy(f -> {
            assertThat(f.sink().path()).isEqualTo("t/C.java");
            assertThat(f.source().label()).doesNotContain("\u0007").doesNotContain("\u001b");
        });
    }

    @Test
    void theDeadlineStopsTheAnalysisWithoutFailing() {
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i < 400; i++) {
            many.append("  void m").append(i).append("(HttpServletRequest r) throws Exception { stmt.execute(r.getParameter(\"x\")); }\n");
        }
        many.append("}\n");
        JavaTaintAnalyzer quick = new JavaTaintAnalyzer(TaintModel.builtIn(), new JavaTaintAnalyzer.Limits(1_000_000, Duration.ofNanos(1), 12));
        JavaTaintAnalyzer.Result result = quick.analyze(List.of(new JavaTaintAnalyzer.Source("t/C.java", many.toString())));
        assertThat(result.timedOut()).isTrue();
        assertThat(result.flows().size()).isLessThan(400);
    }

    @Test
    void modelFilesAreCheckedAndNameTheFileAtFault() {
        TaintModel base = TaintModel.builtIn();
        assertThat(base.files()).contains("jdk.yaml", "servlet.yaml", "spring.yaml", "persistence.yaml", "apache-commons.yaml");
        assertThat(base.rules().values()).allSatisfy(r -> {
            assertThat(r.cwe()).isPositive();
            assertThat(r.fix()).isNotBlank();
        });
        assertThatThrownBy(() -> base.with("mine.yaml", yaml("version: 1\nsinks:\n  - rule: java-sql-injection\n    types: [a.B]\n    methods: [q]\n    colour: red\n")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mine.yaml").hasMessageContaining("colour");
        assertThatThrownBy(() -> base.with("mine.yaml", yaml("version: 1\nsinks:\n  - rule: java-nope\n    types: [a.B]\n    methods: [q]\n")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown rule java-nope");
        assertThatThrownBy(() -> base.with("mine.yaml", yaml("version: 2\n")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("version must be 1");
        assertThatThrownBy(() -> base.with("mine.yaml", yaml("version: 1\nsinks: [\n")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mine.yaml");
    }

    private static ByteArrayInputStream yaml(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
