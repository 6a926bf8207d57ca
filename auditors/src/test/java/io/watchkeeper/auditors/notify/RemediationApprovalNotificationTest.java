package io.watchkeeper.auditors.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.auditors.output.TestFindings;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RemediationApprovalNotificationTest {

    private final RemediationApprovalMessage message =
            new RemediationApprovalMessage(URI.create("https://watchkeeper.example.org/"), TestFindings.catalog());

    @Test
    void saysWhatThePlanWillCallAndWhereToApproveIt() {
        Notification n = message.build(new RemediationApproval("42", TestFindings.S3_PUBLIC,
                "arn:aws:s3:::logs\nBcc: x", List.of("s3:PutBucketAcl acl=private", "s3:PutPublicAccessBlock all=true"),
                "/remediations/42"));
        assertThat(n.subject()).isEqualTo("Watchkeeper: remediation 42 awaits approval: "
                + "S3 bucket ACL grants access to everyone on arn:aws:s3:::logs Bcc: x");
        assertThat(n.body()).contains("Check:    aws.s3.bucket/public-acl — S3 bucket ACL grants access to everyone\n",
                "Resource: arn:aws:s3:::logs Bcc: x\n", "- s3:PutBucketAcl acl=private\n",
                "- s3:PutPublicAccessBlock all=true\n",
                "Review and approve or reject it: https://watchkeeper.example.org/remediations/42\n");
    }

    @Test
    void longPlansAreCutAndOnlyAbsolutePathsAreLinks() {
        List<String> calls = IntStream.range(0, 25).mapToObj(i -> "ec2:RevokeSecurityGroupIngress rule " + i).toList();
        Notification n = new RemediationApprovalMessage(null, TestFindings.catalog())
                .build(new RemediationApproval("7", TestFindings.SG_ADMIN, "sg-1", calls, "/remediations/7"));
        assertThat(n.body().lines().filter(l -> l.startsWith("- ec2:"))).hasSize(20);
        assertThat(n.body()).contains("… and 5 more calls.", "approve or reject it: /remediations/7");
        assertThatThrownBy(() -> new RemediationApproval("7", "c", "r", List.of(), "//evil.example/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemediationApproval("7", "c", "r", List.of(), "https://evil.example/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
