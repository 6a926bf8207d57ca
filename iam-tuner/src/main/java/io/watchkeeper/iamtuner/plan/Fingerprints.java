package io.watchkeeper.iamtuner.plan;

import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.iamtuner.aws.AccountIam;
import io.watchkeeper.iamtuner.aws.IamPrincipal;
import io.watchkeeper.iamtuner.aws.ManagedPolicy;

/** What a principal (or a shared policy) holds, as one hash: apply refuses when it changed since planning. */
public final class Fingerprints {

    private Fingerprints() {}

    public static String of(IamPrincipal p, AccountIam iam) {
        StringBuilder sb = new StringBuilder(p.arn()).append('\n');
        p.inline().forEach((n, t) -> sb.append("inline ").append(n).append('\n').append(t).append('\n'));
        for (String arn : p.attached()) {
            ManagedPolicy mp = iam.policies().get(arn);
            sb.append("attached ").append(arn).append(' ').append(mp == null ? "?" : mp.defaultVersionId()).append('\n');
        }
        sb.append("boundary ").append(p.boundaryArn()).append('\n').append("groups ").append(p.groups());
        return CanonicalJson.sha256(sb.toString());
    }

    public static String of(ManagedPolicy mp, AccountIam iam) {
        return CanonicalJson.sha256(mp.arn() + "\n" + mp.defaultVersionId() + "\n" + mp.document() + "\n" + iam.attachments(mp.arn()));
    }
}
