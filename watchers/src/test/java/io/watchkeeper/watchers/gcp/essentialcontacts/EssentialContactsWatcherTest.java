package io.watchkeeper.watchers.gcp.essentialcontacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpEssentialContactsConfig;
import io.watchkeeper.core.config.gcp.GcpEssentialContactsConfig.Contact;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class EssentialContactsWatcherTest extends GcpWatcherTestSupport {

    private final EssentialContactsWatcher watcher = new EssentialContactsWatcher();

    @Test
    void readsTheOrganisationsContactsOverEveryPage() {
        GcpEssentialContactsConfig org = configs(watcher).get(GcpTestOrg.ORG);
        assertThat(org.organizationId()).isEqualTo(GcpTestOrg.ORG);
        // three contacts on two pages (the server pages two at a time), sorted by e-mail
        assertThat(org.contacts()).extracting(Contact::email)
                .containsExactly("billing@custodian.com", "legal@custodian.com", "security@custodian.com");
        Contact security = org.contacts().get(2);
        assertThat(security.categories()).containsExactly("SECURITY", "TECHNICAL");
        assertThat(security.validationState()).isEqualTo("VALID");
        assertThat(org.contacts().get(1).validationState()).isEqualTo("INVALID");
        assertThat(server.requests()).filteredOn(r -> r.path().equals("/v1/organizations/" + GcpTestOrg.ORG + "/contacts"))
                .hasSize(2);
    }

    @Test
    void aProjectInAFolderReachesItsOrganisation() {
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).singleElement().extracting(Observation::resourceId)
                    .isEqualTo("//essentialcontacts.googleapis.com/organizations/" + GcpTestOrg.ORG + "/contacts");
        }
    }

    @Test
    void deniedContactsAreUnreadableNotFailedOrDeleted() {
        server.fail("GET", "/v1/organizations/.*/contacts", 403, 1);
        assertThat(observe(watcher)).singleElement().isInstanceOfSatisfying(Observation.Unreadable.class,
                u -> assertThat(u.category()).isEqualTo(ErrorCategory.DENIED));
    }
}
