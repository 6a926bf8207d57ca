package io.watchkeeper.core.config.gcp;

import java.util.List;

/**
 * A project's Access Approval settings ({@code gcp.project.access-approval}): whether Google personnel need the
 * customer's explicit approval before accessing its content.
 *
 * @param enrolledServices the services enrolled at the project (a project enrols all or nothing: {@code all}), sorted
 * @param enrolledAncestor whether at least one service is enrolled at a folder or the organisation above the project
 * @param notificationEmails where approval requests are sent, sorted
 * @param activeKeyVersion the Cloud KMS key version signing approvals, or null (a Google-managed key)
 * @param ancestorHasActiveKeyVersion whether an ancestor sets the signing key
 * @param invalidKeyVersion whether the signing key version is unusable
 */
public record GcpAccessApprovalConfig(
        List<EnrolledService> enrolledServices,
        boolean enrolledAncestor,
        List<String> notificationEmails,
        String activeKeyVersion,
        boolean ancestorHasActiveKeyVersion,
        boolean invalidKeyVersion) {

    /**
     * One enrolled service.
     *
     * @param cloudProduct {@code all} or a product name ({@code compute.googleapis.com}, …)
     * @param enrollmentLevel BLOCK_ALL or ENROLLMENT_LEVEL_UNSPECIFIED
     */
    public record EnrolledService(String cloudProduct, String enrollmentLevel) {}
}
