package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;

/**
 * The Essential Contacts of the organisation a project belongs to ({@code gcp.organization.essential-contacts}):
 * who Google notifies about security incidents, suspensions, legal and technical matters.
 *
 * @param organizationId the organisation's number
 * @param contacts the organisation's contacts, sorted by e-mail
 */
public record GcpEssentialContactsConfig(String organizationId, List<Contact> contacts) {

    /**
     * One contact.
     *
     * @param email the address notifications go to
     * @param categories the notification categories it is subscribed to (ALL, SECURITY, SUSPENSION, LEGAL,
     *     TECHNICAL, TECHNICAL_INCIDENTS, BILLING, PRODUCT_UPDATES), sorted
     * @param validationState VALID, INVALID or VALIDATION_STATE_UNSPECIFIED
     * @param languageTag the preferred language of notifications
     * @param validateTime when the contact was last validated (moves on every re-validation)
     */
    public record Contact(String email, List<String> categories, String validationState, String languageTag,
                          @Ephemeral Instant validateTime) {}
}
