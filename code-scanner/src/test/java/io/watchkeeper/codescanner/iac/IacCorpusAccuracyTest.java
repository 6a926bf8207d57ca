package io.watchkeeper.codescanner.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.codescanner.ScanProgress;
import io.watchkeeper.codescanner.ScanRequest;
import io.watchkeeper.codescanner.ScanResult;
import io.watchkeeper.codescanner.TestRepos;
import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.core.inventory.LiveConfigDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labelled IaC corpus (src/test/resources/iac-corpus): misconfigured Terraform modules,
 * CloudFormation templates (YAML and JSON) and a plan, each finding labelled in labels.tsv, and clean
 * look-alikes under clean/ that must yield nothing. Scored in tree, pull-request and history modes
 * through the whole scanner; the numbers go to BENCHMARKS.md.
 */
class IacCorpusAccuracyTest {

    private static Path corpus;
    private static Set<String> labels;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        corpus = Path.of(IacCorpusAccuracyTest.class.getResource("/iac-corpus").toURI());
        labels = new TreeSet<>();
        for (String line : Files.readAllLines(corpus.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                labels.add(line.strip());
            }
        }
        assertThat(labels).hasSizeGreaterThanOrEqualTo(60);
    }

    private static String key(Finding f) {
        return f.path() + "\t" + f.ruleId() + "\t" + f.iac().address() + "\t" + f.iac().evidenceKey();
    }

    private static Map<String, String> files(Path root) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.equals("labels.tsv")) {
                    out.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private record Score(int expected, int found, int missed, int unexpected, int onClean, List<String> problems) {
        double recall() {
            return expected == 0 ? 1 : (double) found / expected;
        }

        double precision() {
            return found + unexpected == 0 ? 1 : (double) found / (found + unexpected);
        }

        String row(String mode) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f %% | %.1f %% |", mode, expected, found, unexpected,
                    onClean, 100 * recall(), 100 * precision());
        }
    }

    private static Score score(ScanResult result, Set<String> expected) {
        Set<String> seen = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        int unexpected = 0;
        int onClean = 0;
        for (Finding f : result.findings()) {
            assertThat(f.family()).isEqualTo("iac");
            String k = key(f);
            if (f.path().startsWith("clean/")) {
                onClean++;
                problems.add("CLEAN " + k);
            } else if (expected.contains(k)) {
                seen.add(k);
            } else {
                unexpected++;
                problems.add("UNEXPECTED " + k);
            }
        }
        for (String e : expected) {
            if (!seen.contains(e)) {
                problems.add("MISSED " + e);
            }
        }
        return new Score(expected.size(), seen.size(), expected.size() - seen.size(), unexpected, onClean, problems);
    }

    @Test
    void treeModeFindsEveryLabelledMisconfigurationAndNothingOnCleanFiles() throws IOException {
        for (var e : files(corpus).entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        ScanResult tree = TestRepos.iacScanner(LiveConfigDirectory.NONE).scan(new ScanRequest.WorkingTree(dir), ScanProgress.NONE);
        Score s = score(tree, labels);
        System.out.println("IaC corpus " + s.row("tree") + " " + s.problems());
        assertThat(s.onClean()).as("findings on clean files: %s", s.problems()).isZero();
        assertThat(s.recall()).as("%s", s.problems()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.precision()).as("%s", s.problems()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void pullRequestModeReportsOnlyWhatTheBranchIntroducesAndHistoryFindsTheRest() {
        Map<String, String> all = files(corpus);
        // the base already has the clean files and one misconfigured module; the PR adds the rest and
        // touches that module without changing what is wrong with it
        String existing = "terraform/sg-ssh-world/main.tf";
        Map<String, Object> base = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith("clean/") || k.equals(existing)) {
                base.put(k, v);
            }
        });
        Git git = TestRepos.init(dir);
        TestRepos.commit(git, base, "base", 1_700_000_000);
        TestRepos.checkout(git, "feature", true);
        Map<String, Object> head = new LinkedHashMap<>(all);
        head.put(existing, all.get(existing).replace("description = \"bastion access\"", "description = \"bastion access (eu)\""));
        TestRepos.commit(git, head, "add infrastructure", 1_700_000_100);

        ScanResult pr = TestRepos.iacScanner(LiveConfigDirectory.NONE).scan(new ScanRequest.PullRequest(dir, "main...feature"),
                ScanProgress.NONE);
        Set<String> introduced = new TreeSet<>(labels.stream().filter(l -> !l.startsWith(existing)).toList());
        Score s = score(pr, introduced);
        System.out.println("IaC corpus " + s.row("pull request") + " " + s.problems());
        assertThat(pr.findings()).noneMatch(f -> f.path().equals(existing));
        assertThat(s.onClean()).isZero();
        assertThat(s.recall()).as("%s", s.problems()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.precision()).as("%s", s.problems()).isGreaterThanOrEqualTo(0.95);

        ScanResult history = TestRepos.iacScanner(LiveConfigDirectory.NONE).scan(new ScanRequest.History(dir), ScanProgress.NONE);
        Score h = score(history, labels);
        System.out.println("IaC corpus " + h.row("history") + " " + h.problems());
        assertThat(h.onClean()).isZero();
        assertThat(h.recall()).as("%s", h.problems()).isGreaterThanOrEqualTo(0.95);
        assertThat(h.precision()).as("%s", h.problems()).isGreaterThanOrEqualTo(0.95);
        // each finding once, reported at the commit that introduced it
        assertThat(history.findings()).allMatch(f -> f.commit() != null);
        assertThat(history.findings().stream().filter(f -> f.path().equals(existing)).map(Finding::commit).distinct().count())
                .isEqualTo(1);
    }
}
