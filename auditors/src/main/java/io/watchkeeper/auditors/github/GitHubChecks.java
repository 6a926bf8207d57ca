package io.watchkeeper.auditors.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The GitHub checks, made from data ({@link GitHubCheck}): organisation, members and access, default-branch
 * protection, repositories, Actions and webhooks. Pure functions of the stored GitHub configuration records
 * (no GitHub call). Ids are stable, like every check's; CIS GitHub Benchmark v1.2.0 mappings are in each
 * check's controls and in {@code frameworks/cis-github-1.2.0.json}.
 */
@AutoService(CheckSet.class)
public final class GitHubChecks implements CheckSet {

    private final Clock clock;

    public GitHubChecks() {
        this(Clock.systemUTC());
    }

    /** With a clock for the inactivity check (tests). */
    public GitHubChecks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Check<?>> checks() {
        List<Check<?>> out = new ArrayList<>();
        out.addAll(OrganizationChecks.all());
        out.addAll(AccessChecks.all());
        out.addAll(BranchProtectionChecks.all());
        out.addAll(RepositoryChecks.all(clock));
        out.addAll(ActionsChecks.all());
        out.addAll(WebhookChecks.all());
        return List.copyOf(out);
    }

    /** The check with this id (tests and tools); throws when there is none. */
    @SuppressWarnings("unchecked")
    public <C extends Record> Check<C> get(String id) {
        return (Check<C>) checks().stream().filter(c -> c.id().id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no GitHub check " + id));
    }
}
