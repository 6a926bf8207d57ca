package io.watchkeeper.auditors.aws.organizations;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.RuleCase;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.OrganizationPolicyConfig;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** SCP guardrails on the organisation root: leave organisation, CloudTrail, GuardDuty, Config. */
public class ScpGuardrailRulesTest {

    private static final String LEAVE = "aws.organizations.policy/no-deny-leave-organization";
    private static final String TRAIL = "aws.organizations.policy/no-deny-cloudtrail-tampering";
    private static final String GUARDDUTY = "aws.organizations.policy/no-deny-guardduty-disabling";
    private static final String CONFIG = "aws.organizations.policy/no-deny-config-disabling";

    private static final String ROOT = "[{'targetId':'r-ab12','type':'ROOT','name':'Root'}]";
    private static final String OU = "[{'targetId':'ou-ab12-xyz','type':'ORGANIZATIONAL_UNIT','name':'Prod'}]";

    /** The AWS-managed allow-all SCP, present in every organisation with SCPs enabled. */
    static final String FULL_ACCESS = scp("p-FullAWSAccess", "FullAWSAccess", "{'Effect':'Allow','Action':'*',"
            + "'Resource':'*'}", ROOT);

    static String scp(String id, String name, String statements, String targets) {
        return "{'policyId':'" + id + "','name':'" + name + "','type':'SERVICE_CONTROL_POLICY','content':{'json':"
                + "{'Version':'2012-10-17','Statement':[" + statements + "]}},'targets':" + targets + "}";
    }

    static Consumer<TestContext> also(String config) {
        OrganizationPolicyConfig p = Configs.parse(OrganizationPolicyConfig.class, config);
        return c -> c.with("aws.organizations.policy", "global", p.name(), p);
    }

    private static final String GUARDRAILS = scp("p-guard", "guardrails", "{'Sid':'Leave','Effect':'Deny','Action':"
            + "'organizations:LeaveOrganization','Resource':'*'},{'Sid':'Trail','Effect':'Deny','Action':["
            + "'cloudtrail:StopLogging','cloudtrail:DeleteTrail','cloudtrail:UpdateTrail'],'Resource':'*','Condition':"
            + "{'ArnNotLike':{'aws:PrincipalARN':'arn:aws:iam::*:role/BreakGlass'}}},{'Sid':'Gd','Effect':'Deny','Action':"
            + "'guardduty:*','Resource':'*'},{'Sid':'Config','Effect':'Deny','Action':['config:Stop*','config:Delete*'],"
            + "'Resource':'*'}", ROOT);

    public static final List<RuleCase> CASES = List.of(
            fails(LEAVE, FULL_ACCESS, "organization"),
            fails(TRAIL, FULL_ACCESS, "organization"),
            fails(GUARDDUTY, FULL_ACCESS, "organization"),
            fails(CONFIG, FULL_ACCESS, "organization"),
            passes(LEAVE, FULL_ACCESS, "the root carries the deny").with(also(GUARDRAILS)),
            passes(TRAIL, FULL_ACCESS, "a deny with a break-glass exemption still counts").with(also(GUARDRAILS)),
            passes(GUARDDUTY, FULL_ACCESS, "guardduty:* covers every action").with(also(GUARDRAILS)),
            passes(CONFIG, FULL_ACCESS, "config:Stop* and config:Delete* cover every action").with(also(GUARDRAILS)),
            passes(LEAVE, GUARDRAILS, "reported once, on the first SCP by id only").with(also(FULL_ACCESS)),
            fails(LEAVE, FULL_ACCESS, "organization").with(also(GUARDRAILS.replace(ROOT, OU))),
            fails(TRAIL, FULL_ACCESS, "organization").with(also(scp("p-trail", "trail", "{'Effect':'Deny','Action':"
                    + "'cloudtrail:StopLogging','Resource':'*'}", ROOT))),
            fails(LEAVE, FULL_ACCESS, "organization").with(also(scp("p-leave", "allow-leave", "{'Effect':'Allow',"
                    + "'Action':'organizations:LeaveOrganization','Resource':'*'}", ROOT))),
            fails(LEAVE, FULL_ACCESS, "organization").with(also(scp("p-leave", "one-resource", "{'Effect':'Deny',"
                    + "'Action':'organizations:LeaveOrganization','Resource':'arn:aws:organizations::1:account/x'}", ROOT))),
            passes(GUARDDUTY, FULL_ACCESS, "a NotAction deny that does not exempt GuardDuty covers it").with(also(scp(
                    "p-na", "deny-all-but", "{'Effect':'Deny','NotAction':['iam:*','sts:*'],'Resource':'*'}", ROOT))),
            fails(GUARDDUTY, FULL_ACCESS, "organization").with(also(scp("p-na", "deny-all-but-guardduty",
                    "{'Effect':'Deny','NotAction':['guardduty:*'],'Resource':'*'}", ROOT))),
            passes(LEAVE, FULL_ACCESS.replace("SERVICE_CONTROL_POLICY", "TAG_POLICY"), "not an SCP"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }

    @Test
    void everyGuardrailHasAFailingAndAPassingExample() {
        assertThat(RuleCase.covered(CASES)).containsExactlyInAnyOrder(LEAVE, TRAIL, GUARDDUTY, CONFIG);
    }

    @Test
    void theFindingSaysWhereTheDenyIsWhenItIsNotOnTheRoot() {
        var evidence = fails(LEAVE, FULL_ACCESS, "organization").with(also(GUARDRAILS.replace(ROOT, OU))).run();
        assertThat(evidence.getFirst().message()).contains("denied only below the root",
                "guardrails on ORGANIZATIONAL_UNIT ou-ab12-xyz");
    }
}
