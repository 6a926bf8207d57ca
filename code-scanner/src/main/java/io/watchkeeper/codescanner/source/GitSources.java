package io.watchkeeper.codescanner.source;

import io.watchkeeper.core.secrets.SkipPolicy;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * What to scan in a git repository: a commit's tree, a pull request's added lines
 * ({@code merge-base(base, head)..head}, three-dot semantics) or the whole history (each distinct
 * blob once, with the first commit that introduced it). Symbolic links and submodules are never
 * scanned; they are reported as skipped.
 */
public final class GitSources {

    private GitSources() {}

    /** The regular files of {@code revision}'s tree. */
    public static WorkingTree.Listing tree(Repository repo, String revision) {
        List<FileRef> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            RevCommit commit = GitRepos.commit(repo, walk, revision);
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                FileMode mode = tw.getFileMode(0);
                if (regular(mode)) {
                    files.add(new FileRef(tw.getPathString(), tw.getObjectId(0), null, commit.name(), 0, LineSet.ALL));
                } else {
                    skipped.add(new Skipped(tw.getPathString(), mode == FileMode.SYMLINK ? SkipPolicy.Reason.SYMLINK
                            : SkipPolicy.Reason.SPECIAL_FILE));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorkingTree.Listing(files, skipped);
    }

    static boolean regular(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    /**
     * A pull request's changes.
     *
     * @param base the base commit
     * @param head the head commit
     * @param mergeBase their merge base (what the diff starts from)
     * @param added the head's versions of changed files, each with the lines the pull request adds
     * @param before the merge base's versions of modified, renamed and deleted files (secrets in them are not new)
     * @param skipped changed entries that are not regular files
     */
    public record PullRequest(String base, String head, String mergeBase, List<FileRef> added, List<FileRef> before,
                              List<Skipped> skipped) {}

    /** Parses {@code BASE...HEAD} and diffs the merge base with the head. */
    public static PullRequest pullRequest(Repository repo, String spec, ScanLimits limits) {
        int dots = spec == null ? -1 : spec.indexOf("...");
        if (dots <= 0 || dots + 3 >= spec.length() || spec.indexOf("...", dots + 3) >= 0) {
            throw new InvalidInputException("--diff takes BASE...HEAD (three dots: what HEAD adds since it left BASE), not '"
                    + (spec == null ? "" : spec) + "'");
        }
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit base = GitRepos.commit(repo, walk, spec.substring(0, dots));
            RevCommit head = GitRepos.commit(repo, walk, spec.substring(dots + 3));
            RevCommit mergeBase = mergeBase(repo, base, head);
            List<FileRef> added = new ArrayList<>();
            List<FileRef> before = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            try (DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
                df.setRepository(repo);
                df.setDiffComparator(RawTextComparator.DEFAULT);
                df.setDetectRenames(true);
                df.setBinaryFileThreshold((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
                for (DiffEntry e : df.scan(mergeBase.getTree(), head.getTree())) {
                    if (e.getChangeType() != DiffEntry.ChangeType.ADD && regular(e.getOldMode())) {
                        before.add(new FileRef(e.getOldPath(), e.getOldId().toObjectId(), null, mergeBase.name(), 0, LineSet.ALL));
                    }
                    if (e.getChangeType() == DiffEntry.ChangeType.DELETE) {
                        continue;
                    }
                    if (!regular(e.getNewMode())) {
                        skipped.add(new Skipped(e.getNewPath(), e.getNewMode() == FileMode.SYMLINK ? SkipPolicy.Reason.SYMLINK
                                : SkipPolicy.Reason.SPECIAL_FILE));
                        continue;
                    }
                    LineSet lines = e.getChangeType() == DiffEntry.ChangeType.ADD ? LineSet.ALL : addedLines(df, e);
                    if (!lines.isEmpty()) {
                        added.add(new FileRef(e.getNewPath(), e.getNewId().toObjectId(), null, head.name(), 0, lines));
                    }
                }
            }
            return new PullRequest(base.name(), head.name(), mergeBase.name(), added, before, skipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LineSet addedLines(DiffFormatter df, DiffEntry e) throws IOException {
        List<Integer> pairs = new ArrayList<>();
        for (Edit edit : df.toFileHeader(e).toEditList()) {
            if (edit.getLengthB() > 0) {
                pairs.add(edit.getBeginB() + 1);
                pairs.add(edit.getEndB());
            }
        }
        if (pairs.isEmpty() && e.getOldId() != null && !e.getOldId().equals(e.getNewId())) {
            // binary by git's measure, or too large to diff: its content is new as a whole
            return LineSet.ALL;
        }
        return LineSet.of(pairs.stream().mapToInt(Integer::intValue).toArray());
    }

    private static RevCommit mergeBase(Repository repo, RevCommit base, RevCommit head) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(base));
            walk.markStart(walk.parseCommit(head));
            RevCommit mb = walk.next();
            if (mb == null) {
                throw new InvalidInputException("the two revisions have no common ancestor, so there is no pull-request diff");
            }
            try (RevWalk parse = new RevWalk(repo)) {
                return parse.parseCommit(mb);
            }
        }
    }

    /**
     * Every distinct blob reachable from any ref, once, with the first commit (parents before
     * children) whose tree introduced it at that path.
     *
     * @param commits called with the number of commits walked so far, now and then (progress)
     */
    public static WorkingTree.Listing history(Repository repo, IntConsumer commits) {
        List<FileRef> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<ObjectId> seen = new HashSet<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            boolean any = false;
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                ObjectId id = ref.getObjectId();
                if (id == null) {
                    continue;
                }
                RevObject o;
                try {
                    o = walk.parseAny(id);
                    while (o instanceof RevTag tag) {
                        o = walk.parseAny(tag.getObject());
                    }
                } catch (IOException missing) {
                    continue;
                }
                if (o instanceof RevCommit c) {
                    walk.markStart(c);
                    any = true;
                }
            }
            if (!any) {
                return new WorkingTree.Listing(files, skipped);
            }
            tw.setRecursive(true);
            int order = 0;
            for (RevCommit c : walk) {
                order++;
                if (order % 256 == 0) {
                    commits.accept(order);
                }
                tw.reset();
                tw.addTree(c.getTree());
                for (RevCommit p : c.getParents()) {
                    walk.parseHeaders(p);
                    tw.addTree(p.getTree());
                }
                tw.setFilter(c.getParentCount() == 0 ? TreeFilter.ALL : TreeFilter.ANY_DIFF);
                int trees = tw.getTreeCount();
                while (tw.next()) {
                    FileMode mode = tw.getFileMode(0);
                    if (mode == FileMode.MISSING || mode == FileMode.TREE) {
                        continue;
                    }
                    if (!regular(mode)) {
                        continue; // links and submodules: never content
                    }
                    boolean inParent = false;
                    for (int i = 1; i < trees && !inParent; i++) {
                        inParent = tw.idEqual(0, i);
                    }
                    if (inParent) {
                        continue; // a merge taking one side's version
                    }
                    ObjectId blob = tw.getObjectId(0);
                    if (seen.add(blob)) {
                        files.add(new FileRef(tw.getPathString(), blob, null, c.name(), order, LineSet.ALL));
                    }
                }
            }
            commits.accept(order);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorkingTree.Listing(files, skipped);
    }
}
