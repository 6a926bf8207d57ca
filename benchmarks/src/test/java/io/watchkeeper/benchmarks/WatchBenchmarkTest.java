package io.watchkeeper.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.benchmarks.SyntheticOrg.Sizes;
import io.watchkeeper.benchmarks.WatchBenchmark.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small benchmark end to end: the real pipeline sees every item and exactly the changes made. */
class WatchBenchmarkTest {

    @Test
    void threeRunsOverASmallOrganisation(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.md");
        var options = new WatchBenchmark.Options(new Sizes(4, 2, 6, 3, 2, 3, 3, 5, 4), Duration.ofMillis(1), 0.05, 16,
                10, 64, 8, false, false, 42, out);
        List<Run> runs = new WatchBenchmark(options).run().runs();

        assertThat(runs).hasSize(3).allSatisfy(r -> assertThat(r.failed()).isZero());
        long total = options.sizes().total();
        assertThat(runs.get(0).items()).isEqualTo(total);
        assertThat(runs.get(0).counts().created()).isEqualTo((int) total);
        assertThat(runs.get(0).requests()).containsKeys("sts:AssumeRole", "ec2:DescribeRegions",
                "iam:GetAccountAuthorizationDetails", "iam:GetCredentialReport", "iam:ListAccessKeys", "s3:GetBucketAcl",
                "s3control:GetPublicAccessBlock", "ec2:DescribeInstances");

        Run changed = runs.get(1);
        int mutated = changed.mutated().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(mutated).isEqualTo((int) Math.round(0.05 * total));
        assertThat(changed.counts().changed()).isEqualTo(mutated);
        assertThat(changed.rowsOf("item_revision")).isEqualTo(mutated);
        assertThat(changed.rowsOf("item")).isZero();

        Run none = runs.get(2);
        assertThat(none.counts().changed()).isZero();
        assertThat(none.rowsOf("item", "item_revision")).isZero();
        assertThat(none.rowsOf("watch_scope_result")).isEqualTo(none.summary().scopes().size());
        assertThat(Files.readString(out)).contains("| metric |", "sts:AssumeRole");
    }
}
