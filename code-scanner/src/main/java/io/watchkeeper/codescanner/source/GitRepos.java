package io.watchkeeper.codescanner.source;

import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Opens repositories with jgit alone. jgit looks for a system-wide git configuration by running
 * the {@code git} executable; the scanner never starts a process, so the system and user git
 * configuration are replaced by empty ones (installed once, for the whole process). jgit's own
 * cache file (file-system timestamp resolution) is kept. Of git configuration, only the scanned
 * repository's own is read.
 */
public final class GitRepos {

    private static volatile boolean installed;

    private GitRepos() {}

    /** Makes jgit read no git configuration outside the repository (so it never runs git to find it). */
    public static synchronized void isolate() {
        if (installed) {
            return;
        }
        SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
            @Override
            public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                return empty(parent, fs);
            }

            @Override
            public FileBasedConfig openUserConfig(Config parent, FS fs) {
                return empty(parent, fs);
            }
        });
        installed = true;
    }

    private static FileBasedConfig empty(Config parent, FS fs) {
        return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
                // nothing outside the repository is read
            }

            @Override
            public boolean isOutdated() {
                return false;
            }
        };
    }

    /** The repository at {@code dir} (its work tree or its git directory); bad input when there is none. */
    public static Repository open(Path dir) {
        isolate();
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("not a directory: " + dir);
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        Path dotGit = dir.resolve(".git");
        if (Files.isDirectory(dotGit)) {
            builder.setGitDir(dotGit.toFile());
        } else if (Files.isDirectory(dir.resolve("objects")) && Files.isRegularFile(dir.resolve("HEAD"))) {
            builder.setGitDir(dir.toFile()); // a bare repository
        } else {
            throw new InvalidInputException("not a git repository: " + dir + " (history and diff scans need one)");
        }
        try {
            return builder.build();
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("cannot open the git repository at " + dir + ": " + e.getMessage());
        }
    }

    /** The commit {@code revision} names (a branch, tag, id or expression); bad input when none. */
    public static RevCommit commit(Repository repo, RevWalk walk, String revision) {
        if (revision == null || revision.isBlank() || revision.startsWith("-") || revision.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("bad revision '" + (revision == null ? "" : revision.strip()) + "'");
        }
        try {
            ObjectId id = repo.resolve(revision + "^{commit}");
            if (id == null) {
                throw new InvalidInputException("unknown revision '" + revision + "'");
            }
            return walk.parseCommit(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            throw new InvalidInputException("bad revision '" + revision + "'");
        }
    }
}
