package io.watchkeeper.iamtuner.lifecycle;

import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.iamtuner.aws.IamPrincipal;
import io.watchkeeper.iamtuner.aws.IamReader;
import io.watchkeeper.iamtuner.evidence.CloudTrailReader;
import io.watchkeeper.iamtuner.evidence.LastAccessedCollector;

/** Reads new CloudTrail log files and, when asked, fresh IAM last-accessed reports for an account. */
public final class EvidenceCollector {

    /** One collection; a source that failed says why and does not stop the other. */
    public record Collected(CloudTrailReader.Summary cloudTrail, String cloudTrailError,
                            LastAccessedCollector.Summary lastAccessed, String lastAccessedError) {}

    private final CloudTrailReader cloudTrail;
    private final LastAccessedCollector lastAccessed;

    public EvidenceCollector(CloudTrailReader cloudTrail, LastAccessedCollector lastAccessed) {
        this.cloudTrail = cloudTrail;
        this.lastAccessed = lastAccessed;
    }

    public Collected collect(Account account, AwsSession session, boolean withLastAccessed) {
        CloudTrailReader.Summary ct = null;
        String ctError = null;
        try {
            ct = cloudTrail.read(account, session);
        } catch (RuntimeException e) {
            ctError = e.getMessage();
        }
        LastAccessedCollector.Summary la = null;
        String laError = null;
        if (withLastAccessed) {
            try {
                la = lastAccessed.collect(session.iam(), IamReader.read(session.iam()).principals().stream()
                        .filter(p -> !p.serviceLinked()).map(IamPrincipal::arn).toList());
            } catch (RuntimeException e) {
                laError = e.getMessage();
            }
        }
        return new Collected(ct, ctError, la, laError);
    }
}
