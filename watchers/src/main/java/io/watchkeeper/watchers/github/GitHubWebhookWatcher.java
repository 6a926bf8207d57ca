package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubWebhookConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Organisation webhooks and each repository's: the listings carry the configuration. The URL is
 * kept as scheme, host and port with a hash of the rest (paths often hold secrets); the secret is
 * never read, only whether one is set.
 */
@AutoService(Watcher.class)
public final class GitHubWebhookWatcher extends GitHubWatcher<GitHubWebhookConfig> {

    public GitHubWebhookWatcher() {
        super("github.webhook", GitHubWebhookConfig.class, "organization_hooks:read", "repository_hooks:read");
    }

    @Override
    protected List<Observation<GitHubWebhookConfig>> observe(GitHubSession github) {
        List<Observation<GitHubWebhookConfig>> out = new ArrayList<>();
        String orgHooks = orgPath(github) + "/hooks";
        github.api().list(orgHooks).forEach(h -> out.add(hook(orgHooks, "organization", null, github.organization(), h)));
        out.addAll(eachRepository(repositories(github), r -> {
            String hooks = repoPath(github, r) + "/hooks";
            String name = Fields.text(r, "name");
            return github.api().list(hooks).stream().map(h -> hook(hooks, "repository", name, name, h)).toList();
        }));
        return out;
    }

    private static Observation<GitHubWebhookConfig> hook(String listing, String owner, String repository, String where,
                                                         JsonNode h) {
        JsonNode config = h.path("config");
        String url = Fields.text(config, "url");
        String scheme = null;
        String host = null;
        Integer port = null;
        String pathHash = null;
        if (url != null) {
            try {
                URI uri = new URI(url);
                scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
                host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
                port = uri.getPort() == -1 ? null : uri.getPort();
                String rest = (uri.getRawPath() == null ? "" : uri.getRawPath())
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                pathHash = sha256(rest).substring(0, 16);
            } catch (java.net.URISyntaxException e) {
                scheme = "unparseable";
                pathHash = sha256(url).substring(0, 16);
            }
        }
        String secret = Fields.text(config, "secret");
        String insecure = Fields.text(config, "insecure_ssl");
        JsonNode last = h.get("last_response");
        Long code = Fields.number(last, "code");
        long id = Fields.id(h);
        GitHubWebhookConfig c = new GitHubWebhookConfig(owner, repository, id, Fields.text(h, "name"),
                Fields.isTrue(h, "active"), Fields.strings(h, "events"), scheme, host, port, pathHash,
                "1".equals(insecure) || "true".equalsIgnoreCase(String.valueOf(insecure)), Fields.text(config, "content_type"),
                secret != null && !secret.isEmpty(), Fields.instant(h, "created_at"), Fields.instant(h, "updated_at"),
                code == null ? null : Math.toIntExact(code));
        return observed(listing + "/" + id, where + " hook " + id + (host == null ? "" : " (" + host + ")"), c);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
