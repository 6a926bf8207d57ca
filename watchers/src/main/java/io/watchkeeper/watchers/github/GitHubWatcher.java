package io.watchkeeper.watchers.github;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import io.watchkeeper.watchers.Fanout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * What every GitHub watcher shares: its identity (organisation-wide: one scope per account), the
 * session cast, errors as categorised ones, the organisation's repositories (read once per session),
 * and per-repository steps on a few virtual threads. Permissions are GitHub App permission names
 * ({@code administration:read}).
 */
public abstract class GitHubWatcher<C extends Record> implements Watcher<C> {

    /** Per-repository requests in flight for one scope (GitHub discourages many concurrent requests). */
    static final int PARALLELISM = 8;

    private final ResourceType type;
    private final Class<C> configType;
    private final Set<String> permissions;

    protected GitHubWatcher(String type, Class<C> configType, String... permissions) {
        this.type = ResourceType.of(type);
        this.configType = configType;
        this.permissions = Set.of(permissions);
    }

    @Override
    public final ResourceType type() {
        return type;
    }

    @Override
    public final Class<C> configType() {
        return configType;
    }

    @Override
    public final ScopeKind scopeKind() {
        return ScopeKind.GLOBAL;
    }

    @Override
    public final Set<String> requiredPermissions() {
        return permissions;
    }

    @Override
    public final List<Observation<C>> observe(WatchScope scope, CloudSession session) {
        try {
            return observe((GitHubSession) session);
        } catch (WatchkeeperException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WatchkeeperException(ErrorCategory.INTERNAL, "watching " + type + ": " + e.getMessage(), e);
        }
    }

    /** Lists and reads the organisation's resources of the type. An exception fails the whole scope. */
    protected abstract List<Observation<C>> observe(GitHubSession github);

    /** The organisation's repositories (all types), read once per session, sorted by name. */
    protected static List<JsonNode> repositories(GitHubSession github) {
        return github.api().shared(orgPath(github) + "/repos?type=all").stream()
                .sorted(Comparator.comparing(r -> Fields.text(r, "name")))
                .toList();
    }

    /** {@code /orgs/<login>}. */
    protected static String orgPath(GitHubSession github) {
        return "/orgs/" + GitHubApi.segment(github.organization());
    }

    /** {@code /repos/<org>/<name>} of a repository from a listing. */
    protected static String repoPath(GitHubSession github, JsonNode repository) {
        return "/repos/" + GitHubApi.segment(github.organization()) + "/" + GitHubApi.segment(Fields.text(repository, "name"));
    }

    /**
     * One item per listed thing, read on a few virtual threads; a thing whose reading fails is
     * {@link Observation.Unreadable} (its history is left as it was), the others are kept.
     */
    protected <T> List<Observation<C>> describeEach(List<T> listed, Function<T, String> resourceId,
                                                    Function<T, String> name, Function<T, Observation<C>> describe) {
        return Fanout.map(listed, item -> {
            try {
                return describe.apply(item);
            } catch (WatchkeeperException e) {
                if (e.category() == ErrorCategory.THROTTLED) {
                    throw e; // a rate limit is the whole scope's problem
                }
                return new Observation.Unreadable<>(resourceId.apply(item), name.apply(item), e.category(),
                        e.getMessage());
            }
        }, PARALLELISM);
    }

    /**
     * The items each repository holds (hooks, keys, environments...), read on a few virtual threads.
     * A failure fails the scope: the items of a repository that could not be listed are unknown, and
     * nothing may be marked deleted on their account.
     */
    protected static <R> List<R> eachRepository(List<JsonNode> repositories, Function<JsonNode, List<R>> read) {
        List<R> all = new ArrayList<>();
        Fanout.map(repositories, read, PARALLELISM).forEach(all::addAll);
        return all;
    }

    /** The observation of a completely read resource, in the organisation's scope. */
    protected static <C extends Record> Observation<C> observed(String resourceId, String name, C config) {
        return new Observation.Observed<>(resourceId, name, WatchScope.GLOBAL, config);
    }
}
