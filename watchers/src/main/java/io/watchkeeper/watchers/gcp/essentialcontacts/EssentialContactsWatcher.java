package io.watchkeeper.watchers.gcp.essentialcontacts;

import com.google.auto.service.AutoService;
import com.google.cloud.essentialcontacts.v1.Contact;
import com.google.cloud.essentialcontacts.v1.ListContactsRequest;
import io.watchkeeper.core.config.gcp.GcpEssentialContactsConfig;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpErrors;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import io.watchkeeper.watchers.gcp.resourcemanager.Ancestry;
import java.util.Comparator;
import java.util.List;

/**
 * The Essential Contacts of the project's organisation (CIS 1.16 asks for them there): one paged
 * {@code organizations.contacts.list}. A project without an organisation has nothing to watch here; when the
 * project's credential may not read the organisation's contacts (403) they are reported unreadable, as the
 * organisation's IAM policy is.
 */
@AutoService(Watcher.class)
public final class EssentialContactsWatcher extends GcpWatcher<GcpEssentialContactsConfig> {

    public EssentialContactsWatcher() {
        super("gcp.organization.essential-contacts", GcpEssentialContactsConfig.class, "resourcemanager.folders.get",
                "essentialcontacts.contacts.list");
    }

    @Override
    protected List<Observation<GcpEssentialContactsConfig>> observe(GcpSession gcp) {
        String organization = Ancestry.organization(gcp);
        if (organization == null) {
            return List.of();
        }
        String orgId = GcpNames.last(organization);
        String resourceId = GcpNames.fullName("essentialcontacts", organization + "/contacts");
        try {
            List<GcpEssentialContactsConfig.Contact> contacts = Pages.all(gcp.essentialContacts().listContacts(
                            ListContactsRequest.newBuilder().setParent(organization).setPageSize(100).build()).getPage())
                    .stream().map(EssentialContactsWatcher::contact)
                    .sorted(Comparator.comparing(GcpEssentialContactsConfig.Contact::email)).toList();
            return List.of(observed(resourceId, orgId, null, new GcpEssentialContactsConfig(orgId, contacts)));
        } catch (RuntimeException e) {
            if (GcpErrors.category(e) == ErrorCategory.DENIED) {
                return List.of(new Observation.Unreadable<>(resourceId, orgId, ErrorCategory.DENIED,
                        "the project's credential may not list the contacts of organization " + orgId + ": "
                                + GcpErrors.describe(e)));
            }
            throw e;
        }
    }

    private static GcpEssentialContactsConfig.Contact contact(Contact c) {
        return new GcpEssentialContactsConfig.Contact(c.getEmail(),
                GcpNames.sorted(c.getNotificationCategorySubscriptionsList().stream().map(Enum::name).toList()),
                c.getValidationState().name(), GcpNames.blankToNull(c.getLanguageTag()),
                c.hasValidateTime() ? GcpNames.time(c.getValidateTime()) : null);
    }
}
