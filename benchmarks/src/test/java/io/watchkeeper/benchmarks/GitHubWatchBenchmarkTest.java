package io.watchkeeper.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.benchmarks.GitHubWatchBenchmark.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small GitHub benchmark end to end: every item seen, a repeat nearly free, exactly the changes made. */
class GitHubWatchBenchmarkTest {

    @Test
    void threeWatchesOfASmallOrganisation(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("github.md");
        var options = new GitHubWatchBenchmark.Options(40, 20, 6, Duration.ZERO, 0.05, 42, 16, out);
        List<Run> runs = new GitHubWatchBenchmark(options).run();

        assertThat(runs).hasSize(3).allSatisfy(r -> assertThat(r.failed()).as(r.label()).isZero());
        Run first = runs.get(0);
        Run unchanged = runs.get(1);
        Run changed = runs.get(2);
        assertThat(first.rowsOf("item")).isEqualTo(first.items());
        assertThat(first.byRoute()).containsKeys("GET /orgs/acme-corp/repos", "GET /repos/{repo}/hooks",
                "GET /repos/{repo}/branches/{branch}");
        assertThat(unchanged.points()).as("repeat points").isLessThan(first.points() / 20);
        assertThat(unchanged.rowsOf("item", "item_revision")).isZero();
        assertThat(changed.changedInServer()).isEqualTo((int) Math.round(0.05 * first.items()));
        assertThat(changed.changedItems()).isEqualTo(changed.changedInServer());
        assertThat(changed.rowsOf("item_revision")).isEqualTo(changed.changedItems());
        assertThat(changed.rowsOf("item")).isZero();
        assertThat(Files.readString(out)).contains("| metric |", "rate-limit points", "requests by route");
    }

    @Test
    void routesNameTheEndpointNotTheRepository() {
        assertThat(GitHubWatchBenchmark.route("/repos/acme-corp/svc-0001/branches/main/protection"))
                .isEqualTo("/repos/{repo}/branches/{branch}/protection");
        assertThat(GitHubWatchBenchmark.route("/orgs/acme-corp/teams/team-001/repos")).isEqualTo("/orgs/acme-corp/teams/{team}/repos");
        assertThat(GitHubWatchBenchmark.route("/app/installations/77/access_tokens")).isEqualTo("/app/installations/{id}/access_tokens");
    }
}
