package io.watchkeeper.auditors.gcp.iam;

import io.watchkeeper.auditors.gcp.Members.Grant;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.node.ObjectNode;

/**
 * One kind of IAM member check as data: which grants of a policy it reports (a roles filter and a member
 * class) and what it says. {@link MemberCheck} applies a rule to a {@link PolicyType}; {@link MemberRules}
 * holds the rules, so a new member check is one entry, not a class.
 *
 * @param suffix the check id after the type ({@code consumer-account-member})
 * @param name the output name; {@code {type}} stands for the type's name prefix ({@code GcpKmsCryptoKey})
 * @param severity how bad a match is
 * @param title what is wrong; {@code {label}} stands for the type's label ("Cloud KMS key")
 * @param rationale why it matters
 * @param remediation how to fix it
 * @param cisIds the CIS GCP v3.0.0 recommendations it decides
 * @param dependsOn the types it reads through the context
 * @param roles the roles it looks at
 * @param members decides, for one configuration, which grants are reported and how
 */
public record MemberRule(String suffix, String name, Severity severity, String title, String rationale,
                         String remediation, List<String> cisIds, Set<ResourceType> dependsOn, Predicate<String> roles,
                         MemberClass members) {

    public MemberRule {
        Objects.requireNonNull(suffix);
        Objects.requireNonNull(name);
        Objects.requireNonNull(severity);
        cisIds = List.copyOf(cisIds);
        dependsOn = Set.copyOf(dependsOn);
        Objects.requireNonNull(roles);
        Objects.requireNonNull(members);
    }

    /** A member class: for one configuration, the match of each grant, or null for a grant it does not report. */
    @FunctionalInterface
    public interface MemberClass {
        Function<Grant, Match> prepare(Object config, AuditContext context);

        /** A class that needs nothing from the configuration or the context. */
        static MemberClass of(Function<Grant, Match> match) {
            return (config, context) -> match;
        }
    }

    /**
     * What a reported grant says: the evidence message is {@code <member><qualifier> holds <role><suffix>}.
     *
     * @param qualifier after the member (" (a consumer account)"), or empty
     * @param suffix after the role (" (under a condition)"), or empty
     * @param exposure who can use the grant
     * @param details the evidence details: role, member and what the class adds
     */
    public record Match(String qualifier, String suffix, Exposure exposure, ObjectNode details) {

        /** A match with the role and member as details and nothing around the message. */
        public static Match of(Grant g, Exposure exposure) {
            return new Match("", "", exposure, Json.object().put("role", g.role()).put("member", g.member()));
        }

        public Match qualified(String text) {
            return new Match(text, suffix, exposure, details);
        }

        public Match suffixed(String text) {
            return new Match(qualifier, text, exposure, details);
        }

        public Match with(String key, String value) {
            details.put(key, value);
            return this;
        }

        public Match with(String key, boolean value) {
            details.put(key, value);
            return this;
        }
    }
}
