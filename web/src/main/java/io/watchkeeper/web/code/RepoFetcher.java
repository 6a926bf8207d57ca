package io.watchkeeper.web.code;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Keeps one bare clone per repository under {@code WATCHKEEPER_HOME/code-repos/<account>/<repository>.git}
 * and fetches a pull request's head ({@code refs/pull/N/head}, as GitHub publishes it) and its base
 * branch into it with jgit (no git binary). The clone URL comes from configuration with the owner and
 * name filled in (names are validated: letters, digits, {@code . _ -}); a password (the installation
 * token) is sent only over HTTPS. A fetch is bounded in pack bytes and in time ({@link FetchBounds});
 * hitting a bound is a {@link BoundExceeded}, and the partial pack is left for jgit to discard.
 */
public final class RepoFetcher {

    private final Path root;
    private final String urlTemplate;
    private final ConcurrentHashMap<Path, Object> locks = new ConcurrentHashMap<>();
    private final long maxBytes;
    private final java.time.Duration timeout;

    /** A fetch that hit a bound (size or time): nothing was scanned, the check run says why. */
    public static final class BoundExceeded extends WatchkeeperException {
        private final FetchBounds.Exceeded which;

        BoundExceeded(FetchBounds.Exceeded which, String message) {
            super(ErrorCategory.INVALID_INPUT, message);
            this.which = which;
        }

        public boolean timedOut() {
            return which == FetchBounds.Exceeded.TIME;
        }
    }

    public RepoFetcher(Path root, String urlTemplate) {
        this(root, urlTemplate, 512L * 1024 * 1024, java.time.Duration.ofMinutes(5));
    }

    /**
     * @param maxBytes most pack bytes one fetch may bring (objects already in the clone do not count)
     * @param timeout longest one fetch may take (also jgit's idle timeout on the connection)
     */
    public RepoFetcher(Path root, String urlTemplate, long maxBytes, java.time.Duration timeout) {
        this.root = root;
        this.urlTemplate = urlTemplate;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        io.watchkeeper.codescanner.source.GitRepos.isolate();
    }

    /** The clone URL of {@code owner/repo}. */
    String url(String owner, String repo) {
        return urlTemplate.replace("{owner}", owner).replace("{repo}", repo);
    }

    /**
     * Fetches the pull request's head and base branch; returns the bare repository's folder once both
     * commits are in it.
     */
    public Path fetch(long accountId, long repositoryId, WebhookEvent.PullRequestEvent pr, String password) {
        Path dir = root.resolve(Long.toString(accountId)).resolve(repositoryId + ".git");
        synchronized (locks.computeIfAbsent(dir, d -> new Object())) {
            try {
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir.getParent());
                    Git.init().setBare(true).setGitDir(dir.toFile()).setDirectory(dir.toFile()).call().close();
                }
                String url = url(pr.owner(), pr.repo());
                try (Git git = Git.open(dir.toFile())) {
                    var fetch = git.fetch().setRemote(url).setRefSpecs(List.of(
                            new RefSpec("+refs/pull/" + pr.number() + "/head:refs/watchkeeper/pull/" + pr.number()),
                            new RefSpec("+refs/heads/" + baseRef(pr.baseRef()) + ":refs/watchkeeper/base/" + pr.number())));
                    if (password != null && URI.create(url).getScheme().equalsIgnoreCase("https")) {
                        fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", password));
                    }
                    FetchBounds bounds = new FetchBounds(dir, maxBytes, timeout);
                    fetch.setProgressMonitor(bounds).setTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE,
                            timeout.toSeconds())));
                    try {
                        fetch.call();
                    } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException e) {
                        if (bounds.exceeded() != null) {
                            throw exceeded(bounds.exceeded(), pr);
                        }
                        throw e;
                    }
                    bounds.finish();
                    if (bounds.exceeded() != null) {
                        throw exceeded(bounds.exceeded(), pr);
                    }
                    Repository repo = git.getRepository();
                    for (String sha : new String[] {pr.headSha(), pr.baseSha()}) {
                        if (!repo.getObjectDatabase().has(ObjectId.fromString(sha))) {
                            throw new WatchkeeperException(ErrorCategory.NOT_FOUND, "commit " + sha
                                    + " is not in the fetched pull request (pushed again since?)");
                        }
                    }
                }
                return dir;
            } catch (GitAPIException e) {
                throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "fetching " + pr.owner() + "/" + pr.repo()
                        + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private BoundExceeded exceeded(FetchBounds.Exceeded which, WebhookEvent.PullRequestEvent pr) {
        return new BoundExceeded(which, which == FetchBounds.Exceeded.SIZE
                ? "fetching " + pr.owner() + "/" + pr.repo() + " #" + pr.number() + " brought more than "
                        + (maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MiB" : maxBytes / 1024 + " KiB") + " of objects (watchkeeper.code.review.max-fetch-bytes)"
                : "fetching " + pr.owner() + "/" + pr.repo() + " #" + pr.number() + " took longer than "
                        + timeout.toSeconds() + " s (watchkeeper.code.review.fetch-timeout)");
    }

    private static String baseRef(String ref) {
        if (!org.eclipse.jgit.lib.Repository.isValidRefName("refs/heads/" + ref) || ref.contains(":") || ref.startsWith("+")) {
            throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, "invalid base branch name");
        }
        return ref;
    }
}
