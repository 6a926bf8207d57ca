package io.watchkeeper.iamtuner.lifecycle;

import io.watchkeeper.aws.AwsErrors;
import io.watchkeeper.iamtuner.aws.PolicyText;
import io.watchkeeper.iamtuner.plan.Planner;
import io.watchkeeper.iamtuner.plan.PolicyEdit;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Makes and undoes one {@link PolicyEdit} in IAM. Applying never leaves a moment with less access than
 * the plan's end state (a copy is attached before the AWS-managed original is detached); undoing never
 * leaves one with less than the start state (the original is attached before the copy goes) and never
 * deletes an inline policy: each one the change touched is put back with its exact previous document.
 */
final class IamEdits {

    private IamEdits() {}

    static EditResult apply(IamClient iam, String principalArn, PolicyEdit e, EditResult done) {
        try {
            return switch (e.kind()) {
                case INLINE -> {
                    putOrDeleteInline(iam, e, e.after());
                    yield done.withApplied(null, null, null, null);
                }
                case MANAGED_VERSION -> newDefaultVersion(iam, e, done);
                case AWS_MANAGED_COPY -> replaceAwsManaged(iam, principalArn, e, done);
            };
        } catch (RuntimeException ex) {
            throw AwsErrors.translate("applying " + e.label(), ex);
        }
    }

    static EditResult rollback(IamClient iam, PolicyEdit e, EditResult done) {
        try {
            switch (e.kind()) {
                case INLINE -> putOrDeleteInline(iam, e, e.before());
                case MANAGED_VERSION -> restoreVersion(iam, e, done);
                case AWS_MANAGED_COPY -> restoreAwsManaged(iam, e, done);
            }
            return done.withRolledBack(readBack(iam, e).equals(e.before()));
        } catch (RuntimeException ex) {
            throw AwsErrors.translate("rolling back " + e.label(), ex);
        }
    }

    /** The document that holds {@code e}'s place in IAM now. */
    static String readBack(IamClient iam, PolicyEdit e) {
        return switch (e.kind()) {
            case INLINE -> PolicyText.decode(e.principalType().equals("USER")
                    ? iam.getUserPolicy(r -> r.userName(e.principalName()).policyName(e.policyName())).policyDocument()
                    : iam.getRolePolicy(r -> r.roleName(e.principalName()).policyName(e.policyName())).policyDocument());
            case MANAGED_VERSION, AWS_MANAGED_COPY -> {
                String version = iam.getPolicy(r -> r.policyArn(e.policyArn())).policy().defaultVersionId();
                yield PolicyText.decode(iam.getPolicyVersion(r -> r.policyArn(e.policyArn()).versionId(version))
                        .policyVersion().document());
            }
        };
    }

    private static void putOrDeleteInline(IamClient iam, PolicyEdit e, String text) {
        boolean user = e.principalType().equals("USER");
        if (text == null) {
            if (user) {
                iam.deleteUserPolicy(r -> r.userName(e.principalName()).policyName(e.policyName()));
            } else {
                iam.deleteRolePolicy(r -> r.roleName(e.principalName()).policyName(e.policyName()));
            }
        } else if (user) {
            iam.putUserPolicy(r -> r.userName(e.principalName()).policyName(e.policyName()).policyDocument(text));
        } else {
            iam.putRolePolicy(r -> r.roleName(e.principalName()).policyName(e.policyName()).policyDocument(text));
        }
    }

    private static EditResult newDefaultVersion(IamClient iam, PolicyEdit e, EditResult done) {
        List<PolicyVersion> versions = iam.listPolicyVersions(r -> r.policyArn(e.policyArn())).versions();
        String deleted = null;
        String deletedDoc = null;
        if (versions.size() >= 5) {
            PolicyVersion oldest = versions.stream()
                    .filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()) && !v.versionId().equals(e.beforeVersionId()))
                    .min(Comparator.comparing(PolicyVersion::createDate)).orElseThrow(() ->
                            new IllegalStateException("no policy version can be deleted to make room"));
            deleted = oldest.versionId();
            deletedDoc = PolicyText.decode(iam.getPolicyVersion(r -> r.policyArn(e.policyArn()).versionId(oldest.versionId()))
                    .policyVersion().document());
            iam.deletePolicyVersion(r -> r.policyArn(e.policyArn()).versionId(oldest.versionId()));
        }
        String created = iam.createPolicyVersion(r -> r.policyArn(e.policyArn()).policyDocument(e.after()).setAsDefault(true))
                .policyVersion().versionId();
        return done.withApplied(created, deleted, deletedDoc, null);
    }

    private static void restoreVersion(IamClient iam, PolicyEdit e, EditResult done) {
        List<PolicyVersion> versions = iam.listPolicyVersions(r -> r.policyArn(e.policyArn())).versions();
        boolean previousExists = versions.stream().anyMatch(v -> v.versionId().equals(e.beforeVersionId()));
        if (previousExists) {
            iam.setDefaultPolicyVersion(r -> r.policyArn(e.policyArn()).versionId(e.beforeVersionId()));
        } else {
            iam.createPolicyVersion(r -> r.policyArn(e.policyArn()).policyDocument(e.before()).setAsDefault(true));
        }
        if (done.newVersionId() != null && versions.stream().anyMatch(v -> v.versionId().equals(done.newVersionId()))) {
            iam.deletePolicyVersion(r -> r.policyArn(e.policyArn()).versionId(done.newVersionId()));
        }
    }

    private static EditResult replaceAwsManaged(IamClient iam, String principalArn, PolicyEdit e, EditResult done) {
        boolean user = e.principalType().equals("USER");
        String copy = null;
        if (e.after() != null) {
            copy = iam.createPolicy(r -> r.policyName(e.copyName()).path(Planner.COPY_PATH).policyDocument(e.after())
                    .description("Watchkeeper IAM tuner: a minimised copy of " + e.policyArn() + " for " + e.principalName())
                    .tags(Tag.builder().key("watchkeeper:tuner-copy-of").value(e.policyArn()).build(),
                            Tag.builder().key("watchkeeper:tuner-principal").value(principalArn).build())).policy().arn();
            String arn = copy;
            if (user) {
                iam.attachUserPolicy(r -> r.userName(e.principalName()).policyArn(arn));
            } else {
                iam.attachRolePolicy(r -> r.roleName(e.principalName()).policyArn(arn));
            }
        }
        if (user) {
            iam.detachUserPolicy(r -> r.userName(e.principalName()).policyArn(e.policyArn()));
        } else {
            iam.detachRolePolicy(r -> r.roleName(e.principalName()).policyArn(e.policyArn()));
        }
        return done.withApplied(null, null, null, copy);
    }

    private static void restoreAwsManaged(IamClient iam, PolicyEdit e, EditResult done) {
        boolean user = e.principalType().equals("USER");
        if (user) {
            iam.attachUserPolicy(r -> r.userName(e.principalName()).policyArn(e.policyArn()));
        } else {
            iam.attachRolePolicy(r -> r.roleName(e.principalName()).policyArn(e.policyArn()));
        }
        if (done.copyArn() != null) {
            try {
                if (user) {
                    iam.detachUserPolicy(r -> r.userName(e.principalName()).policyArn(done.copyArn()));
                } else {
                    iam.detachRolePolicy(r -> r.roleName(e.principalName()).policyArn(done.copyArn()));
                }
            } catch (RuntimeException ex) {
                if (!AwsErrors.isNotFound(ex, "NoSuchEntity")) {
                    throw ex;
                }
            }
            try {
                iam.deletePolicy(r -> r.policyArn(done.copyArn()));
            } catch (RuntimeException ex) {
                if (!AwsErrors.isNotFound(ex, "NoSuchEntity")) {
                    throw ex;
                }
            }
        }
    }
}
