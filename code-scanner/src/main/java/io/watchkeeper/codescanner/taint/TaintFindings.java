package io.watchkeeper.codescanner.taint;

import io.watchkeeper.codescanner.finding.CodeFlow;
import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.core.secrets.SecretHasher;
import io.watchkeeper.codescanner.finding.Verification;
import io.watchkeeper.codescanner.source.LineSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Taint flows as scanner findings: rule id, CWE, title, severity, the sink's place, the path as a
 * {@link CodeFlow}, and a fingerprint from the rule, the method holding the sink, the sink's and the
 * source's text and the path (never a line number, so it survives edits above it). In a pull request
 * only flows the head has and the merge base does not, or whose path crosses a line the PR adds.
 */
public final class TaintFindings {

    public static final String FAMILY = "java";

    /** The Java rule that reports a credential written in the code, which the secrets rules may report as well. */
    public static final String HARDCODED_CREDENTIAL = "java-hardcoded-credential";

    private TaintFindings() {}

    /** Every flow of a tree or commit. */
    public static List<Finding> all(JavaTaintAnalyzer.Result result) {
        return result.flows().stream().map(f -> finding(f, null)).toList();
    }

    /**
     * The flows a pull request introduces or changes.
     *
     * @param head the analysis of the head's versions of the changed files
     * @param base the analysis of the merge base's versions of them
     * @param added lines the pull request adds, by path
     */
    public static List<Finding> pullRequest(JavaTaintAnalyzer.Result head, JavaTaintAnalyzer.Result base, Map<String, LineSet> added,
                                            String commit) {
        Set<String> before = new HashSet<>();
        base.flows().forEach(f -> before.add(fingerprint(f)));
        List<Finding> out = new ArrayList<>();
        for (JavaTaintAnalyzer.Flow f : head.flows()) {
            boolean touched = f.steps().stream().anyMatch(s -> added.getOrDefault(s.path(), LineSet.of()).intersects(s.line(), s.line()));
            if (touched || !before.contains(fingerprint(f))) {
                out.add(finding(f, commit));
            }
        }
        return out;
    }

    /**
     * The code findings without the hard-coded credentials a secrets finding already reports: same file,
     * and the credential's line within the secret's lines (one credential, one finding: the secret's,
     * which carries the mask, the keyed hash and the joins to live keys).
     */
    public static List<Finding> withoutSecretDuplicates(List<Finding> code, List<Finding> secrets) {
        return code.stream().filter(f -> !f.ruleId().equals(HARDCODED_CREDENTIAL) || secrets.stream().noneMatch(
                s -> s.path().equals(f.path()) && s.startLine() <= f.startLine() && f.startLine() <= s.endLine())).toList();
    }

    static String fingerprint(JavaTaintAnalyzer.Flow f) {
        return SecretHasher.fingerprint(f.rule().id(), sha256(f.key()), f.sink().path());
    }

    private static Finding finding(JavaTaintAnalyzer.Flow f, String commit) {
        TaintModel.Rule r = f.rule();
        Taint.Step source = f.source();
        Taint.Step sink = f.sink();
        String note = f.steps().size() == 1 ? r.message() + " (CWE-" + r.cwe() + "): " + sink.label()
                : r.message() + " (CWE-" + r.cwe() + "): " + source.label() + " (" + source.path() + ":" + source.line() + ") "
                + sink.label() + " in " + f.steps().size() + " steps; path: " + path(f.steps());
        List<CodeFlow.Step> steps = f.steps().stream().map(s -> new CodeFlow.Step(s.path(), s.line(), s.label())).toList();
        return new Finding(r.id(), FAMILY, r.title(), r.severity(), sink.path(), sink.line(), sink.line(), null, null, fingerprint(f),
                "code", note, commit, Verification.NOT_CHECKED, null, new CodeFlow(r.cwe(), r.fix(), steps));
    }

    /** The steps as {@code file:line label → …} (at most 12: the first 6 and the last 6), for messages and PR comments. */
    static String path(List<Taint.Step> steps) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.size() > 12 && i == 6) {
                parts.add("… " + (steps.size() - 12) + " more …");
                i = steps.size() - 7;
                continue;
            }
            Taint.Step s = steps.get(i);
            String file = s.path().substring(s.path().lastIndexOf('/') + 1);
            parts.add(file + ":" + s.line() + " " + s.label());
        }
        return String.join(" → ", parts);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
