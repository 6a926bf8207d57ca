package io.watchkeeper.watchers.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.github.GitHubAccess;
import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.item.Revision;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.watchers.testing.GitHubFixture;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline over the test organisation in two states: revisions only on durable changes,
 * deletions and creations, ephemeral changes in place; failed scopes never delete; an identity
 * mismatch writes nothing.
 */
class GitHubPipelineTest {

    private final GitHubFixture github = new GitHubFixture();

    @AfterEach
    void close() {
        github.close();
    }

    @Test
    void keepsHistoryOverTwoStates() {
        Account account = github.addTokenAccount("acme");
        RunSummary first = github.watch(account);
        assertThat(first.scopes()).as(first.scopes().toString()).allMatch(s -> s.status() == ScopeStatus.OK).hasSize(12);
        Map<String, ItemSummary> before = items();
        assertThat(before.keySet()).contains("/orgs/acme-corp", "/repos/acme-corp/tools-fork",
                "/repos/acme-corp/web/branches/main/protection", "/orgs/acme-corp/members/carol");
        assertThat(before.values()).allMatch(i -> i.revisions() == 1 && !i.deleted());

        RunSummary unchanged = github.watch(account);
        assertThat(unchanged.counts().created() + unchanged.counts().changed() + unchanged.counts().deleted()
                + unchanged.counts().ephemeral()).isZero();
        assertThat(unchanged.counts().unchanged()).isEqualTo(before.size());

        synchronized (github.server.org()) {
            github.server.org().secondState();
        }
        RunSummary second = github.watch(account);
        assertThat(second.scopes()).allMatch(s -> s.status() == ScopeStatus.OK);
        Map<String, ItemSummary> after = items();

        // modified: a new revision with the durable diff
        assertThat(diff("/orgs/acme-corp")).contains("/twoFactorRequirementEnabled");
        assertThat(diff("/orgs/acme-corp/members/bob")).contains("/role");
        assertThat(diff("/repos/acme-corp/web/hooks/319833951")).contains("/urlScheme", "/urlHost");
        assertThat(diff("/repos/acme-corp/api/rulesets/101")).contains("required_approving_review_count");
        assertThat(diff("/repos/acme-corp/api/branches/main/protection")).contains("/effective/requiredApprovingReviewCount");
        assertThat(diff("/orgs/acme-corp/teams/security")).contains("/privacy");
        // deleted
        for (String gone : List.of("/repos/acme-corp/tools-fork", "/repos/acme-corp/tools-fork/actions/permissions",
                "/repos/acme-corp/web/keys/76924278", "/orgs/acme-corp/members/carol",
                "/repos/acme-corp/web/environments/staging")) {
            assertThat(after.get(gone).deleted()).as(gone).isTrue();
            assertThat(history(gone)).extracting(Revision::kind).containsExactly("created", "deleted");
        }
        // created
        assertThat(after.get("/repos/acme-corp/new-service").revisions()).isEqualTo(1);
        assertThat(after.get("/orgs/acme-corp/members/grace")).isNotNull();
        assertThat(after.values().stream().filter(i -> i.type().equals("github.webhook") && !i.deleted())).hasSize(4);
        // web's pushed_at is ephemeral: updated in place, no new revision
        assertThat(after.get("/repos/acme-corp/web").revisions()).isEqualTo(1);
        assertThat(history("/repos/acme-corp/web").get(0).config().get("pushedAt").asString()).startsWith("2026-12-06T09:00");
        // untouched resources keep their single revision
        assertThat(after.get("/repos/acme-corp/docs").revisions()).isEqualTo(1);
    }

    @Test
    void aFailedScopeNeverDeletesAndAnUnreadableItemKeepsItsHistory() {
        Account account = github.addTokenAccount("acme");
        github.watch(account);
        github.server.fail("^/repos/acme-corp/api/hooks", 403, "Resource not accessible by integration");
        github.server.fail("^/orgs/acme-corp/teams/security/repos", 500, "boom");
        synchronized (github.server.org()) {
            github.server.org().repos.get("web").hooks.clear();
            github.server.org().teams.get("security").json().put("privacy", "closed");
        }
        RunSummary run = github.watch(account);
        ScopeResult hooks = scope(run, "github.webhook");
        assertThat(hooks.status()).isEqualTo(ScopeStatus.FAILED);
        assertThat(hooks.errorCategory()).isEqualTo(ErrorCategory.DENIED);
        assertThat(items().get("/repos/acme-corp/web/hooks/319833951").deleted()).as("a failed scope deletes nothing").isFalse();
        ScopeResult teams = scope(run, "github.team");
        assertThat(teams.status()).isEqualTo(ScopeStatus.PARTIAL);
        assertThat(items().get("/orgs/acme-corp/teams/security").revisions()).isEqualTo(1);
        assertThat(run.scopes()).filteredOn(s -> !s.scope().type().id().equals("github.webhook")
                && !s.scope().type().id().equals("github.team")).allMatch(s -> s.status() == ScopeStatus.OK);
    }

    @Test
    void anIdentityMismatchFailsEveryScopeAndWritesNothing() {
        Account account = github.addTokenAccount("acme");
        github.watch(account);
        int itemsBefore = items().size();
        github.access.put(account.id(), new GitHubAccess(GitHubAccess.Auth.TOKEN, null, null,
                github.server.endpoint(), 42L));
        synchronized (github.server.org()) {
            github.server.org().repos.clear();
        }
        RunSummary run = github.watch(account);
        assertThat(run.scopes()).hasSize(12).allMatch(s -> s.status() == ScopeStatus.FAILED
                && s.errorCategory() == ErrorCategory.DENIED && s.message().contains("identity mismatch"));
        assertThat(items()).hasSize(itemsBefore);
        assertThat(items().values()).noneMatch(ItemSummary::deleted);
    }

    private ScopeResult scope(RunSummary run, String type) {
        return run.scopes().stream().filter(s -> s.scope().type().id().equals(type)).findFirst().orElseThrow();
    }

    private Map<String, ItemSummary> items() {
        return github.items.list(new ItemFilter(null, null, null, null, true, null, 1000)).stream()
                .collect(Collectors.toMap(ItemSummary::resourceId, i -> i));
    }

    private List<Revision> history(String resourceId) {
        return github.items.history(items().get(resourceId).id());
    }

    private String diff(String resourceId) {
        List<Revision> revisions = history(resourceId);
        assertThat(revisions).as(resourceId).hasSize(2);
        assertThat(revisions.get(1).kind()).isEqualTo("changed");
        return revisions.get(1).diff().toString();
    }
}
