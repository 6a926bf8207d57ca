package io.watchkeeper.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.benchmarks.GcpWatchBenchmark.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small GCP benchmark end to end: every type watched, every item seen, exactly the changes made written. */
class GcpWatchBenchmarkTest {

    @Test
    void threeRunsOverASmallOrganisation(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("gcp.md");
        var options = new GcpWatchBenchmark.Options(3, Duration.ofMillis(1), 0.05, 16, 10, 5, 8, 7, out);
        List<Run> runs = new GcpWatchBenchmark(options).run();

        assertThat(runs).hasSize(3).allSatisfy(r -> assertThat(r.failed()).as(r.label()).isZero());
        long total = GcpBenchOrg.Sizes.defaults(3, 5).total();
        assertThat(runs.getFirst().items()).isEqualTo(total);
        assertThat(runs.getFirst().summary().scopes().stream().map(s -> s.scope().type().id()).distinct()).hasSize(27);
        // aggregated lists: one call per project, not per zone or region
        assertThat(runs.getFirst().requests()).containsEntry("GET /compute/{}/projects/{}/aggregated/instances", 3L)
                .containsEntry("GET /{}/projects/{}/locations/{}/keyRings", 15L);

        Run changed = runs.get(1);
        assertThat(changed.mutatedTotal()).isPositive();
        assertThat(changed.summary().counts().changed()).isEqualTo(changed.mutatedTotal());
        assertThat(changed.rowsOf("item_revision")).isEqualTo(changed.mutatedTotal());
        assertThat(changed.rowsOf("item")).isZero();
        assertThat(runs.get(2).rowsOf("item", "item_revision")).isZero();
        assertThat(Files.readString(out)).contains("| metric |", "keyRings", "CPU per item: JVM + PostgreSQL");
    }

    @Test
    void watchesAsManyScopesAtOnceAsTheProductByDefault() {
        assertThat(GcpWatchBenchmark.Options.parse(new String[0]).maxScopes()).isEqualTo(256);
        assertThat(GcpWatchBenchmark.Options.parse(new String[] {"--max-scopes", "64"}).maxScopes()).isEqualTo(64);
    }
}
