package io.watchkeeper.web.code;

import io.watchkeeper.core.secrets.StructureChecks;
import io.watchkeeper.codescanner.source.GitRepos;
import io.watchkeeper.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import tools.jackson.databind.node.ObjectNode;

/**
 * A repository {@code acme-corp/web} published as a bare repository the way GitHub publishes pull
 * requests ({@code refs/heads/main}, {@code refs/pull/1/head}), format-valid FAKE GitHub tokens (right
 * checksum, never issued), and signed webhook deliveries.
 */
final class PullRequestFixture implements AutoCloseable {

    static final String OWNER = "acme-corp";
    static final String REPO = "web";
    static final long REPO_ID = 777_001;
    static final String SECRET = "webhook-secret-for-tests-0123456789";

    final Path root;
    final Path bare;
    final Git work;
    final String baseSha;
    private final Random random = new Random(13);
    private final PersonIdent who = new PersonIdent("Dev", "dev@example.com");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PullRequestFixture(Path root) throws Exception {
        GitRepos.isolate();
        this.root = root;
        bare = root.resolve(OWNER).resolve(REPO + ".git");
        Files.createDirectories(bare);
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        work = Git.init().setDirectory(root.resolve("work").toFile()).setInitialBranch("main").call();
        write("README.md", "# web\n");
        write("config/app.properties", "name=web\ngithub.token=" + token() + "\n"); // on the base: never new
        baseSha = commit("base");
        work.checkout().setCreateBranch(true).setName("feature").call();
        work.push().setRemote(bare.toUri().toString()).setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).call();
    }

    /** The clone URL template for {@code watchkeeper.code.review.clone-url}. */
    String cloneUrl() {
        return root.toUri().toString().replaceAll("/$", "") + "/{owner}/{repo}.git";
    }

    /** A FAKE classic GitHub token with a valid checksum. */
    String token() {
        StringBuilder r = new StringBuilder();
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 30; i++) {
            r.append(alnum.charAt(random.nextInt(alnum.length())));
        }
        return "ghp_" + r + StructureChecks.crc32Base62(r.toString());
    }

    void write(String path, String content) throws IOException {
        Path file = work.getRepository().getWorkTree().toPath().resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    String commit(String message) throws Exception {
        work.add().addFilepattern(".").call();
        RevCommit c = work.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
        return c.getName();
    }

    /** Publishes the feature branch as pull request {@code number}'s head. */
    void publish(int number) throws Exception {
        publish("feature", number);
    }

    void publish(String branch, int number) throws Exception {
        work.push().setRemote(bare.toUri().toString()).setForce(true)
                .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/pull/" + number + "/head")).call();
    }

    /** A new branch from main, checked out. */
    void branch(String name) throws Exception {
        work.checkout().setName("main").call();
        work.checkout().setCreateBranch(true).setName(name).call();
    }

    static ObjectNode repository() {
        ObjectNode repo = Json.object().put("id", REPO_ID).put("name", REPO).put("full_name", OWNER + "/" + REPO);
        repo.putObject("owner").put("login", OWNER);
        return repo;
    }

    static String pullRequestEvent(String action, int number, String headSha, String baseSha) {
        ObjectNode e = Json.object().put("action", action).put("number", number);
        ObjectNode pr = e.putObject("pull_request").put("number", number).put("title", "Add settings");
        pr.putObject("user").put("login", "dev");
        pr.putObject("head").put("sha", headSha).put("ref", "feature");
        pr.putObject("base").put("sha", baseSha).put("ref", "main");
        e.set("repository", repository());
        e.putObject("installation").put("id", 77);
        return e.toString();
    }

    static String reviewCommentReply(int number, long commentId, Long inReplyTo, String login, String association,
                                     String body) {
        ObjectNode e = Json.object().put("action", "created");
        ObjectNode c = e.putObject("comment").put("id", commentId).put("body", body).put("author_association", association);
        if (inReplyTo != null) {
            c.put("in_reply_to_id", inReplyTo);
        }
        c.putObject("user").put("login", login);
        e.putObject("pull_request").put("number", number);
        e.set("repository", repository());
        return e.toString();
    }

    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers {@code body} as GitHub does; {@code signature} null: unsigned. */
    HttpResponse<String> deliver(String base, String event, String delivery, String body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/github/webhook"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", delivery)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Hub-Signature-256", signature);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> deliverSigned(String base, String event, String delivery, String body) {
        return deliver(base, event, delivery, body, signature(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        work.close();
    }
}
