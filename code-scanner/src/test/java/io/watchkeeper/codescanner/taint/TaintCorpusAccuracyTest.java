package io.watchkeeper.codescanner.taint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The labelled corpus ({@code src/test/resources/taint-corpus}, written by its {@code generate.py}):
 * every case is analysed in one run, like a repository; a case counts as flagged when a flow of its
 * rule ends in its file. Per category: true-positive rate, false-positive rate and Youden's index
 * (TPR - FPR); the thresholds (average at least 0.70, no category under 0.5) fail the build.
 */
class TaintCorpusAccuracyTest {

    static final Set<String> MISUSE_FAMILIES = Set.of("crypto", "xxe", "cookie", "random", "credentials");

    record Case(String category, String file, boolean vulnerable, String rule, String shape) {}

    record Score(String category, int vulnerable, int found, int safe, int falseAlarms, List<String> missed, List<String> alarms) {
        double tpr() {
            return vulnerable == 0 ? 0 : (double) found / vulnerable;
        }

        double fpr() {
            return safe == 0 ? 0 : (double) falseAlarms / safe;
        }

        double youden() {
            return tpr() - fpr();
        }
    }

    static Path corpus() throws URISyntaxException {
        return Path.of(TaintCorpusAccuracyTest.class.getResource("/taint-corpus").toURI());
    }

    static List<JavaTaintAnalyzer.Source> sources(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> {
                try {
                    return new JavaTaintAnalyzer.Source(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void corpusScoresAboveTheThresholds() throws Exception {
        Path root = corpus();
        List<JavaTaintAnalyzer.Source> sources = sources(root);
        List<Case> cases = new ArrayList<>();
        for (JavaTaintAnalyzer.Source s : sources) {
            String[] lines = s.text().split("\n", 3);
            String[] label = lines[0].replace("// expect:", "").trim().split(" ");
            cases.add(new Case(s.path().substring(0, s.path().indexOf('/')), s.path(), label[0].equals("vulnerable"), label[1],
                    lines[1].replace("// shape:", "").trim()));
        }
        long started = System.nanoTime();
        JavaTaintAnalyzer.Result result = new JavaTaintAnalyzer(TaintModel.builtIn(), JavaTaintAnalyzer.Limits.DEFAULT).analyze(sources);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(result.parseFailures()).isZero();
        assertThat(result.timedOut()).isFalse();
        Map<String, Set<String>> flagged = result.flows().stream().collect(Collectors.groupingBy(f -> f.sink().path(),
                Collectors.mapping(f -> f.rule().id(), Collectors.toSet())));

        Map<String, List<Case>> byCategory = cases.stream().collect(Collectors.groupingBy(Case::category, TreeMap::new, Collectors.toList()));
        List<Score> scores = new ArrayList<>();
        for (var e : byCategory.entrySet()) {
            int vuln = 0;
            int found = 0;
            int safe = 0;
            int alarms = 0;
            List<String> missed = new ArrayList<>();
            List<String> falseAlarms = new ArrayList<>();
            for (Case c : e.getValue()) {
                boolean hit = flagged.getOrDefault(c.file(), Set.of()).contains(c.rule());
                if (c.vulnerable()) {
                    vuln++;
                    if (hit) {
                        found++;
                    } else {
                        missed.add(c.file() + " (" + c.shape() + ")");
                    }
                } else {
                    safe++;
                    if (hit) {
                        alarms++;
                        falseAlarms.add(c.file() + " (" + c.shape() + ")");
                    }
                }
            }
            scores.add(new Score(e.getKey(), vuln, found, safe, alarms, missed, falseAlarms));
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%-9s %5s %5s %6s %6s %7s%n", "category", "vuln", "safe", "TPR", "FPR", "Youden"));
        for (Score s : scores) {
            report.append(String.format(Locale.ROOT, "%-9s %5d %5d %6.2f %6.2f %7.2f%n", s.category(), s.vulnerable(), s.safe(), s.tpr(),
                    s.fpr(), s.youden()));
            s.missed().forEach(m -> report.append("   missed: ").append(m).append('\n'));
            s.alarms().forEach(m -> report.append("   false alarm: ").append(m).append('\n'));
        }
        double average = scores.stream().mapToDouble(Score::youden).average().orElse(0);
        report.append(String.format(Locale.ROOT, "average Youden %.2f over %d categories, %d cases, %d lines in %.2f s%n", average,
                scores.size(), cases.size(), result.lines(), seconds));
        System.out.print(report);
        Files.writeString(Path.of("target", "taint-accuracy.txt"), report.toString());

        assertThat(scores).hasSizeGreaterThanOrEqualTo(5);
        // injection categories (source-to-sink): at least 40 cases, 20 of them vulnerable; API-misuse families (judged at
        // the call): at least 3 vulnerable cases and 2 safe look-alikes
        assertThat(scores).hasSizeGreaterThanOrEqualTo(15);
        assertThat(scores).allSatisfy(s -> {
            if (MISUSE_FAMILIES.contains(s.category())) {
                assertThat(s.vulnerable()).as(s.category()).isGreaterThanOrEqualTo(3);
                assertThat(s.safe()).as(s.category()).isGreaterThanOrEqualTo(2);
            } else {
                assertThat(s.vulnerable()).as(s.category()).isGreaterThanOrEqualTo(20);
                assertThat(s.vulnerable() + s.safe()).as(s.category()).isGreaterThanOrEqualTo(40);
            }
        });
        assertThat(scores).allSatisfy(s -> assertThat(s.youden()).as(s.category() + " Youden").isGreaterThanOrEqualTo(0.5));
        assertThat(average).as("average Youden").isGreaterThanOrEqualTo(0.70);
    }
}
