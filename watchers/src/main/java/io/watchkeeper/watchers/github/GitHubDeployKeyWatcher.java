package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubDeployKeyConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Each repository's deploy keys (one listing per repository), with the public key's SHA256 fingerprint. */
@AutoService(Watcher.class)
public final class GitHubDeployKeyWatcher extends GitHubWatcher<GitHubDeployKeyConfig> {

    public GitHubDeployKeyWatcher() {
        super("github.deploy-key", GitHubDeployKeyConfig.class, "administration:read");
    }

    @Override
    protected List<Observation<GitHubDeployKeyConfig>> observe(GitHubSession github) {
        return eachRepository(repositories(github), r -> {
            String keys = repoPath(github, r) + "/keys";
            String repository = Fields.text(r, "name");
            return github.api().list(keys).stream().map(k -> {
                long id = Fields.id(k);
                GitHubDeployKeyConfig c = new GitHubDeployKeyConfig(repository, id, Fields.text(k, "title"),
                        Fields.isTrue(k, "read_only"), Fields.bool(k, "verified"),
                        fingerprint(Fields.text(k, "key")), Fields.text(k, "added_by"), Fields.instant(k, "created_at"),
                        Fields.instant(k, "last_used"));
                return observed(keys + "/" + id, repository + " key " + Fields.text(k, "title"), c);
            }).toList();
        });
    }

    /** {@code SHA256:<base64>} of an OpenSSH public key line, or null. */
    static String fingerprint(String key) {
        if (key == null) {
            return null;
        }
        String[] parts = key.strip().split("\\s+");
        if (parts.length < 2) {
            return null;
        }
        try {
            byte[] blob = Base64.getDecoder().decode(parts[1].getBytes(StandardCharsets.US_ASCII));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
