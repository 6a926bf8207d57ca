package io.watchkeeper.auditors.gcp.iam;

import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.auditors.gcp.Members.Grant;
import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.config.gcp.GcpOrganizationIamPolicyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user, group or domain of another organisation holds a role: the GCP analogue of an unknown AWS
 * account. The organisation's own domain is the organisation resource's display name (read through
 * Resource Manager, stored on the {@code gcp.organization.iam-policy} item); members of it and of its
 * subdomains are known, and so are members of the domains declared trusted ({@code watchkeeper.gcp.trusted-domains},
 * subdomains included, label boundaries only: {@code example.com.evil.io} is not {@code example.com}). Consumer accounts are {@link ConsumerAccountMemberCheck}'s (one problem, one
 * finding). A project whose organisation is not known (no organisation, or its policy unreadable)
 * reports nothing: there is no domain to compare with.
 */
public final class UnknownDomainMemberCheck<C extends Record> implements Check<C> {

    static final ResourceType ORGANIZATION = ResourceType.of("gcp.organization.iam-policy");

    private final PolicyType<C> type;

    UnknownDomainMemberCheck(PolicyType<C> type) {
        this.type = type;
    }

    @Override public CheckId id() { return CheckId.of(type.type() + "/unknown-domain-member"); }
    @Override public String name() { return type.namePrefix() + "UnknownDomainMember"; }
    @Override public Class<C> configType() { return type.configType(); }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return type.label() + " grants a role to a member of another organisation's domain"; }
    @Override public String rationale() {
        return "People outside the organisation hold access that its own offboarding and reviews do not reach.";
    }
    @Override public String remediation() {
        return "Remove the member, or grant access through a group of the organisation's own domain; enforce the"
                + " iam.allowedPolicyMemberDomains organisation policy.";
    }
    @Override public List<String> controls() { return List.of(); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(ORGANIZATION); }

    /** The organisation domains known for the audited project, lower case. */
    static Set<String> ownDomains(Object config, AuditContext context) {
        Set<String> out = new TreeSet<>();
        if (config instanceof GcpOrganizationIamPolicyConfig org) {
            add(out, org.displayName());
        }
        for (var related : context.related(ORGANIZATION, GcpOrganizationIamPolicyConfig.class)) {
            if (related.config() != null) {
                add(out, related.config().displayName());
            }
        }
        return out;
    }

    private static void add(Set<String> out, String domain) {
        if (domain != null && domain.contains(".") && !domain.isBlank()) {
            out.add(domain.strip().toLowerCase(Locale.ROOT));
        }
    }

    static boolean known(String domain, Set<String> own) {
        for (String o : own) {
            if (domain.equals(o) || domain.endsWith("." + o)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Evidence> evaluate(C config, AuditContext context) {
        Set<String> own = ownDomains(config, context);
        if (own.isEmpty()) {
            return List.of();
        }
        Map<String, Evidence> out = new LinkedHashMap<>();
        for (GcpIamPolicy policy : type.of(config)) {
            for (Grant g : Members.grants(policy)) {
                String domain = Members.domain(g.member());
                if (domain == null || domain.isEmpty() || Members.isConsumer(g.member()) || known(domain, own)
                        || context.trustedDomain(domain)) {
                    continue;
                }
                String key = "member:" + g.role() + ":" + g.member();
                out.putIfAbsent(key, Members.evidence(key, g.member() + " (domain " + domain + ", not " + String.join(", ", own)
                        + ") holds " + g.role(), Exposure.UNKNOWN_ACCOUNT,
                        Json.object().put("role", g.role()).put("member", g.member()).put("domain", domain)));
            }
        }
        return List.copyOf(out.values());
    }
}
