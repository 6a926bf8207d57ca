package io.watchkeeper.web.code;

import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.codescanner.iac.IacFindings;
import io.watchkeeper.codescanner.source.FileRef;
import io.watchkeeper.codescanner.source.GitRepos;
import io.watchkeeper.codescanner.source.GitSources;
import io.watchkeeper.codescanner.source.LineSet;
import io.watchkeeper.codescanner.source.ScanLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;

/**
 * Where each finding of a pull request is commented: GitHub takes review comments only on lines of the
 * diff, so a finding whose last line the pull request did not add (an IaC declaration with one changed
 * argument, a vulnerability whose sink is an old line) goes on the last line of it that the pull
 * request adds, or in the review's body when it adds none. IaC findings with a deterministic fix get
 * their suggestion ({@link IacSuggestions}) on the insecure line, or on the range of insecure lines
 * (a multi-line comment) when there are several.
 */
final class Placements {

    /** Longest declaration searched for an added line. */
    private static final int MAX_SPAN = 10_000;
    /** Largest file read for a suggestion. */
    private static final int MAX_FILE = 2 * 1024 * 1024;

    private Placements() {}

    static Map<String, ReviewReport.Placement> of(Path dir, String spec, List<Finding> findings) {
        Map<String, ReviewReport.Placement> out = new HashMap<>();
        if (findings.isEmpty()) {
            return out;
        }
        try (Repository repo = GitRepos.open(dir)) {
            GitSources.PullRequest pr = GitSources.pullRequest(repo, spec, ScanLimits.DEFAULT);
            Map<String, FileRef> added = new HashMap<>();
            pr.added().forEach(r -> added.put(r.path(), r));
            Map<String, List<String>> texts = new HashMap<>();
            for (Finding f : findings) {
                FileRef ref = added.get(f.path());
                LineSet lines = ref == null ? null : ref.added();
                if (lines != null && lines.intersects(f.endLine(), f.endLine()) && !IacFindings.FAMILY.equals(f.family())) {
                    continue; // the usual case: commented on its last line
                }
                IacSuggestions.Suggestion suggestion = null;
                if (IacFindings.FAMILY.equals(f.family()) && ref != null && ref.blob() != null) {
                    List<String> text = texts.computeIfAbsent(f.path(), p -> read(repo, ref));
                    suggestion = IacSuggestions.suggest(f.ruleId(), text, f.startLine(), f.endLine(),
                            n -> lines.intersects(n, n));
                }
                int line = suggestion != null ? suggestion.line() : lastAdded(lines, f.startLine(), f.endLine());
                out.put(f.fingerprint(), suggestion == null ? new ReviewReport.Placement(line, null)
                        : new ReviewReport.Placement(suggestion.startLine(), line, suggestion.replacement()));
            }
        }
        return out;
    }

    private static int lastAdded(LineSet lines, int start, int end) {
        if (lines == null) {
            return 0;
        }
        for (int n = end; n >= Math.max(1, start) && end - n < MAX_SPAN; n--) {
            if (lines.intersects(n, n)) {
                return n;
            }
        }
        return 0;
    }

    private static List<String> read(Repository repo, FileRef ref) {
        try {
            ObjectLoader loader = repo.open(ref.blob());
            if (loader.getSize() > MAX_FILE) {
                return List.of();
            }
            return new String(loader.getCachedBytes(MAX_FILE), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
