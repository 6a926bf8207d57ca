package io.watchkeeper.iamtuner.lifecycle;

/**
 * What applying one edit created or removed in IAM, recorded step by step so a rollback (even after a
 * crash part-way) knows exactly what to undo.
 *
 * @param applied the edit was made
 * @param newVersionId the policy version the apply created and made default
 * @param deletedVersionId an old non-default version deleted to make room (IAM keeps at most five)
 * @param deletedVersionDocument its document, kept for the record
 * @param copyArn the customer-managed copy created for an AWS-managed policy
 * @param rolledBack the rollback restored it
 * @param verified the document read back after the rollback was byte-identical to the one before the change
 */
public record EditResult(boolean applied, String newVersionId, String deletedVersionId, String deletedVersionDocument,
                         String copyArn, boolean rolledBack, boolean verified) {

    public static final EditResult NONE = new EditResult(false, null, null, null, null, false, false);

    EditResult withApplied(String newVersion, String deletedVersion, String deletedDocument, String copy) {
        return new EditResult(true, newVersion, deletedVersion, deletedDocument, copy, rolledBack, verified);
    }

    EditResult withRolledBack(boolean isVerified) {
        return new EditResult(applied, newVersionId, deletedVersionId, deletedVersionDocument, copyArn, true, isVerified);
    }
}
