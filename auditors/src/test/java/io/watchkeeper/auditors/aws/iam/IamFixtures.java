package io.watchkeeper.auditors.aws.iam;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.IamGroupConfig;
import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.config.aws.IamPolicyConfig;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.config.aws.IamUserConfig.AccessKey;
import io.watchkeeper.core.model.PolicyDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Short builders for the IAM check tests; JSON is written with single quotes. */
final class IamFixtures {

    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
    static final String READ_ONLY_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    static final String ALLOW_ALL = "{'Sid':'All','Effect':'Allow','Action':'*','Resource':'*'}";
    static final String DENY_ALL = "{'Sid':'NoWay','Effect':'Deny','Action':'*','Resource':'*'}";

    private IamFixtures() {}

    static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /** A policy document holding {@code statements} (comma-separated statement objects). */
    static PolicyDocument doc(String statements) {
        return PolicyDocument.parse(("{'Version':'2012-10-17','Statement':[" + statements + "]}").replace('\'', '"'));
    }

    /** An Allow statement; action and resource are JSON values (a quoted string or a list). */
    static String allow(String sid, String action, String resource) {
        return "{'Sid':'" + sid + "','Effect':'Allow','Action':" + action + ",'Resource':" + resource + "}";
    }

    static IamPolicyConfig policy(String name, PolicyDocument document) {
        return new IamPolicyConfig(name, "ANPA" + name, "arn:aws:iam::" + TestContext.OWNER + ":policy/" + name, "/",
                null, "v1", document, true, NOW, NOW, 1);
    }

    static IamPolicyConfig policy(String statements) {
        return policy("p", doc(statements));
    }

    static IamInlinePolicy inline(String name, String statements) {
        return new IamInlinePolicy(name, doc(statements));
    }

    /** A trust statement allowing sts:AssumeRole to {@code principal} (a JSON value), with an optional condition. */
    static String trust(String sid, String principal, String condition) {
        return "{'Sid':'" + sid + "','Effect':'Allow','Principal':" + principal + ",'Action':'sts:AssumeRole'"
                + (condition == null ? "" : ",'Condition':" + condition) + "}";
    }

    static IamRoleConfig role(PolicyDocument trust, List<IamInlinePolicy> inline, List<String> attached) {
        return new IamRoleConfig("app", "AROA1", "arn:aws:iam::" + TestContext.OWNER + ":role/app", "/", NOW, trust,
                inline, attached, null, List.of(), Map.of(), null, null);
    }

    static IamRoleConfig trustedBy(String trustStatements) {
        return role(doc(trustStatements), List.of(), List.of());
    }

    static IamRoleConfig withInline(String statements) {
        return role(doc(trust("Ec2", "{'Service':'ec2.amazonaws.com'}", null)), List.of(inline("app", statements)),
                List.of());
    }

    static IamGroupConfig group(String name, List<IamInlinePolicy> inline, List<String> attached) {
        return new IamGroupConfig(name, "AGPA" + name, "arn:aws:iam::" + TestContext.OWNER + ":group/" + name, "/", NOW,
                inline, attached);
    }

    static IamUserConfig user(List<IamInlinePolicy> inline, List<String> attached, List<String> groups) {
        return new IamUserConfig("alice", "AIDA1", "arn:aws:iam::" + TestContext.OWNER + ":user/alice", "/", NOW,
                inline, attached, groups, null, Map.of(), false, null, false, List.of(), null);
    }

    static IamUserConfig user(boolean password, boolean mfa, Instant passwordLastUsed, AccessKey... keys) {
        return new IamUserConfig("alice", "AIDA1", "arn:aws:iam::" + TestContext.OWNER + ":user/alice", "/",
                daysAgo(400), List.of(), List.of(), List.of(), null, Map.of(), password, password ? daysAgo(300) : null,
                mfa, List.of(keys), passwordLastUsed);
    }

    static AccessKey key(int slot, boolean active, Instant lastRotated, Instant lastUsed) {
        return new AccessKey(slot, active, lastRotated, lastUsed, lastUsed == null ? null : "us-east-1",
                lastUsed == null ? null : "s3");
    }
}
