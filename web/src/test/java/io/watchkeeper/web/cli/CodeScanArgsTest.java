package io.watchkeeper.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The plain {@code code scan} parser: every command line it accepts populates the command exactly as picocli
 * does (all fields compared), everything else is left to picocli, and a scan it parses loads no picocli class.
 */
class CodeScanArgsTest {

    @TempDir
    Path dir;

    private static Cli cli() {
        return new Cli(() -> {
            throw new IllegalStateException("no Spring here");
        }, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
    }

    /** Every field of the command but the shared Cli, by name. */
    private static Map<String, Object> fields(CodeScanCommand c) throws IllegalAccessException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : CodeScanCommand.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getType() == Cli.class) {
                continue;
            }
            f.setAccessible(true);
            out.put(f.getName(), f.get(c));
        }
        return out;
    }

    private static CodeScanCommand picocli(String... args) {
        CodeScanCommand c = new CodeScanCommand(cli());
        CommandLine line = new CommandLine(c);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.parseArgs(args);
        return c;
    }

    @Test
    void acceptedLinesPopulateTheCommandAsPicocliDoes() throws Exception {
        List<String[]> lines = List.of(
                new String[] {},
                new String[] {"."},
                new String[] {"/tmp/tree", "--rules", "secrets", "--inventory", "off", "--format", "json", "--out", "/dev/null",
                        "--fail-on", "none", "--key-file", "/tmp/code-scan.key"},
                new String[] {"repo", "--history", "--rules", "secrets", "--inventory", "off", "--format", "json", "--fail-on", "none"},
                new String[] {"--diff", "main...feature", "repo", "--format=sarif", "--out=report.sarif", "--fail-on=high"},
                new String[] {"repo", "--commit", "HEAD~1", "--format", "Text", "--inventory", "ON"},
                new String[] {"--include-vendored", "--include-generated", "--no-iac", "--max-file-size", "2m", "--max-line-length",
                        "8192", "--threads", "1", "x y/with space"},
                new String[] {"--rules", "rules.yml", "--taint-model", "model.yml", "--inventory=auto", "--threads=16", "src"},
                new String[] {"--max-line-length", "100", "--threads", "0", "--max-file-size", "lots", "--fail-on", "severe", "a=b"});
        for (String[] args : lines) {
            CodeScanCommand fast = CodeScanArgs.parse(cli(), args);
            assertThat(fast).as(String.join(" ", args)).isNotNull();
            assertThat(fields(fast)).as(String.join(" ", args)).isEqualTo(fields(picocli(args)));
        }
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        for (String[] args : List.of(
                new String[] {"--help"}, new String[] {"-h"}, new String[] {"--version"}, new String[] {"-V"},
                new String[] {".", "--verify", "github"}, new String[] {"--verify=github,slack"},
                new String[] {"@args.txt"}, new String[] {"--", "-odd"}, new String[] {"-odd"}, new String[] {""},
                new String[] {"a", "b"}, new String[] {"--format", "json", "--format", "text"}, new String[] {"--history", "--history"},
                new String[] {"--history=true"}, new String[] {"--format", "xml"}, new String[] {"--format"},
                new String[] {"--format", "--history"}, new String[] {"--out", "-"}, new String[] {"--inventory", "maybe"},
                new String[] {"--threads", "0x10"}, new String[] {"--threads", "010"}, new String[] {"--threads", "+4"},
                new String[] {"--threads", "-1"}, new String[] {"--max-line-length", "99999999999"}, new String[] {"--out", "a\0b"},
                new String[] {"--unknown"}, new String[] {"--format=ıson"}, new String[] {"--rules", ""})) {
            assertThat(CodeScanArgs.parse(cli(), args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void aScanItParsesLoadsNoPicocliClass() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a.py"), "token = 'not-a-secret'\n");
        Path log = dir.resolve("classes.log");
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                "io.watchkeeper.web.WatchkeeperApplication", "code", "scan", tree.toString(), "--rules", "secrets", "--inventory", "off",
                "--format", "json", "--fail-on", "none", "--key-file", dir.resolve("code.key").toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("\"findings\"");
        String classes = Files.readString(log);
        assertThat(classes).contains("io.watchkeeper.web.cli.CodeScanCommand ").doesNotContain(" picocli.");

        // help still comes from picocli, unchanged
        StringWriter helpOut = new StringWriter();
        int exit = io.watchkeeper.web.WatchkeeperApplication.execute(new Cli(() -> null, new PrintWriter(helpOut, true),
                new PrintWriter(new StringWriter(), true), false), new String[] {"code", "scan", "--help"});
        assertThat(exit).isZero();
        assertThat(helpOut.toString()).contains("scan [-hV]", "--max-line-length=N", "--inventory=MODE");
    }
}
