package io.watchkeeper.auditors.aws.iam;

import io.watchkeeper.auditors.policy.Policies;
import io.watchkeeper.auditors.policy.Statement;
import io.watchkeeper.auditors.policy.Wildcards;
import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The analyses of identity-policy statements shared by the policy, role, user and group checks,
 * and the small helpers their evidence needs. Documents that do not parse yield no statements
 * here (only the dedicated unparseable checks report them).
 */
final class IdentityStatements {

    /** A character no IAM name or action contains: only a wildcard matches it. */
    private static final String ODD = "\u0001";

    private IdentityStatements() {}

    /** One weakness an Allow statement of an identity policy can have. */
    enum Analysis {
        FULL_ADMIN("allows every action on every resource"),
        IAM_STAR("allows every IAM action"),
        PASS_ROLE_STAR("allows iam:PassRole on every role"),
        NOT_ACTION("allows with NotAction (every action except the listed ones)"),
        NOT_RESOURCE("allows with NotResource (every resource except the listed ones)"),
        CLOUDTRAIL_STAR("allows every CloudTrail action"),
        KMS_STAR("allows every KMS action on every key"),
        ASSUME_ANY_ROLE("allows sts:AssumeRole on every role");

        final String description;

        Analysis(String description) {
            this.description = description;
        }

        /** Whether {@code s} has this weakness; a full-admin statement is reported only as such. */
        boolean test(Statement s, String owner) {
            if (!s.allow()) {
                return false;
            }
            return switch (this) {
                case FULL_ADMIN -> fullAdmin(s);
                case IAM_STAR -> !fullAdmin(s) && (s.notActions().isEmpty()
                        ? s.actions().stream().anyMatch(a -> Wildcards.matches(a, "iam:" + ODD + ODD))
                        : s.notActions().stream().noneMatch(IdentityStatements::mayExcludeIam))
                        && (s.resources().stream().anyMatch(IdentityStatements::mayBeIam) || !s.notResources().isEmpty());
                case PASS_ROLE_STAR -> !fullAdmin(s) && (s.allowsAction("iam:PassRole") || !s.notActions().isEmpty()
                        && s.notActions().stream().noneMatch(n -> Wildcards.matches(n, "iam:PassRole")))
                        && s.resources().stream().anyMatch(r -> everyRole(r, owner));
                case NOT_ACTION -> !s.notActions().isEmpty();
                case NOT_RESOURCE -> !s.notResources().isEmpty();
                case CLOUDTRAIL_STAR -> serviceStar(s, "cloudtrail", "trail/", owner);
                case KMS_STAR -> serviceStar(s, "kms", "key/", owner);
                case ASSUME_ANY_ROLE -> !fullAdmin(s) && s.notActions().isEmpty() && s.allowsAction("sts:AssumeRole")
                        && s.resources().stream().anyMatch(r -> Wildcards.matches(samePartition(r),
                        "arn:aws:iam::" + ODD + ODD + ":role/" + ODD));
            };
        }
    }

    /**
     * Every action of {@code service} (not through NotAction, reported on its own) on every resource of
     * its kind in the account (a region's, at least: {@code us-east-1} stands for any).
     */
    private static boolean serviceStar(Statement s, String service, String kind, String owner) {
        String sample = "arn:aws:" + service + ":us-east-1:" + owner + ":" + kind + ODD;
        return !fullAdmin(s) && s.notActions().isEmpty()
                && s.actions().stream().anyMatch(a -> Wildcards.matches(a, service + ":" + ODD + ODD))
                && s.resources().stream().anyMatch(r -> Wildcards.matches(samePartition(r), sample));
    }

    private static boolean fullAdmin(Statement s) {
        return s.allow() && s.notActions().isEmpty()
                && s.actions().stream().anyMatch(a -> Wildcards.matches(a, ODD + ODD + ":" + ODD + ODD))
                && s.resources().stream().anyMatch(IdentityStatements::everyResource);
    }

    /** Whether a resource pattern matches every resource (such as {@code *} or {@code arn:aws:*}). */
    private static boolean everyResource(String pattern) {
        String p = samePartition(pattern);
        return Wildcards.matches(p, "arn:aws:s3:::" + ODD) && Wildcards.matches(p, "arn:aws:iam::000000000000:role/" + ODD)
                && Wildcards.matches(p, "arn:aws:ec2:us-east-1:000000000000:instance/" + ODD);
    }

    /** Whether a resource pattern matches every role of the account (such as {@code *} or {@code ...:role/*}). */
    private static boolean everyRole(String pattern, String owner) {
        return Wildcards.matches(samePartition(pattern), "arn:aws:iam::" + owner + ":role/" + ODD + "/" + ODD);
    }

    private static String samePartition(String pattern) {
        return pattern == null ? "" : pattern.replaceFirst("^(?i)arn:aws-[a-z-]+:", "arn:aws:");
    }

    /** Whether a resource pattern may match IAM resources ({@code *}, {@code arn:aws:iam::...}). */
    private static boolean mayBeIam(String pattern) {
        String[] segments = samePartition(pattern).split(":", 4);
        if (segments.length < 4 || !"arn".equalsIgnoreCase(segments[0])) {
            return pattern != null && pattern.contains("*");
        }
        return Wildcards.matches(segments[2], "iam");
    }

    /** Whether a NotAction entry could exclude some IAM action (conservative for odd entries). */
    private static boolean mayExcludeIam(String notAction) {
        int colon = notAction.indexOf(':');
        return colon < 0 ? notAction.contains("*") || notAction.contains("?")
                : Wildcards.matches(notAction.substring(0, colon), "iam");
    }

    /** The statements of a document, or none when it is absent or does not parse. */
    static List<Statement> statements(PolicyDocument document) {
        Policies.Parsed parsed = Policies.parse(document);
        return parsed.ok() ? parsed.statements() : List.of();
    }

    /** Why a document cannot be read, or null when it can (or is absent). */
    static String problem(PolicyDocument document) {
        return Policies.parse(document).problem();
    }

    /** The statements of {@code document} with the weakness. */
    static List<Statement> matching(PolicyDocument document, Analysis analysis, AuditContext context) {
        String owner = context.account().externalId();
        return statements(document).stream().filter(s -> analysis.test(s, owner)).toList();
    }

    /** Evidence for a customer-managed policy: one per statement with the weakness, keyed by the statement. */
    static List<Evidence> managed(PolicyDocument document, Analysis analysis, AuditContext context) {
        List<Statement> all = statements(document);
        List<Evidence> out = new ArrayList<>();
        for (Statement s : matching(document, analysis, context)) {
            out.add(new Evidence(key(statementKey(s, all)), oneLine("Statement " + statementKey(s, all) + " "
                    + analysis.description), Exposure.INTERNAL, s.raw()));
        }
        return distinct(out);
    }

    /** Evidence for inline policies: one per statement with the weakness, keyed by policy and statement. */
    static List<Evidence> inline(List<IamInlinePolicy> policies, Analysis analysis, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (IamInlinePolicy policy : nonNull(policies)) {
            List<Statement> all = statements(policy.document());
            for (Statement s : matching(policy.document(), analysis, context)) {
                out.add(new Evidence(key("policy:" + policy.name() + ":" + statementKey(s, all)),
                        oneLine("Inline policy " + policy.name() + ", statement " + statementKey(s, all) + " "
                                + analysis.description), Exposure.INTERNAL, s.raw()));
            }
        }
        return distinct(out);
    }

    /** A statement's key; by position when its Sid is shared with another statement. */
    static String statementKey(Statement s, List<Statement> all) {
        boolean shared = s.sid() != null && all.stream().anyMatch(o -> o.index() != s.index() && s.sid().equals(o.sid()));
        return shared ? "statement:" + s.index() : s.key();
    }

    /** Evidence details for an unreadable document: the problem and a hash of the document. */
    static ObjectNode problemDetails(PolicyDocument document, String problem) {
        ObjectNode details = Json.object().put("problem", problem);
        String text = document == null ? "" : document.parsed() ? Json.write(document.json())
                : Objects.requireNonNullElse(document.unparseable(), "");
        return details.put("documentSha256", CanonicalJson.sha256(text));
    }

    /** A valid evidence key: long ones (attacker-chosen Sids, names) are cut and made unique with a hash. */
    static String key(String key) {
        String k = key == null || key.isBlank() ? "unnamed" : key;
        return k.length() <= 500 ? k : k.substring(0, 400) + "#" + CanonicalJson.sha256(k).substring(0, 16);
    }

    /** One line of at most 500 characters. */
    static String oneLine(String text) {
        String line = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
        return line.length() <= 500 ? line : line.substring(0, 497) + "...";
    }

    /** Evidence with unique keys (later duplicates get a suffix). */
    static List<Evidence> distinct(List<Evidence> evidence) {
        Set<String> seen = new HashSet<>();
        List<Evidence> out = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            String k = e.key();
            for (int n = 2; !seen.add(k); n++) {
                k = key(e.key() + "#" + n);
            }
            out.add(k.equals(e.key()) ? e : new Evidence(k, e.message(), e.exposure(), e.details()));
        }
        return out;
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
