package io.watchkeeper.codescanner.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.codescanner.iac.cloudformation.CloudFormationTemplate;
import io.watchkeeper.codescanner.iac.terraform.TerraformPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudFormationAndPlanTest {

    private static IacResource resource(List<IacResource> rs, String name) {
        return rs.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void yamlShortFormTagsParametersConditionsAndMappingsAreEvaluated() {
        List<IacResource> rs = CloudFormationTemplate.resources(new IacFile("t.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  Env: {Type: String, Default: prod}
                  Secret: {Type: String}
                Mappings:
                  Sizes:
                    prod: {Class: db.r5.large}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  NotProd: !Not [!Condition IsProd]
                Resources:
                  B:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "${Env}-data-${!Literal}"
                      Tags:
                        - Key: size
                          Value: !FindInMap [Sizes, !Ref Env, Class]
                        - Key: joined
                          Value: !Join ["-", [a, !Ref Env]]
                        - Key: picked
                          Value: !Select [1, [x, y, z]]
                      AccessControl: !If [IsProd, Private, PublicRead]
                      LoggingConfiguration: !If [NotProd, {DestinationBucketName: logs}, !Ref AWS::NoValue]
                      VersioningConfiguration:
                        Status: !Ref Secret
                  Skipped:
                    Type: AWS::S3::Bucket
                    Condition: NotProd
                  Other:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !GetAtt B.Arn
                """, null, 0)).orElseThrow();
        assertThat(rs).extracting(IacResource::name).containsExactly("B", "Other");
        IacResource b = resource(rs, "B");
        assertThat(b.get("BucketName")).isEqualTo(Value.str("prod-data-${Literal}"));
        assertThat(b.get("AccessControl")).isEqualTo(Value.str("Private"));
        assertThat(b.attributes().fields()).doesNotContainKey("LoggingConfiguration");
        assertThat(((Value.Obj) b.get("VersioningConfiguration")).get("Status")).isEqualTo(Value.unknown("Ref Secret"));
        assertThat(b.get("Tags").toString()).contains("db.r5.large").contains("a-prod").contains("Str[value=y]");
        assertThat(resource(rs, "Other").get("QueueName")).isEqualTo(Value.unknown("GetAtt B.Arn"));
        assertThat(b.line()).isEqualTo(12);
        assertThat(b.endLine()).isEqualTo(26);
    }

    @Test
    void jsonTemplatesAndTheirFindingsHaveLines() {
        List<Finding> findings = IacTestSupport.scan("cfn/sg.json", """
                {
                  "Resources": {
                    "Sg": {
                      "Type": "AWS::EC2::SecurityGroup",
                      "Properties": {
                        "GroupDescription": "x",
                        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": "3306", "ToPort": 3306, "CidrIp": "0.0.0.0/0"}]
                      }
                    }
                  }
                }
                """);
        assertThat(IacTestSupport.rules(findings)).containsExactly("aws.ec2.security-group/database-port-open@cfn/sg.json:3");
        assertThat(findings.getFirst().endLine()).isEqualTo(9);
        assertThat(findings.getFirst().iac().source()).isEqualTo("cloudformation");
    }

    @Test
    void yamlThatIsNotATemplateOrDoesNotParseIsSkippedNotFatal() {
        assertThat(IacTestSupport.scan("k8s/deploy.yaml", "apiVersion: v1\nkind: Pod\n")).isEmpty();
        IacAnalyzer.Analysis a = new IacAnalyzer(IacTestSupport.CHECKS, null).analyze(List.of(
                new IacFile("bad.yaml", "AWSTemplateFormatVersion: x\nResources: [unclosed\n", null, 0)));
        assertThat(a.unparsed()).containsKey("bad.yaml");
        assertThat(a.hits()).isEmpty();
    }

    @Test
    void aliasBombsAndDeepNestingAreBounded() {
        StringBuilder bomb = new StringBuilder("AWSTemplateFormatVersion: x\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j > 0 ? ", " : "").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        bomb.append("Resources: {}\n");
        IacAnalyzer.Analysis a = new IacAnalyzer(IacTestSupport.CHECKS, null).analyze(List.of(
                new IacFile("bomb.yaml", bomb.toString(), null, 0),
                new IacFile("deep.yaml", "AWSTemplateFormatVersion: x\nResources: " + "[".repeat(5000) + "]".repeat(5000) + "\n", null, 0)));
        assertThat(a.unparsed()).containsOnlyKeys("bomb.yaml", "deep.yaml");
    }

    @Test
    void plansGiveModuleAddressesUnknownsAndReferencesAndSkipDeletions() {
        String plan = """
                {
                  "format_version": "1.2",
                  "planned_values": {"root_module": {
                    "resources": [
                      {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "values": {"bucket": "pb"}},
                      {"address": "aws_s3_bucket_acl.b", "mode": "managed", "type": "aws_s3_bucket_acl", "name": "b",
                       "values": {"acl": "public-read"}},
                      {"address": "aws_s3_bucket_public_access_block.b", "mode": "managed",
                       "type": "aws_s3_bucket_public_access_block", "name": "b", "values": {"block_public_acls": false}},
                      {"address": "aws_kms_key.gone", "mode": "managed", "type": "aws_kms_key", "name": "gone", "values": {}},
                      {"address": "data.aws_iam_policy.x", "mode": "data", "type": "aws_iam_policy", "name": "x", "values": {}}
                    ],
                    "child_modules": [{"address": "module.m", "resources": [
                      {"address": "module.m.aws_security_group.s", "mode": "managed", "type": "aws_security_group", "name": "s",
                       "values": {"name": "s", "ingress": [{"from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]}}
                    ]}]
                  }},
                  "resource_changes": [
                    {"address": "aws_s3_bucket_acl.b", "change": {"actions": ["create"], "after_unknown": {"bucket": true}}},
                    {"address": "aws_s3_bucket_public_access_block.b", "change": {"actions": ["create"], "after_unknown": {"bucket": true}}},
                    {"address": "aws_kms_key.gone", "change": {"actions": ["delete"]}}
                  ],
                  "configuration": {"root_module": {"resources": [
                    {"address": "aws_s3_bucket_acl.b", "expressions": {"bucket": {"references": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]}}},
                    {"address": "aws_s3_bucket_public_access_block.b", "expressions": {"bucket": {"references": ["aws_s3_bucket.b.id"]}}}
                  ]}}
                }
                """;
        List<IacResource> rs = TerraformPlan.resources(new IacFile("plan.json", plan, null, 0)).orElseThrow();
        assertThat(rs).extracting(IacResource::address).containsExactly("aws_s3_bucket.b", "aws_s3_bucket_acl.b",
                "aws_s3_bucket_public_access_block.b", "module.m.aws_security_group.s");
        assertThat(resource(rs, "b").source()).isEqualTo("terraform-plan");
        assertThat(rs.get(1).get("bucket")).isEqualTo(Value.unknown("aws_s3_bucket.b.id"));
        List<Finding> findings = IacTestSupport.scan("plan.json", plan);
        assertThat(findings).extracting(Finding::ruleId).contains("aws.s3.bucket/public-acl", "aws.ec2.security-group/admin-port-open",
                "aws.s3.bucket/block-public-access-off");
        Finding acl = findings.stream().filter(f -> f.ruleId().equals("aws.s3.bucket/public-acl")).findFirst().orElseThrow();
        assertThat(acl.startLine()).isEqualTo(6);
        assertThat(findings).noneMatch(f -> f.ruleId().startsWith("aws.kms.key"));
    }
}
