package io.watchkeeper.codescanner.taint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;

/**
 * What a pull request's changed Java files reach: the unchanged Java files of the head that the changed files name
 * (callees: a type whose file name they mention) or that name a type of a changed file (callers), one hop each way.
 * They are analysed with the changed files in both the base and the head, so a flow from an unchanged controller into
 * a changed repository is found, and judged new only when the base had no flow with its fingerprint. Bounded: at most
 * {@code maxFiles} files of at most {@code maxFileChars} characters.
 */
public final class PullRequestReach {

    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");

    private PullRequestReach() {}

    /**
     * @param changed the changed Java files (head and base versions; their paths are never returned)
     */
    public static List<JavaTaintAnalyzer.Source> related(Repository repo, String headCommit, List<JavaTaintAnalyzer.Source> changed,
                                                         int maxFiles, int maxFileChars) {
        if (changed.isEmpty()) {
            return List.of();
        }
        Set<String> changedPaths = new HashSet<>();
        Set<String> changedTypes = new HashSet<>();
        Set<String> mentioned = new HashSet<>();
        for (JavaTaintAnalyzer.Source s : changed) {
            changedPaths.add(s.path());
            changedTypes.add(typeOf(s.path()));
            Matcher m = TYPE_NAME.matcher(s.text());
            while (m.find()) {
                mentioned.add(m.group());
            }
        }
        Pattern callers = Pattern.compile("\\b(" + String.join("|", changedTypes.stream().map(Pattern::quote).toList()) + ")\\b");
        List<JavaTaintAnalyzer.Source> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            RevCommit head = walk.parseCommit(repo.resolve(headCommit));
            tw.addTree(head.getTree());
            tw.setRecursive(true);
            tw.setFilter(PathSuffixFilter.create(".java"));
            while (tw.next() && out.size() < maxFiles) {
                String path = tw.getPathString();
                if (changedPaths.contains(path) || tw.getFileMode(0) != FileMode.REGULAR_FILE && tw.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                ObjectId id = tw.getObjectId(0);
                ObjectLoader loader = repo.open(id);
                if (loader.getSize() > maxFileChars) {
                    continue;
                }
                String text = new String(loader.getCachedBytes(maxFileChars), StandardCharsets.UTF_8);
                if (mentioned.contains(typeOf(path)) || callers.matcher(text).find()) {
                    out.add(new JavaTaintAnalyzer.Source(path, text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String typeOf(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.endsWith(".java") ? file.substring(0, file.length() - ".java".length()) : file;
    }
}
