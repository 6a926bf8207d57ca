package io.watchkeeper.auditors.gcp.essentialcontacts;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpEssentialContactsConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CIS 1.16: the organisation has Essential Contacts for each of the categories CIS names (Legal, Security, Suspension,
 * Technical, Technical Incidents). A contact subscribed to ALL covers every category; one subscribed to TECHNICAL
 * also receives technical incidents (Google sends them to TECHNICAL when nobody subscribed to TECHNICAL_INCIDENTS);
 * a contact whose validation failed (INVALID) covers nothing.
 */
@AutoService(Check.class)
public final class EssentialContactsNotConfiguredCheck extends GcpCheck<GcpEssentialContactsConfig> {

    static final List<String> REQUIRED = List.of("LEGAL", "SECURITY", "SUSPENSION", "TECHNICAL", "TECHNICAL_INCIDENTS");

    public EssentialContactsNotConfiguredCheck() {
        super("gcp.organization.essential-contacts/not-configured", GcpEssentialContactsConfig.class, Severity.MEDIUM,
                "The organisation has no valid Essential Contact for a security-relevant notification category",
                "Google sends security incidents, suspension warnings, legal notices and outages to Essential Contacts; "
                        + "without one for a category those notices reach nobody who acts on them.",
                "Add contacts (gcloud essential-contacts create --organization=ORG_ID --email=… "
                        + "--notification-categories=security,legal,suspension,technical,technical-incidents) and make sure "
                        + "they validate.", "1.16");
    }

    @Override
    public List<Evidence> evaluate(GcpEssentialContactsConfig org, AuditContext context) {
        Set<String> covered = new HashSet<>();
        List<String> invalid = new ArrayList<>();
        for (GcpEssentialContactsConfig.Contact c : Members.list(org.contacts())) {
            if (c == null) {
                continue;
            }
            if ("INVALID".equals(c.validationState())) {
                invalid.add(String.valueOf(c.email()));
                continue;
            }
            for (String category : Members.list(c.categories())) {
                if ("ALL".equals(category)) {
                    covered.addAll(REQUIRED);
                } else if ("TECHNICAL".equals(category)) {
                    covered.add("TECHNICAL");
                    covered.add("TECHNICAL_INCIDENTS");
                } else if (category != null) {
                    covered.add(category);
                }
            }
        }
        List<String> missing = REQUIRED.stream().filter(r -> !covered.contains(r)).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(Members.evidence("missing-categories", "No valid Essential Contact for " + String.join(", ", missing),
                Exposure.INTERNAL, Json.object().put("missing", String.join(",", missing))
                        .put("invalidContacts", invalid.size())));
    }
}
