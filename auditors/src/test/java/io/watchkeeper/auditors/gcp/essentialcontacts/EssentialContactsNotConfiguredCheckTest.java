package io.watchkeeper.auditors.gcp.essentialcontacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpEssentialContactsConfig;
import org.junit.jupiter.api.Test;

class EssentialContactsNotConfiguredCheckTest {

    private final EssentialContactsNotConfiguredCheck check = new EssentialContactsNotConfiguredCheck();

    static GcpEssentialContactsConfig org(String contacts) {
        return Configs.lenient(GcpEssentialContactsConfig.class, "{'organizationId':'1','contacts':[" + contacts + "]}");
    }

    static String contact(String email, String state, String... categories) {
        return "{'email':'" + email + "','validationState':'" + state + "','categories':['" + String.join("','", categories) + "']}";
    }

    @Test
    void noContactsOrAMissingCategoryIsReported() {
        assertThat(check.evaluate(org(""), new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.details().get("missing").asString())
                        .isEqualTo("LEGAL,SECURITY,SUSPENSION,TECHNICAL,TECHNICAL_INCIDENTS"));
        // billing and product updates are not what CIS asks for
        assertThat(check.evaluate(org(contact("a@x.com", "VALID", "BILLING", "PRODUCT_UPDATES")), new TestContext())).hasSize(1);
        assertThat(check.evaluate(org(contact("a@x.com", "VALID", "SECURITY", "TECHNICAL") + ","
                + contact("b@x.com", "VALID", "LEGAL")), new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.details().get("missing").asString()).isEqualTo("SUSPENSION"));
    }

    @Test
    void anInvalidContactCoversNothing() {
        // the look-alike of the clean organisation below, with its only contact failing validation
        assertThat(check.evaluate(org(contact("a@x.com", "INVALID", "ALL")), new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.details().get("invalidContacts").asInt()).isEqualTo(1));
    }

    @Test
    void allOrEveryCategoryWithTechnicalCoveringIncidentsPasses() {
        assertThat(check.evaluate(org(contact("a@x.com", "VALID", "ALL")), new TestContext())).isEmpty();
        assertThat(check.evaluate(org(contact("a@x.com", "VALID", "SECURITY", "TECHNICAL") + ","
                + contact("b@x.com", "VALIDATION_STATE_UNSPECIFIED", "LEGAL", "SUSPENSION")), new TestContext())).isEmpty();
    }
}
