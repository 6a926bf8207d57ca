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
 * token) is sent only over HTTPS.
 */
public final class RepoFetcher {

    private final Path root;
    private final String urlTemplate;
    private final ConcurrentHashMap<Path, Object> locks = new ConcurrentHashMap<>();

    public RepoFetcher(Path root, String urlTemplate) {
        this.root = root;
        this.urlTemplate = urlTemplate;
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
                    fetch.call();
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

    private static String baseRef(String ref) {
        if (!org.eclipse.jgit.lib.Repository.isValidRefName("refs/heads/" + ref) || ref.contains(":") || ref.startsWith("+")) {
            throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, "invalid base branch name");
        }
        return ref;
    }
}
