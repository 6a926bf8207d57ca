package io.watchkeeper.codescanner.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.inventory.LiveConfigDirectory;
import io.watchkeeper.core.inventory.LiveItem;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.PolicyDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveComparisonTest {

    /** A directory over a fixed set of items, recording what was asked (the port's contract, in memory). */
    private static final class Items implements LiveConfigDirectory {
        final List<LiveItem> items;
        final List<String> asked = new ArrayList<>();

        Items(LiveItem... items) {
            this.items = List.of(items);
        }

        @Override
        public List<LiveItem> find(String type, Collection<String> names) {
            asked.add(type + " " + names);
            return items.stream().filter(i -> i.type().equals(type) && (names.contains(i.name()) || names.contains(i.resourceId()))).toList();
        }

        @Override
        public List<LiveItem> inAccount(String accountId, String type, int limit) {
            asked.add(type + " in " + accountId);
            return items.stream().filter(i -> i.type().equals(type) && i.accountId().equals(accountId)).limit(limit).toList();
        }
    }

    private static final S3BucketConfig PRIVATE_BUCKET = new S3BucketConfig("billing-exports", "eu-west-1", null,
            PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                    + "\"Resource\":[\"arn:aws:s3:::billing-exports\",\"arn:aws:s3:::billing-exports/*\"],"
                    + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"),
            "owner-id", List.of(new S3BucketConfig.Grant("CanonicalUser", "owner-id", "FULL_CONTROL")),
            new PublicAccessBlock(true, true, true, true), List.of(new S3BucketConfig.EncryptionRule("aws:kms", null, true)),
            "Enabled", "Enabled", new S3BucketConfig.Logging("logs", "b/"), "BucketOwnerEnforced", Map.of());

    private static LiveItem bucket(S3BucketConfig c) {
        return new LiveItem(42, "aws.s3.bucket", "prod", "123456789012", "eu-west-1", "arn:aws:s3:::" + c.name(), c.name(),
                Json.tree(c), Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static final String PR = """
            resource "aws_s3_bucket" "exports" {
              bucket = "billing-exports"
            }
            resource "aws_s3_bucket_public_access_block" "exports" {
              bucket = aws_s3_bucket.exports.id
            }
            resource "aws_s3_bucket_policy" "exports" {
              bucket = aws_s3_bucket.exports.id
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::billing-exports/*" }]
              })
            }
            """;

    @Test
    void aChangeThatMakesALivePrivateBucketPublicSaysSo() {
        Items live = new Items(bucket(PRIVATE_BUCKET));
        List<Finding> findings = IacTestSupport.scan(live, "s3.tf", PR);

        Finding pub = findings.stream().filter(f -> f.ruleId().equals("aws.s3.bucket/public-policy")).findFirst().orElseThrow();
        assertThat(pub.iac().live()).isNotNull();
        assertThat(pub.iac().live().itemId()).isEqualTo(42);
        assertThat(pub.iac().live().accountId()).isEqualTo("123456789012");
        assertThat(pub.iac().live().today()).isFalse();
        assertThat(pub.message()).contains("today no; after this change: yes").contains("billing-exports");
        // aspects the change leaves alone keep their live state: versioning, logging and encryption are fine live
        assertThat(findings).extracting(Finding::ruleId).doesNotContain("aws.s3.bucket/versioning-off",
                "aws.s3.bucket/access-logging-off", "aws.s3.bucket/mfa-delete-off");
        // the policy the change writes replaces the live one, which denied plain HTTP
        assertThat(findings).extracting(Finding::ruleId).contains("aws.s3.bucket/insecure-transport",
                "aws.s3.bucket/block-public-access-off");
        assertThat(live.asked).containsExactly("aws.s3.bucket [billing-exports]");
    }

    @Test
    void aProblemTheLiveResourceAlreadyHasIsMarkedAsExistingToday() {
        S3BucketConfig publicToday = new S3BucketConfig("billing-exports", "eu-west-1", null,
                PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::billing-exports/*\"}]}"), "owner-id", List.of(),
                new PublicAccessBlock(false, false, false, false), List.of(), null, null, null, null, Map.of());
        List<Finding> findings = IacTestSupport.scan(new Items(bucket(publicToday)), "s3.tf", PR);
        Finding pub = findings.stream().filter(f -> f.ruleId().equals("aws.s3.bucket/public-policy")).findFirst().orElseThrow();
        assertThat(pub.iac().live().today()).isTrue();
        assertThat(pub.message()).contains("today yes");
    }

    @Test
    void withoutAMatchingLiveItemNothingIsClaimedAboutToday() {
        List<Finding> findings = IacTestSupport.scan(new Items(bucket(PRIVATE_BUCKET)), "s3.tf", PR.replace("billing-exports", "other-bucket"));
        assertThat(findings).isNotEmpty().allMatch(f -> f.iac().live() == null);
        // a new bucket: versioning and logging are off
        assertThat(findings).extracting(Finding::ruleId).contains("aws.s3.bucket/versioning-off");
    }

    @Test
    void aSecurityGroupMatchedByNameKeepsItsLiveIdentity() {
        SecurityGroupConfig liveSg = new SecurityGroupConfig("sg-0123", "web", "web", "vpc-1", "123456789012", List.of(), List.of(), Map.of());
        LiveItem item = new LiveItem(7, "aws.ec2.security-group", "prod", "123456789012", "eu-west-1",
                "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0123", "web", Json.tree(liveSg), null);
        Items live = new Items(item, instance(1, "running", "sg-0123", "123456789012"), instance(2, "running", "sg-0123", "123456789012"),
                instance(3, "stopped", "sg-0123", "123456789012"), instance(4, "running", "sg-9999", "123456789012"),
                instance(5, "running", "sg-0123", "999999999999"));
        List<Finding> findings = IacTestSupport.scan(live, "sg.tf", """
                resource "aws_security_group" "web" {
                  name = "web"
                  ingress {
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("aws.ec2.security-group/admin-port-open");
            assertThat(f.iac().live().resourceId()).endsWith("sg-0123");
            assertThat(f.iac().live().today()).isFalse();
            assertThat(f.iac().live().context()).isEqualTo("security group attached to 2 running instances");
            assertThat(f.message()).contains("after this change: yes; security group attached to 2 running instances");
        });
        assertThat(live.asked).contains("aws.ec2.instance in 123456789012");
    }

    private static LiveItem instance(int n, String state, String group, String account) {
        var config = new io.watchkeeper.core.config.aws.Ec2InstanceConfig("i-" + n, "t3.micro", "ami-1", state, "vpc-1", "subnet-1",
                "10.0.0." + n, false, null, null, List.of(group), null, null, null, null, Map.of());
        return new LiveItem(100 + n, "aws.ec2.instance", "acct", account, "eu-west-1",
                "arn:aws:ec2:eu-west-1:" + account + ":instance/i-" + n, "i-" + n, Json.tree(config), null);
    }
}
