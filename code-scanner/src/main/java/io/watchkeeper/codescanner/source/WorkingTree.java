package io.watchkeeper.codescanner.source;

import io.watchkeeper.core.secrets.SkipPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The files of a directory tree: regular files only, symbolic links never followed (a link out of
 * the tree is skipped like any other), {@code .git}/{@code .hg}/{@code .svn} left out, nothing
 * read below {@link ScanLimits#maxDepth()}.
 */
public final class WorkingTree {

    private static final Set<String> VCS = Set.of(".git", ".hg", ".svn");

    private WorkingTree() {}

    /** The files under {@code root} and those skipped on the way. */
    public static Listing list(Path root, ScanLimits limits) {
        List<FileRef> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), limits.maxDepth(),
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            Path name = dir.getFileName();
                            return !dir.equals(root) && name != null && VCS.contains(name.toString())
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String path = relative(root, file);
                            if (attrs.isSymbolicLink()) {
                                skipped.add(new Skipped(path, SkipPolicy.Reason.SYMLINK));
                            } else if (attrs.isDirectory()) {
                                skipped.add(new Skipped(path, SkipPolicy.Reason.TOO_DEEP));
                            } else if (!attrs.isRegularFile()) {
                                skipped.add(new Skipped(path, SkipPolicy.Reason.SPECIAL_FILE));
                            } else {
                                files.add(new FileRef(path, null, file, null, 0, LineSet.ALL));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            skipped.add(new Skipped(relative(root, file), SkipPolicy.Reason.UNREADABLE));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Listing(files, skipped);
    }

    /**
     * {@code file}'s path below {@code root} with '/' separators. The walk hands out paths built by
     * resolving names against {@code root}, so the prefix is cut as text (Path.relativize costs more than
     * reading a small file); anything else takes the general way.
     */
    static String relative(Path root, Path file) {
        String r = root.toString();
        String f = file.toString();
        String sep = root.getFileSystem().getSeparator();
        if (f.length() > r.length() && f.startsWith(r)) {
            int from = r.endsWith(sep) ? r.length() : r.length() + sep.length();
            if (from <= f.length() && f.startsWith(sep, from - sep.length())) {
                String rel = f.substring(from);
                return sep.equals("/") ? rel : rel.replace(sep, "/");
            }
        }
        Path rel = root.relativize(file);
        StringBuilder b = new StringBuilder();
        for (Path part : rel) {
            if (!b.isEmpty()) {
                b.append('/');
            }
            b.append(part);
        }
        return b.toString();
    }

    /** Files to read and files skipped while listing. */
    public record Listing(List<FileRef> files, List<Skipped> skipped) {}
}
