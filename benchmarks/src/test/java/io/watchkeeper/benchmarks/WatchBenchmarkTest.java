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
                10, 64, 8, false, false, 42, out, WatchBenchmark.TypeSets.OLD);
        List<Run> runs = new WatchBenchmark(options).run().runs();

        assertThat(runs).hasSize(3).allSatisfy(r -> assertThat(r.failed()).isZero());
        long total = options.sizes().total();
        assertThat(runs.get(0).items()).isEqualTo(total);
        assertThat(runs.get(0).counts().created()).isEqualTo((int) total);
        assertThat(runs.get(0).requests()).containsKeys("sts:AssumeRole", "ec2:DescribeRegions",
                "iam:GetAccountAuthorizationDetails", "iam:GetCredentialReport", "iam:ListAccessKeys", "s3:GetBucketAcl",
                "s3control:GetPublicAccessBlock", "ec2:DescribeInstances");
        // ListBuckets names each bucket's region: GetBucketLocation is never needed
        assertThat(runs.get(0).requests()).doesNotContainKey("s3:GetBucketLocation");

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

    /** Both type sets side by side; the added types are served in their real protocols and watched exactly. */
    @Test
    void theOldAndTheFullTypeSetSideBySide(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.md");
        var options = new WatchBenchmark.Options(new Sizes(3, 2, 4, 3, 2, 2, 2, 3, 3), Duration.ofMillis(1), 0.1, 16,
                10, 64, 8, false, false, 7, out, WatchBenchmark.TypeSets.BOTH);
        WatchBenchmark.Report report = new WatchBenchmark(options).run();

        assertThat(report.phases()).extracting(WatchBenchmark.Phase::name).containsExactly("old", "all");
        assertThat(report.runs()).hasSize(6).allSatisfy(r -> assertThat(r.failed()).as(r.label()).isZero());
        WatchBenchmark.Phase all = report.phases().getLast();
        long total = all.sizes().total();
        assertThat(total).isGreaterThan(report.phases().getFirst().sizes().total());
        Run first = all.runs().getFirst();
        assertThat(first.items()).isEqualTo(total);
        assertThat(first.summary().scopes().stream().map(s -> s.scope().type().id()).distinct().toList())
                .hasSize(WatchBenchmark.types(all.sizes()).size())
                .contains("aws.iam.root-account", "aws.ec2.vpc", "aws.logs.metric-filter", "aws.config.recorder",
                        "aws.accessanalyzer.analyzer", "aws.securityhub.hub", "aws.organizations.policy",
                        "aws.elbv2.load-balancer", "aws.elb.load-balancer", "aws.rds.cluster", "aws.secretsmanager.secret",
                        "aws.eks.cluster", "aws.ecr.repository", "aws.efs.file-system");
        assertThat(first.requests()).containsKeys("iam:GetAccountSummary", "ec2:DescribeFlowLogs",
                "monitoring:DescribeAlarms", "logs:DescribeMetricFilters", "guardduty:GetDetector",
                "access-analyzer:ListAnalyzers", "securityhub:GetEnabledStandards", "organizations:ListRoots",
                "elasticloadbalancing:DescribeListeners", "rds:DescribeDBClusters", "rds:DescribeDBClusterParameters",
                "secretsmanager:GetResourcePolicy",
                "eks:DescribeCluster", "ecr:GetRepositoryPolicy", "elasticfilesystem:DescribeBackupPolicy");

        Run changed = all.runs().get(1);
        int mutated = changed.mutated().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(changed.mutated().keySet()).anyMatch(k -> k.added);
        assertThat(changed.counts().changed()).isEqualTo(mutated);
        assertThat(changed.rowsOf("item_revision")).isEqualTo(mutated);
        Run none = all.runs().get(2);
        assertThat(none.counts().changed() + none.counts().ephemeral()).isZero();
        assertThat(none.rowsOf("item", "item_revision")).isZero();
        assertThat(Files.readString(out)).contains("old types: first watch", "all types: first watch");
    }
}
