package io.watchkeeper.web.code;

import io.watchkeeper.core.finding.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pull-request scanning on GitHub ({@code watchkeeper.code.review.*}).
 *
 * @param failOn the check fails when a new finding is at or above this severity ({@code none}: never)
 * @param commandRoles GitHub author associations allowed to use {@code /watchkeeper} commands
 * @param cloneUrl where repositories are fetched from; {@code {owner}} and {@code {repo}} are filled in
 * @param checkName the check run's name
 * @param maxComments review comments per review (the rest are listed in its body)
 * @param maxBody largest webhook body accepted, in bytes
 * @param threads queue workers on this node
 * @param poll how often idle workers look for queued work
 * @param stale a job claimed this long ago by a node that died is taken again
 * @param maxAttempts attempts per job
 * @param maxFetchBytes most pack bytes one pull request's fetch may bring (beyond: not scanned, the check fails)
 * @param fetchTimeout longest one fetch may take (beyond: not scanned, the check times out)
 */
@ConfigurationProperties("watchkeeper.code.review")
public record CodeReviewProperties(
        @DefaultValue("high") String failOn,
        @DefaultValue({"OWNER", "MEMBER", "COLLABORATOR"}) List<String> commandRoles,
        @DefaultValue("https://github.com/{owner}/{repo}.git") String cloneUrl,
        @DefaultValue("Watchkeeper code scan") String checkName,
        @DefaultValue("30") int maxComments,
        @DefaultValue("2097152") int maxBody,
        @DefaultValue("2") int threads,
        @DefaultValue("2s") Duration poll,
        @DefaultValue("10m") Duration stale,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("536870912") long maxFetchBytes,
        @DefaultValue("5m") Duration fetchTimeout) {

    public CodeReviewProperties {
        // defaults also when the binder builds the record without any watchkeeper.code.review.* setting
        failOn = failOn == null || failOn.isBlank() ? "high" : failOn.strip();
        commandRoles = commandRoles == null || commandRoles.isEmpty() ? List.of("OWNER", "MEMBER", "COLLABORATOR")
                : List.copyOf(commandRoles);
        cloneUrl = cloneUrl == null || cloneUrl.isBlank() ? "https://github.com/{owner}/{repo}.git" : cloneUrl.strip();
        checkName = checkName == null || checkName.isBlank() ? "Watchkeeper code scan" : checkName.strip();
        maxComments = maxComments == 0 ? 30 : maxComments;
        maxBody = maxBody <= 0 ? 2 * 1024 * 1024 : maxBody;
        threads = threads <= 0 ? 2 : threads;
        poll = poll == null ? Duration.ofSeconds(2) : poll;
        stale = stale == null ? Duration.ofMinutes(10) : stale;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        maxFetchBytes = maxFetchBytes <= 0 ? 512L * 1024 * 1024 : maxFetchBytes;
        fetchTimeout = fetchTimeout == null || fetchTimeout.isZero() || fetchTimeout.isNegative() ? Duration.ofMinutes(5)
                : fetchTimeout;
        if (maxComments < 1 || maxComments > 30) {
            throw new IllegalArgumentException("watchkeeper.code.review.max-comments must be between 1 and 30");
        }
        if (!cloneUrl.contains("{repo}")) {
            throw new IllegalArgumentException("watchkeeper.code.review.clone-url must contain {repo}");
        }
        if (!"none".equalsIgnoreCase(failOn)) {
            Severity.parse(failOn); // refuses an unknown severity at start-up
        }
    }

    /** The fail-on severity, or null for never. */
    public Severity failOnSeverity() {
        return "none".equalsIgnoreCase(failOn) ? null : Severity.parse(failOn);
    }

    public Set<String> roles() {
        return commandRoles.stream().map(r -> r.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
