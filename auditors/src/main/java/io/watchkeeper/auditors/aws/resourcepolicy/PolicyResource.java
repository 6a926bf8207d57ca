package io.watchkeeper.auditors.aws.resourcepolicy;

import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A resource type with a resource policy, as data: everything the three resource-policy checks
 * (public, unknown account, unparseable) need to know about it. A new type with a policy is one
 * entry in {@link ResourcePolicyTypes}.
 *
 * @param type the resource type; the checks' ids are {@code <type>/public-policy},
 *     {@code <type>/unknown-account-policy} and {@code <type>/unparseable-policy} (stable, stored)
 * @param configType its configuration record
 * @param policy how to read the policy from a configuration (may return null)
 * @param name identifier-like prefix of the checks' names in outputs, e.g. {@code SqsQueue}
 * @param noun how people call the type, e.g. {@code SQS queue}
 * @param thing one word for one resource, e.g. {@code queue}
 * @param impact what an outsider can do through the policy, e.g. {@code read, send or delete its messages}
 * @param publicSeverity severity of a grant to everyone
 * @param publicRemediation how to fix a grant to everyone
 * @param publicControls compliance controls of a grant to everyone
 * @param publicCut a setting outside the policy that stops public access (S3 RestrictPublicBuckets): when it
 *     holds, a public policy is not public and its cross-account grants are cut too
 * @param publicCutDependsOn the types whose items {@code publicCut} reads
 * @param ownPrincipal principals that are the resource's own although they are no account of ours
 */
public record PolicyResource<C extends Record>(
        ResourceType type, Class<C> configType, Function<C, PolicyDocument> policy, String name, String noun,
        String thing, String impact, Severity publicSeverity, String publicRemediation, List<String> publicControls,
        BiPredicate<C, AuditContext> publicCut, Set<ResourceType> publicCutDependsOn,
        BiPredicate<C, String> ownPrincipal) {

    public PolicyResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(configType, "configType");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(publicSeverity, "publicSeverity");
        for (String text : List.of(name, noun, thing, impact, publicRemediation)) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("every text of a policy resource is needed (" + type + ")");
            }
        }
        publicControls = List.copyOf(publicControls);
        publicCutDependsOn = Set.copyOf(publicCutDependsOn);
        Objects.requireNonNull(publicCut, "publicCut");
        Objects.requireNonNull(ownPrincipal, "ownPrincipal");
    }

    /** A type whose policy alone decides who gets in. */
    public static <C extends Record> PolicyResource<C> of(String type, Class<C> configType,
                                                          Function<C, PolicyDocument> policy, String name, String noun,
                                                          String thing, String impact, Severity publicSeverity,
                                                          String publicRemediation) {
        return new PolicyResource<>(ResourceType.of(type), configType, policy, name, noun, thing, impact, publicSeverity,
                publicRemediation, List.of(), (c, context) -> false, Set.of(), (c, principal) -> false);
    }

    /** The same type whose public grants map to these compliance controls. */
    public PolicyResource<C> withPublicControls(String... controls) {
        return new PolicyResource<>(type, configType, policy, name, noun, thing, impact, publicSeverity,
                publicRemediation, List.of(controls), publicCut, publicCutDependsOn, ownPrincipal);
    }

    /** The same type with a setting outside the policy that stops public access, read from {@code dependsOn} items. */
    public PolicyResource<C> withPublicCut(BiPredicate<C, AuditContext> cut, ResourceType... dependsOn) {
        return new PolicyResource<>(type, configType, policy, name, noun, thing, impact, publicSeverity,
                publicRemediation, publicControls, cut, Set.of(dependsOn), ownPrincipal);
    }

    /** The same type with principals that belong to the resource itself. */
    public PolicyResource<C> withOwnPrincipals(BiPredicate<C, String> own) {
        return new PolicyResource<>(type, configType, policy, name, noun, thing, impact, publicSeverity,
                publicRemediation, publicControls, publicCut, publicCutDependsOn, own);
    }

    /** The policy of {@code config}, or null when it has none. */
    PolicyDocument policyOf(C config) {
        return config == null ? null : policy.apply(config);
    }
}
