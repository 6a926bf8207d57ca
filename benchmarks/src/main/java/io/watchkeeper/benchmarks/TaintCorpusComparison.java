package io.watchkeeper.benchmarks;

import io.watchkeeper.codescanner.taint.JavaTaintAnalyzer;
import io.watchkeeper.codescanner.taint.TaintModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Scores the labelled Java taint corpus for two tools in one run: Watchkeeper's taint analysis (run here on
 * the corpus' sources) and SpotBugs + FindSecBugs (its XML report on the compiled corpus, written by
 * {@code benchmarks/java-taint/run.sh}). Per category: vulnerable and safe cases, true-positive rate,
 * false-positive rate and Youden's index (TPR - FPR) for each tool; SpotBugs bugs are counted at its
 * default confidence (priority high or medium) and at every confidence ({@code -low}).
 *
 * <p>{@code TaintCorpusComparison CORPUS_DIR SPOTBUGS_XML CATEGORY_MAP [OUT]}
 */
public final class TaintCorpusComparison {

    private TaintCorpusComparison() {}

    record Case(String category, String path, String className, boolean vulnerable, String rule) {}

    record Score(int vulnerable, int found, int safe, int alarms) {
        double tpr() {
            return vulnerable == 0 ? 0 : (double) found / vulnerable;
        }

        double fpr() {
            return safe == 0 ? 0 : (double) alarms / safe;
        }

        double youden() {
            return tpr() - fpr();
        }
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path xml = Path.of(args[1]);
        Properties map = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(args[2]), StandardCharsets.UTF_8)) {
            map.load(r);
        }
        List<JavaTaintAnalyzer.Source> sources = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> s = Files.walk(corpus)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = corpus.relativize(p).toString().replace('\\', '/');
                String text = Files.readString(p, StandardCharsets.UTF_8);
                sources.add(new JavaTaintAnalyzer.Source(rel, text));
                String[] label = text.substring(0, text.indexOf('\n')).replace("// expect:", "").trim().split(" ");
                String category = rel.substring(0, rel.indexOf('/'));
                String className = "corpus." + rel.substring(0, rel.length() - ".java".length()).replace('/', '.');
                cases.add(new Case(category, rel, className, label[0].equals("vulnerable"), label[1]));
            }
        }

        long started = System.nanoTime();
        JavaTaintAnalyzer.Result result = new JavaTaintAnalyzer(TaintModel.builtIn(), JavaTaintAnalyzer.Limits.DEFAULT).analyze(sources);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Set<String>> ours = new HashMap<>();
        for (JavaTaintAnalyzer.Flow f : result.flows()) {
            ours.computeIfAbsent(f.sink().path(), k -> new HashSet<>()).add(f.rule().id());
        }

        // class (outermost) -> categories reported, at default confidence and at every confidence
        Map<String, Set<String>> sbDefault = new HashMap<>();
        Map<String, Set<String>> sbAll = new HashMap<>();
        readSpotBugs(xml, map, sbDefault, sbAll);

        Map<String, Score[]> scores = new TreeMap<>();
        Map<String, List<String>> misses = new TreeMap<>();
        for (Case c : cases) {
            boolean w = ours.getOrDefault(c.path(), Set.of()).contains(c.rule());
            boolean d = sbDefault.getOrDefault(c.className(), Set.of()).contains(c.category());
            boolean a = sbAll.getOrDefault(c.className(), Set.of()).contains(c.category());
            Score[] s = scores.computeIfAbsent(c.category(), k -> new Score[] {new Score(0, 0, 0, 0), new Score(0, 0, 0, 0), new Score(0, 0, 0, 0)});
            s[0] = add(s[0], c.vulnerable(), w);
            s[1] = add(s[1], c.vulnerable(), d);
            s[2] = add(s[2], c.vulnerable(), a);
            if (w != c.vulnerable()) {
                misses.computeIfAbsent(c.category(), k -> new ArrayList<>()).add((c.vulnerable() ? "missed " : "false alarm ") + c.path());
            }
        }

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d cases, %d lines; Watchkeeper analysis %.2f s%n%n", cases.size(), result.lines(), seconds));
        out.append("| category | vulnerable | safe | Watchkeeper TPR | FPR | Youden | FindSecBugs TPR | FPR | Youden | FindSecBugs -low TPR | FPR | Youden |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double[] sum = new double[3];
        for (var e : scores.entrySet()) {
            Score[] s = e.getValue();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d |", e.getKey(), s[0].vulnerable(), s[0].safe()));
            for (int i = 0; i < 3; i++) {
                out.append(String.format(Locale.ROOT, " %.2f | %.2f | %.2f |", s[i].tpr(), s[i].fpr(), s[i].youden()));
                sum[i] += s[i].youden();
            }
            out.append('\n');
        }
        int n = scores.size();
        out.append(String.format(Locale.ROOT, "| **average** | | | | | **%.2f** | | | **%.2f** | | | **%.2f** |%n", sum[0] / n, sum[1] / n, sum[2] / n));
        out.append('\n');
        misses.forEach((cat, list) -> list.forEach(m -> out.append("Watchkeeper ").append(m).append('\n')));
        System.out.print(out);
        if (args.length > 3) {
            Files.writeString(Path.of(args[3]), out.toString(), StandardCharsets.UTF_8);
        }
    }

    private static Score add(Score s, boolean vulnerable, boolean flagged) {
        return vulnerable
                ? new Score(s.vulnerable() + 1, s.found() + (flagged ? 1 : 0), s.safe(), s.alarms())
                : new Score(s.vulnerable(), s.found(), s.safe() + 1, s.alarms() + (flagged ? 1 : 0));
    }

    private static void readSpotBugs(Path xml, Properties map, Map<String, Set<String>> atDefault, Map<String, Set<String>> atAll)
            throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        NodeList bugs;
        try (InputStream in = Files.newInputStream(xml)) {
            bugs = f.newDocumentBuilder().parse(in).getDocumentElement().getElementsByTagName("BugInstance");
        }
        for (int i = 0; i < bugs.getLength(); i++) {
            Element bug = (Element) bugs.item(i);
            String category = map.getProperty(bug.getAttribute("type"));
            if (category == null) {
                continue;
            }
            NodeList classes = bug.getElementsByTagName("Class");
            if (classes.getLength() == 0) {
                continue;
            }
            String cls = ((Element) classes.item(0)).getAttribute("classname");
            int dollar = cls.indexOf('$');
            String outer = dollar < 0 ? cls : cls.substring(0, dollar);
            atAll.computeIfAbsent(outer, k -> new HashSet<>()).add(category);
            if (Integer.parseInt(bug.getAttribute("priority")) <= 2) {
                atDefault.computeIfAbsent(outer, k -> new HashSet<>()).add(category);
            }
        }
    }
}
