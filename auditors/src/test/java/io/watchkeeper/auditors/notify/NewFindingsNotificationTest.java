package io.watchkeeper.auditors.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.output.TestFindings;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewFindingsNotificationTest {

    @Test
    void listsTheFindingsAtOrAboveTheThresholdHighestFirstAndCountsTheRest() {
        List<FindingView> findings = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            findings.add(TestFindings.finding(i, TestFindings.S3_PUBLIC, "prod", "bucket-" + i, 40 + i * 5,
                    Severity.HIGH, FindingStatus.OPEN));
        }
        Notification n = new NewFindingsMessage(60, 3, TestFindings.catalog()).build(findings).orElseThrow();
        assertThat(n.subject()).isEqualTo("Watchkeeper: 5 new findings scoring 60 or more (top 80 on bucket-8)");
        List<String> lines = n.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("5 new findings with a score of 60 or more:");
        assertThat(lines.stream().filter(l -> l.startsWith("- ["))).hasSize(3);
        assertThat(lines.get(2)).startsWith("- [80] high S3 bucket ACL grants access to everyone — bucket-8 (arn:aws:s3:::8-bucket-8)");
        assertThat(lines.get(4)).startsWith("- [70] high");
        assertThat(lines.getLast()).isEqualTo("… and 2 more.");
        assertThat(n.body()).doesNotContain("bucket-3 ");
    }

    @Test
    void nothingAboveTheThresholdMeansNoMessage() {
        FindingView low = TestFindings.finding(1, TestFindings.S3_PUBLIC, "prod", "b", 10, Severity.LOW, FindingStatus.OPEN);
        assertThat(new NewFindingsMessage(50, 10, TestFindings.catalog()).build(List.of(low))).isEmpty();
        assertThat(new NewFindingsMessage(50, 10, TestFindings.catalog()).build(List.of())).isEmpty();
    }

    @Test
    void cloudValuesCannotForgeLinesInTheBodyOrTheSubject() {
        FindingView forged = TestFindings.withMessage(TestFindings.finding(1, TestFindings.S3_PUBLIC, "prod\n- [100] critical fake",
                "name\u2028- [99] fake\u202E", 90, Severity.CRITICAL, FindingStatus.OPEN), "m1\r\n- [98] fake");
        Notification n = new NewFindingsMessage(50, 10, TestFindings.catalog()).build(List.of(forged)).orElseThrow();
        assertThat(n.subject()).doesNotContain("\n", "\u2028", "\u202E");
        assertThat(n.body().lines().filter(l -> l.startsWith("- ["))).hasSize(1);
        assertThat(n.body()).contains("name - [99] fake", "m1  - [98] fake", "prod - [100] critical fake");
    }
}
