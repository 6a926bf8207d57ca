package io.watchkeeper.codescanner.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.codescanner.iac.terraform.TerraformModule;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerraformEvaluationTest {

    private static IacResource only(TerraformModule.Result r, String address) {
        return r.resources().stream().filter(x -> x.address().equals(address)).findFirst().orElseThrow();
    }

    @Test
    void variablesTfvarsLocalsFunctionsAndConditionalsAreResolvedStatically() {
        TerraformModule.Result r = TerraformModule.evaluate(List.of(
                new IacFile("infra/variables.tf", """
                        variable "env" { default = "dev" }
                        variable "ports" { default = [22, 443] }
                        variable "no_default" {}
                        """, null, 0),
                new IacFile("infra/terraform.tfvars", "env = \"prod\"\n", null, 0),
                new IacFile("infra/other.tfvars", "env = \"ignored\"\n", null, 0),
                new IacFile("infra/main.tf", """
                        locals {
                          prefix = "corp-${var.env}"
                          merged = merge({ a = "1" }, { b = upper("x") })
                          first  = var.ports[0]
                          name   = format("%s-%s", local.prefix, "logs")
                          cyclic = local.cyclic
                        }
                        resource "aws_x" "y" {
                          a = local.name
                          b = var.env == "prod" ? "strict" : "loose"
                          c = local.first + 1
                          d = join(",", concat(["a"], ["b"]))
                          e = var.no_default
                          f = aws_s3_bucket.logs.arn
                          g = local.merged.b
                          h = lookup({ k = "v" }, "missing", "fallback")
                          i = local.cyclic
                          j = length(var.ports) > 1 && true
                          k = jsonencode({ x = var.no_default })
                        }
                        """, null, 0)));
        assertThat(r.unparsed()).isEmpty();
        IacResource y = only(r, "aws_x.y");
        assertThat(y.get("a")).isEqualTo(Value.str("corp-prod-logs"));
        assertThat(y.get("b")).isEqualTo(Value.str("strict"));
        assertThat(Value.text(y.get("c"))).isEqualTo("23");
        assertThat(y.get("d")).isEqualTo(Value.str("a,b"));
        assertThat(y.get("e")).isEqualTo(Value.unknown("var.no_default"));
        assertThat(y.get("f")).isEqualTo(Value.unknown("aws_s3_bucket.logs.arn"));
        assertThat(y.get("g")).isEqualTo(Value.str("X"));
        assertThat(y.get("h")).isEqualTo(Value.str("fallback"));
        assertThat(y.get("i")).isInstanceOf(Value.Unknown.class);
        assertThat(y.get("j")).isEqualTo(Value.bool(true));
        assertThat(y.get("k")).isEqualTo(Value.str("{\"x\":\"<unknown: var.no_default>\"}"));
        assertThat(y.line()).isEqualTo(8);
        assertThat(y.path()).isEqualTo("infra/main.tf");
    }

    @Test
    void aFileThatDoesNotParseIsReportedAndTheRestOfTheModuleStillCounts() {
        TerraformModule.Result r = TerraformModule.evaluate(List.of(
                new IacFile("m/broken.tf", "resource \"aws_s3_bucket\" \"x\" {\n", null, 0),
                new IacFile("m/ok.tf", "resource \"aws_kms_key\" \"k\" {}\n", null, 0)));
        assertThat(r.unparsed()).containsOnlyKeys("m/broken.tf");
        assertThat(r.resources()).extracting(IacResource::address).containsExactly("aws_kms_key.k");
    }

    @Test
    void unknownValuesAreNeverGuessedInsecure() {
        List<Finding> findings = IacTestSupport.scan("main.tf", """
                variable "cidrs" {}
                variable "port" {}
                variable "public" {}
                resource "aws_security_group" "a" {
                  name = "a"
                  ingress {
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = var.cidrs
                  }
                  ingress {
                    from_port   = var.port
                    to_port     = var.port
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                  ingress {
                    from_port   = 3389
                    to_port     = 3389
                    protocol    = var.protocol
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                  dynamic "egress" {
                    for_each = var.rules
                    content {}
                  }
                }
                resource "aws_iam_role" "r" {
                  name = "r"
                  assume_role_policy = jsonencode({
                    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = var.trusted } }]
                  })
                }
                resource "aws_iam_policy" "p" {
                  name   = "p"
                  policy = var.policy
                }
                resource "aws_db_instance" "d" {
                  identifier          = "d"
                  publicly_accessible = var.public
                  storage_encrypted   = var.encrypted
                  deletion_protection = var.protect
                }
                resource "aws_kms_key" "k" {
                  enable_key_rotation = var.rotate
                }
                """);
        assertThat(findings).isEmpty();
    }

    @Test
    void theSameDeclarationsWithKnownInsecureValuesAreFound() {
        List<Finding> findings = IacTestSupport.scan("main.tf", """
                resource "aws_security_group" "a" {
                  name = "a"
                  ingress {
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                resource "aws_iam_role" "r" {
                  name = "r"
                  assume_role_policy = jsonencode({
                    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "*" } }]
                  })
                }
                resource "aws_db_instance" "d" {
                  identifier          = "d"
                  publicly_accessible = true
                  storage_encrypted   = true
                  deletion_protection = true
                }
                resource "aws_kms_key" "k" {
                  enable_key_rotation = false
                }
                """);
        assertThat(IacTestSupport.rules(findings)).containsExactly(
                "aws.ec2.security-group/admin-port-open@main.tf:1",
                "aws.iam.role/trust-everyone@main.tf:10",
                "aws.kms.key/rotation-disabled@main.tf:22",
                "aws.rds.instance/public@main.tf:16");
        Finding sg = findings.stream().filter(f -> f.ruleId().endsWith("admin-port-open")).findFirst().orElseThrow();
        // same id, severity and CIS controls as the live check
        var check = IacTestSupport.CHECKS.require("aws.ec2.security-group/admin-port-open");
        assertThat(sg.severity()).isEqualTo(check.severity());
        assertThat(sg.iac().controls()).isEqualTo(check.controls());
        assertThat(sg.title()).isEqualTo(check.title());
        assertThat(sg.endLine()).isEqualTo(9);
        assertThat(sg.iac().address()).isEqualTo("aws_security_group.a");
    }

    @Test
    void splitResourcesFindTheirBucketByReferenceOrNameAndFindingsPointAtThem() {
        List<Finding> findings = IacTestSupport.scan(
                "s3/bucket.tf", """
                        resource "aws_s3_bucket" "b" {
                          bucket = "my-bucket"
                        }
                        """,
                "s3/access.tf", """
                        resource "aws_s3_bucket_public_access_block" "by_ref" {
                          bucket = aws_s3_bucket.b.id
                        }
                        resource "aws_s3_bucket_acl" "by_name" {
                          bucket = "my-bucket"
                          acl    = "authenticated-read"
                        }
                        resource "aws_s3_bucket_policy" "elsewhere" {
                          bucket = "someone-elses-bucket"
                          policy = "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:*\\",\\"Resource\\":\\"*\\"}]}"
                        }
                        """);
        assertThat(IacTestSupport.rules(findings)).contains(
                "aws.s3.bucket/block-public-access-off@s3/access.tf:1",
                "aws.s3.bucket/public-acl@s3/access.tf:4",
                "aws.s3.bucket/versioning-off@s3/bucket.tf:1");
        // the policy of a bucket declared elsewhere is not attributed to this one
        assertThat(findings).noneMatch(f -> f.ruleId().endsWith("public-policy"));
        assertThat(findings.stream().filter(f -> f.ruleId().endsWith("public-acl")).findFirst().orElseThrow().iac().declaredType())
                .isEqualTo("aws_s3_bucket_acl");
    }

    @Test
    void aNewBucketGetsTheDefaultsAwsGivesNewBuckets() {
        // Block Public Access on and SSE-S3 by default: only what a new bucket really lacks is reported
        List<Finding> findings = IacTestSupport.scan("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n");
        assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder(
                "aws.s3.bucket/access-logging-off", "aws.s3.bucket/insecure-transport", "aws.s3.bucket/versioning-off");
    }
}
