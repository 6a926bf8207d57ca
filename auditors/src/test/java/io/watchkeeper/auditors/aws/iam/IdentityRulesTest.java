package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.RuleCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Privilege-escalation paths (named in evidence), sts:AssumeRole on every role, cloudtrail:* and kms:*. */
public class IdentityRulesTest {

    static String doc(String statements) {
        return "{'json':{'Version':'2012-10-17','Statement':[" + statements + "]}}";
    }

    static String allow(String sid, String actions, String resource) {
        return "{'Sid':'" + sid + "','Effect':'Allow','Action':" + actions + ",'Resource':" + resource + "}";
    }

    static String managed(String statements) {
        return "{'policyName':'p','arn':'arn:aws:iam::111111111111:policy/p','document':" + doc(statements) + "}";
    }

    static String inline(String kind, String statements) {
        return "{'" + kind + "Name':'x','arn':'arn:aws:iam::111111111111:" + kind + "/x',"
                + (kind.equals("user") ? "'passwordEnabled':false,'mfaActive':false," : "") + "'inlinePolicies':[{'name':'a',"
                + "'document':" + doc(statements) + "}]}";
    }

    private static final String PASS_AND_RUN = allow("Pass", "'iam:PassRole'", "'*'") + ","
            + allow("Run", "['ec2:RunInstances','ec2:Describe*']", "'*'");

    /** Everything but S3 and EC2, read as a set: every path that needs neither. */
    private static final String NOT_S3_EC2 = allow("N", "'*'", "'*'").replace("'Action':'*'", "'NotAction':['s3:*','ec2:*']");

    public static final List<RuleCase> CASES;

    static {
        List<RuleCase> all = new ArrayList<>(List.of(
                fails("aws.iam.policy/privilege-escalation", managed(PASS_AND_RUN), "path:passrole-ec2"),
                fails("aws.iam.policy/privilege-escalation", managed(allow("V", "'iam:CreatePolicyVersion'", "'*'")),
                        "path:create-policy-version"),
                passes("aws.iam.policy/privilege-escalation", managed(NOT_S3_EC2),
                        "NotAction that leaves iam:* is the iam-star check's finding on a managed policy"),
                fails("aws.iam.role/inline-privilege-escalation", inline("role", NOT_S3_EC2), "path:create-policy-version", "path:set-default-policy-version",
                        "path:create-access-key", "path:create-login-profile", "path:update-login-profile",
                        "path:attach-user-policy", "path:attach-group-policy", "path:attach-role-policy",
                        "path:put-user-policy", "path:put-group-policy", "path:put-role-policy", "path:add-user-to-group",
                        "path:update-assume-role-policy", "path:passrole-lambda", "path:passrole-lambda-event-source",
                        "path:update-function-code", "path:passrole-glue", "path:update-glue-dev-endpoint",
                        "path:passrole-cloudformation", "path:passrole-datapipeline", "path:passrole-sagemaker",
                        "path:passrole-ecs", "path:passrole-codebuild"),
                passes("aws.iam.policy/privilege-escalation", managed(allow("Pass", "'iam:PassRole'",
                        "'arn:aws:iam::111111111111:role/app-role'") + "," + allow("Run", "'ec2:RunInstances'", "'*'")),
                        "PassRole limited to one role"),
                passes("aws.iam.policy/privilege-escalation", managed(PASS_AND_RUN + ",{'Sid':'No','Effect':'Deny',"
                        + "'Action':'iam:PassRole','Resource':'*'}"), "an unconditional Deny takes PassRole back"),
                passes("aws.iam.policy/privilege-escalation", managed(allow("Pass", "'iam:PassRole'", "'*'")),
                        "PassRole alone"),
                passes("aws.iam.policy/privilege-escalation", managed(allow("All", "'*'", "'*'")),
                        "full admin is the full-admin check's finding"),
                passes("aws.iam.policy/privilege-escalation", managed(allow("Iam", "'iam:*'", "'*'")),
                        "iam:* is the iam-star check's finding"),
                fails("aws.iam.role/inline-privilege-escalation", inline("role", PASS_AND_RUN), "path:passrole-ec2"),
                fails("aws.iam.role/inline-privilege-escalation", inline("role", allow("Iam", "'iam:*'", "'*'")),
                        "path:create-policy-version", "path:set-default-policy-version", "path:create-access-key",
                        "path:create-login-profile", "path:update-login-profile", "path:attach-user-policy",
                        "path:attach-group-policy", "path:put-user-policy", "path:put-group-policy",
                        "path:add-user-to-group"),
                passes("aws.iam.role/inline-privilege-escalation", inline("role", allow("Read", "['s3:GetObject',"
                        + "'iam:Get*','iam:List*']", "'*'")), "read-only IAM"),
                fails("aws.iam.user/inline-privilege-escalation", inline("user", allow("Keys", "'iam:CreateAccessKey'", "'*'")),
                        "path:create-access-key"),
                passes("aws.iam.user/inline-privilege-escalation", inline("user", allow("Keys", "'iam:CreateAccessKey'",
                        "'arn:aws:iam::111111111111:user/${aws:username}'")), "own keys only"),
                fails("aws.iam.group/inline-privilege-escalation", inline("group", allow("Join", "'iam:AddUserToGroup'", "'*'")),
                        "path:add-user-to-group"),
                passes("aws.iam.group/inline-privilege-escalation", inline("group", allow("Join", "'iam:AddUserToGroup'",
                        "'arn:aws:iam::111111111111:group/readers'")), "one group only")));
        for (String kind : new String[] {"role", "user", "group"}) {
            String type = "aws.iam." + kind + "/inline-";
            all.add(fails(type + "assume-any-role", inline(kind, allow("A", "'sts:AssumeRole'", "'*'")), "policy:a:sid:A"));
            all.add(passes(type + "assume-any-role", inline(kind, allow("A", "'sts:AssumeRole'",
                    "'arn:aws:iam::222222222222:role/deployer'")), "one named role"));
            all.add(fails(type + "cloudtrail-star", inline(kind, allow("C", "'cloudtrail:*'", "'*'")), "policy:a:sid:C"));
            all.add(passes(type + "cloudtrail-star", inline(kind, allow("C", "['cloudtrail:Get*','cloudtrail:Describe*',"
                    + "'cloudtrail:LookupEvents']", "'*'")), "read actions only"));
            all.add(fails(type + "kms-star", inline(kind, allow("K", "'kms:*'", "'arn:aws:kms:*:111111111111:key/*'")),
                    "policy:a:sid:K"));
            all.add(passes(type + "kms-star", inline(kind, allow("K", "['kms:Decrypt','kms:GenerateDataKey']", "'*'")),
                    "two key actions"));
        }
        all.add(fails("aws.iam.policy/assume-any-role", managed(allow("A", "'sts:Assume*'",
                "'arn:aws:iam::*:role/*'")), "sid:A"));
        all.add(passes("aws.iam.policy/assume-any-role", managed(allow("A", "'sts:AssumeRole'",
                "'arn:aws:iam::111111111111:role/ci-*'")), "a family of roles"));
        all.add(fails("aws.iam.policy/cloudtrail-star", managed(allow("C", "'cloudtrail:*'", "'*'")), "sid:C"));
        all.add(passes("aws.iam.policy/cloudtrail-star", managed(allow("C", "'cloudtrail:*'",
                "'arn:aws:cloudtrail:us-east-1:111111111111:trail/sandbox'")), "one trail"));
        all.add(fails("aws.iam.policy/kms-star", managed(allow("K", "'kms:*'", "'*'")), "sid:K"));
        all.add(passes("aws.iam.policy/kms-star", managed(allow("K", "'kms:*'",
                "'arn:aws:kms:us-east-1:111111111111:key/1234'")), "one key"));
        all.add(passes("aws.iam.policy/kms-star", managed(allow("All", "'*'", "'*'")), "full admin is reported as such"));
        CASES = List.copyOf(all);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }

    @Test
    void theEvidenceNamesThePathAndTheStatementsThatOpenIt() {
        var evidence = fails("aws.iam.policy/privilege-escalation", managed(PASS_AND_RUN), "path:passrole-ec2").run()
                .getFirst();
        assertThat(evidence.message()).contains("iam:PassRole + ec2:RunInstances", "launch an instance with any role");
        assertThat(evidence.details().get("grantedBy").toString()).contains("iam:PassRole (sid:Pass)",
                "ec2:RunInstances (sid:Run)");
    }
}
