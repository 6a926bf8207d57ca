package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.RuleCase;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Third parties without an external id, services without a source pin, and the support role (CIS 1.17). */
public class TrustRulesTest {

    static String role(String name, String path, String trustStatements, String attached) {
        return "{'roleName':'" + name + "','arn':'arn:aws:iam::111111111111:role/" + name + "','path':'" + path + "',"
                + "'trustPolicy':{'json':{'Version':'2012-10-17','Statement':[" + trustStatements + "]}},"
                + "'attachedPolicyArns':[" + attached + "]}";
    }

    static String statement(String principal, String condition) {
        return "{'Sid':'T','Effect':'Allow','Principal':" + principal + ",'Action':'sts:AssumeRole'"
                + (condition == null ? "" : ",'Condition':" + condition) + "}";
    }

    private static final String VENDOR = "{'AWS':'arn:aws:iam::333333333333:root'}";
    private static final String SNS = "{'Service':'sns.amazonaws.com'}";

    private static Consumer<TestContext> roles(String... json) {
        return c -> {
            for (String r : json) {
                IamRoleConfig role = Configs.parse(IamRoleConfig.class, r);
                c.with("aws.iam.role", "global", role.roleName(), role);
            }
        };
    }

    private static final String A = role("a-app", "/", statement("{'Service':'ec2.amazonaws.com'}", null), "");
    private static final String SUPPORT = role("support", "/", statement("{'AWS':'arn:aws:iam::111111111111:root'}",
            null), "'arn:aws:iam::aws:policy/AWSSupportAccess'");

    public static final List<RuleCase> CASES = List.of(
            fails("aws.iam.role/third-party-trust-without-external-id", role("vendor", "/", statement(VENDOR, null), ""),
                    "sid:T:arn:aws:iam::333333333333:root"),
            fails("aws.iam.role/third-party-trust-without-external-id", role("vendor", "/", statement(VENDOR,
                    "{'StringLike':{'sts:ExternalId':'*'}}"), ""), "sid:T:arn:aws:iam::333333333333:root"),
            passes("aws.iam.role/third-party-trust-without-external-id", role("vendor", "/", statement(VENDOR,
                    "{'StringEquals':{'sts:ExternalId':'b7c1-4f2a'}}"), ""), "external id required"),
            passes("aws.iam.role/third-party-trust-without-external-id", role("vendor", "/", statement(VENDOR,
                    "{'Bool':{'aws:MultiFactorAuthPresent':'true'}}"), ""), "MFA required"),
            passes("aws.iam.role/third-party-trust-without-external-id", role("shared", "/", statement(
                    "{'AWS':'arn:aws:iam::222222222222:root'}", null), ""), "a registered (not third-party) account"),
            fails("aws.iam.role/service-trust-without-source", role("sns-logs", "/", statement(SNS, null), ""),
                    "sid:T:sns.amazonaws.com"),
            fails("aws.iam.role/service-trust-without-source", role("sns-logs", "/", statement(SNS,
                    "{'StringLike':{'aws:SourceAccount':'*'}}"), ""), "sid:T:sns.amazonaws.com"),
            passes("aws.iam.role/service-trust-without-source", role("sns-logs", "/", statement(SNS,
                    "{'StringEquals':{'aws:SourceAccount':'111111111111'}}"), ""), "source account pinned"),
            passes("aws.iam.role/service-trust-without-source", role("sns-logs", "/", statement(SNS,
                    "{'ArnLike':{'aws:SourceArn':'arn:aws:sns:us-east-1:111111111111:alerts'}}"), ""), "source ARN pinned"),
            passes("aws.iam.role/service-trust-without-source", role("web", "/", statement(
                    "{'Service':'ec2.amazonaws.com'}", null), ""), "EC2 acts only for the account's instances"),
            passes("aws.iam.role/service-trust-without-source", role("AWSServiceRoleForConfig",
                    "/aws-service-role/config.amazonaws.com/", statement("{'Service':'config.amazonaws.com'}", null), ""),
                    "a service-linked role nobody can edit"),
            fails("aws.iam.role/no-support-role", A, "account:support-role").with(roles(A)),
            passes("aws.iam.role/no-support-role", A, "another role has AWSSupportAccess").with(roles(A, SUPPORT)),
            passes("aws.iam.role/no-support-role", role("z-last", "/", statement(SNS, null), ""),
                    "only the first role by ARN carries the finding").with(roles(A,
                    role("z-last", "/", statement(SNS, null), ""))));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }
}
