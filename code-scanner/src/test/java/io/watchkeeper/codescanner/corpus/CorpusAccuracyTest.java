package io.watchkeeper.codescanner.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.codescanner.ScanProgress;
import io.watchkeeper.codescanner.ScanRequest;
import io.watchkeeper.codescanner.ScanResult;
import io.watchkeeper.codescanner.TestRepos;
import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.core.secrets.SecretHasher;
import io.watchkeeper.core.secrets.StructureChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall and precision per rule family on the generated, labelled corpus, in tree, pull-request
 * and history modes. A finding counts as a true positive when its path and keyed secret hash match
 * a planted secret; any other finding is a false positive (hard negatives are there to draw them).
 * The figures are printed and written to {@code target/corpus-accuracy.md}.
 */
class CorpusAccuracyTest {

    @TempDir
    static Path dir;

    private static CorpusRepository corpus;
    private static final SecretHasher HASHER = TestRepos.hasher();

    /** Counts for one family. */
    static final class Score {
        int tp;
        int fp;
        int fn;
        final List<String> misses = new ArrayList<>();

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }
    }

    @BeforeAll
    static void build() {
        corpus = CorpusRepository.build(dir.resolve("corpus"), 20261207L);
    }

    private static String key(String path, String hash) {
        return path + "\0" + hash;
    }

    private static String hash(CorpusRepository.Expected e) {
        return HASHER.hash(e.family().equals("private-key") && !e.path().endsWith(".p12") ? StructureChecks.pemBase64(e.secret()) : e.secret());
    }

    private static Map<String, Score> score(ScanResult result, Set<CorpusRepository.Expected> expected) {
        Map<String, Score> scores = new TreeMap<>();
        Map<String, CorpusRepository.Expected> byKey = new HashMap<>();
        expected.forEach(e -> byKey.put(key(e.path(), hash(e)), e));
        Map<String, Boolean> found = new HashMap<>();
        for (Finding f : result.findings()) {
            CorpusRepository.Expected e = byKey.get(key(f.path(), f.secretHash()));
            if (e != null) {
                if (found.putIfAbsent(key(f.path(), f.secretHash()), true) == null) {
                    scores.computeIfAbsent(e.family(), k -> new Score()).tp++;
                }
            } else {
                Score s = scores.computeIfAbsent(f.family(), k -> new Score());
                s.fp++;
                s.misses.add("FP " + f.ruleId() + " " + f.path() + ":" + f.startLine() + " " + f.masked());
            }
        }
        byKey.forEach((k, e) -> {
            if (!found.containsKey(k)) {
                Score s = scores.computeIfAbsent(e.family(), x -> new Score());
                s.fn++;
                s.misses.add("FN " + e.family() + " " + e.path());
            }
        });
        return scores;
    }

    private static String table(String mode, Map<String, Score> scores) {
        StringBuilder b = new StringBuilder("| " + mode + " | planted | found | false positives | recall | precision |\n|---|---|---|---|---|---|\n");
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (var e : scores.entrySet()) {
            Score s = e.getValue();
            tp += s.tp;
            fp += s.fp;
            fn += s.fn;
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f %% | %.1f %% |%n", e.getKey(), s.tp + s.fn, s.tp, s.fp,
                    100 * s.recall(), 100 * s.precision()));
        }
        b.append(String.format(Locale.ROOT, "| **all** | %d | %d | %d | %.1f %% | %.1f %% |%n", tp + fn, tp, fp,
                100.0 * tp / Math.max(1, tp + fn), 100.0 * tp / Math.max(1, tp + fp)));
        return b.toString();
    }

    private static void check(String mode, ScanResult result, Set<CorpusRepository.Expected> expected) throws IOException {
        Map<String, Score> scores = score(result, expected);
        String table = table(mode, scores);
        System.out.println(table);
        scores.values().forEach(s -> s.misses.forEach(m -> System.out.println(mode + " " + m)));
        Path out = Path.of("target", "corpus-accuracy.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        assertThat(scores).allSatisfy((family, s) -> {
            assertThat(s.recall()).as("%s recall of %s: %s", mode, family, s.misses).isGreaterThanOrEqualTo(0.95);
            assertThat(s.precision()).as("%s precision of %s: %s", mode, family, s.misses).isGreaterThanOrEqualTo(0.95);
        });
    }

    @Test
    void theCorpusIsLargeAndCoversEveryFamily() {
        assertThat(corpus.tree).hasSizeGreaterThanOrEqualTo(200);
        assertThat(corpus.pullRequest).hasSizeGreaterThanOrEqualTo(60);
        assertThat(corpus.history.size()).isGreaterThan(corpus.tree.size());
        assertThat(corpus.negatives).hasSizeGreaterThanOrEqualTo(80);
        assertThat(corpus.tree.stream().map(CorpusRepository.Expected::family).distinct())
                .containsExactlyInAnyOrder("github", "aws", "gcp", "private-key", "slack", "stripe", "twilio", "sendgrid",
                        "npm", "pypi", "azure", "jwt", "database-url", "generic");
    }

    @Test
    void treeMode() throws IOException {
        check("tree", TestRepos.scanner().scan(new ScanRequest.WorkingTree(corpus.dir), ScanProgress.NONE), corpus.tree);
    }

    @Test
    void pullRequestMode() throws IOException {
        check("pull request", TestRepos.scanner().scan(new ScanRequest.PullRequest(corpus.dir, "main...feature"), ScanProgress.NONE),
                corpus.pullRequest);
    }

    @Test
    void historyMode() throws IOException {
        check("history", TestRepos.scanner().scan(new ScanRequest.History(corpus.dir), ScanProgress.NONE), corpus.history);
    }
}
