package io.watchkeeper.web.code;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.code.CodeReviewStore;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.service.CodeReviews;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /watchkeeper ignore|accept-risk} written on GitHub: allowed to the configured author
 * associations only (others get a refusal and nothing is stored); the decision goes through
 * {@link CodeReviews} like one made in the console, as caller {@code github:<login>} (a justifier of
 * that organisation's account only), so it is audited the same way and queues the judging again of the
 * check runs that counted the decided findings ({@link RejudgeJob}), which a queue worker does. The
 * answer is a comment on the pull request.
 */
public final class CommentCommands {

    private final CodeReviewStore store;
    private final GitHubAccountsByOrg accounts;
    private final CodeReviews reviews;
    private final Set<String> roles;

    public CommentCommands(CodeReviewStore store, GitHubAccountsByOrg accounts, CodeReviews reviews, Set<String> roles) {
        this.store = store;
        this.accounts = accounts;
        this.reviews = reviews;
        this.roles = Set.copyOf(roles);
    }

    /** What a command decided: the answer, and the fingerprints ignored or accepted. */
    private record Decision(String answer, Set<String> decided) {
        Decision(String answer) {
            this(answer, Set.of());
        }
    }

    /** Handles the command; returns the answer posted. */
    public String handle(WebhookEvent.CommandEvent event) {
        Account account = accounts.find(event.owner());
        Decision decision = decide(account, event);
        String answer = decision.answer();
        if (!decision.decided().isEmpty()) {
            answer += " The check runs that counted " + (decision.decided().size() == 1 ? "it" : "them")
                    + " are being judged again.";
        }
        try (GitHubSession session = accounts.open(account)) {
            String path = "/repos/" + GitHubApi.segment(event.owner()) + "/" + GitHubApi.segment(event.repo())
                    + "/issues/" + event.number() + "/comments";
            GitHubApi.Answer posted = session.api().write("POST", path, Json.object().put("body",
                    "@" + event.login() + " " + answer));
            if (!posted.ok()) {
                throw new IllegalStateException("answering the command: GitHub answered " + posted.status());
            }
        }
        return answer;
    }

    private Decision decide(Account account, WebhookEvent.CommandEvent event) {
        if (!roles.contains(event.association())) {
            return new Decision("only " + String.join(", ", roles.stream().sorted().map(r -> r.toLowerCase(java.util.Locale.ROOT))
                    .toList()) + " of this repository may ignore findings or accept risks; nothing was changed.");
        }
        CommentCommand command;
        try {
            command = CommentCommand.parse(event.body());
        } catch (InvalidInputException e) {
            return new Decision(e.getMessage());
        }
        long repoId = store.upsertRepository(account.id(), event.repoId(), event.owner() + "/" + event.repo());
        Set<String> fingerprints = new LinkedHashSet<>();
        if (command.fingerprint() != null) {
            fingerprints.add(command.fingerprint());
        } else if (event.inReplyTo() != null) {
            store.findingsByComment(repoId, event.inReplyTo()).forEach(f -> fingerprints.add(f.fingerprint()));
        }
        if (fingerprints.isEmpty()) {
            return new Decision("which finding? Reply to a Watchkeeper comment, or name it with `fp:<fingerprint>`.");
        }
        Caller caller = new Caller("github:" + event.login(), Role.JUSTIFIER, AccountScope.of(Set.of(account.id())),
                "github");
        List<String> done = new java.util.ArrayList<>();
        Set<String> decided = new LinkedHashSet<>();
        try {
            for (String fp : fingerprints) {
                reviews.accept(repoId, fp, command.kind(), command.reason(), command.until(), caller);
                done.add("`fp:" + fp + "`");
                decided.add(fp);
            }
        } catch (InvalidInputException e) {
            return new Decision(e.getMessage() + (done.isEmpty() ? "" : " (already recorded: " + String.join(", ", done) + ")"),
                    decided);
        }
        return new Decision((command.kind() == CodeReviews.RiskKind.IGNORE ? "ignored " : "risk accepted until "
                + command.until() + " for ") + String.join(", ", done) + "; later pushes will not report "
                + (done.size() == 1 ? "it" : "them") + ".", decided);
    }
}
