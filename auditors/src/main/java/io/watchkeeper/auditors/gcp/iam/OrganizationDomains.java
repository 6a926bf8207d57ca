package io.watchkeeper.auditors.gcp.iam;

import io.watchkeeper.core.config.gcp.GcpOrganizationIamPolicyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.model.ResourceType;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organisation's own domains: the organisation resource's display name (read through Resource Manager,
 * stored on the {@code gcp.organization.iam-policy} item), the audited item's own when it is that item.
 */
final class OrganizationDomains {

    static final ResourceType ORGANIZATION = ResourceType.of("gcp.organization.iam-policy");

    private OrganizationDomains() {}

    /** The organisation domains known for the audited project, lower case. */
    static Set<String> of(Object config, AuditContext context) {
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

    /** Whether {@code domain} is one of {@code own} or a subdomain of one (label boundaries only). */
    static boolean known(String domain, Set<String> own) {
        for (String o : own) {
            if (domain.equals(o) || domain.endsWith("." + o)) {
                return true;
            }
        }
        return false;
    }
}
