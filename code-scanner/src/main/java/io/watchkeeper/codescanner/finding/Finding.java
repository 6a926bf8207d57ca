package io.watchkeeper.codescanner.finding;

import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.inventory.AccessKeyOwner;
import java.util.Objects;

/**
 * One code-scanning finding: everything a report, a CI gate or (later) the console needs, and never
 * the secret in clear.
 *
 * @param ruleId the rule that matched
 * @param family the provider family
 * @param title what was found
 * @param severity final severity (structure, companion, file context, inventory, verification)
 * @param path repository-relative path
 * @param startLine first line of the match (1-based)
 * @param endLine last line of the match
 * @param masked the secret masked ({@link io.watchkeeper.core.secrets.SecretHasher#mask})
 * @param secretHash keyed hash of the normalised secret
 * @param fingerprint rule + secret hash + path ({@link io.watchkeeper.core.secrets.SecretHasher#fingerprint})
 * @param context the file's context (code, test, documentation, localisation, lockfile)
 * @param note why the severity differs from the rule's, or null
 * @param commit the commit the finding is reported in (history: the first that introduced it), or null
 * @param verification live verification's verdict
 * @param owner the watched IAM user owning an AWS access key, or null
 * @param iac what an infrastructure-as-code finding is about (family {@code iac}), or null
 * @param flow the source-to-sink path of a code vulnerability (Java taint analysis), or null
 */
public record Finding(
        String ruleId,
        String family,
        String title,
        Severity severity,
        String path,
        int startLine,
        int endLine,
        String masked,
        String secretHash,
        String fingerprint,
        String context,
        String note,
        String commit,
        Verification verification,
        AccessKeyOwner owner,
        IacDetail iac,
        CodeFlow flow) {

    /** A secret finding. */
    public Finding(String ruleId, String family, String title, Severity severity, String path, int startLine, int endLine,
                   String masked, String secretHash, String fingerprint, String context, String note, String commit,
                   Verification verification, AccessKeyOwner owner) {
        this(ruleId, family, title, severity, path, startLine, endLine, masked, secretHash, fingerprint, context, note, commit,
                verification, owner, null, null);
    }

    /** An infrastructure-as-code finding. */
    public Finding(String ruleId, String family, String title, Severity severity, String path, int startLine, int endLine,
                   String masked, String secretHash, String fingerprint, String context, String note, String commit,
                   Verification verification, AccessKeyOwner owner, IacDetail iac) {
        this(ruleId, family, title, severity, path, startLine, endLine, masked, secretHash, fingerprint, context, note, commit,
                verification, owner, iac, null);
    }

    /** A code vulnerability (Java taint analysis) with its path. */
    public Finding(String ruleId, String family, String title, Severity severity, String path, int startLine, int endLine,
                   String masked, String secretHash, String fingerprint, String context, String note, String commit,
                   Verification verification, AccessKeyOwner owner, CodeFlow flow) {
        this(ruleId, family, title, severity, path, startLine, endLine, masked, secretHash, fingerprint, context, note, commit,
                verification, owner, null, flow);
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(verification, "verification");
    }

    /** One line for people: what, masked value and why it ranks as it does. */
    public String message() {
        if (iac != null) {
            StringBuilder b = new StringBuilder(title).append(": ").append(iac.problem()).append(" (").append(iac.address()).append(')');
            if (iac.live() != null) {
                b.append("; ").append(iac.live().change());
            }
            if (note != null) {
                b.append("; ").append(note);
            }
            return b.toString();
        }
        StringBuilder b = new StringBuilder(title);
        if (masked != null) {
            b.append(": ").append(masked);
        }
        if (owner != null) {
            b.append(owner.active() ? "; ACTIVE key of IAM user " : "; inactive key of IAM user ").append(owner.userName())
                    .append(" in account ").append(owner.accountName()).append(" (").append(owner.accountId()).append(")");
        }
        if (verification != Verification.NOT_CHECKED) {
            b.append("; verified: ").append(verification.label());
        }
        if (note != null) {
            b.append("; ").append(note);
        }
        return b.toString();
    }
}
