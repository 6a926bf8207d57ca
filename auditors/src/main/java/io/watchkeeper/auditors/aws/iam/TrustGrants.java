package io.watchkeeper.auditors.aws.iam;

import io.watchkeeper.auditors.policy.Policies;
import io.watchkeeper.auditors.policy.PolicyEvaluator;
import io.watchkeeper.auditors.policy.WebIdentityTrust;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who outside the account a role's trust policy lets assume the role, through the
 * {@link PolicyEvaluator} limited to the {@code sts:AssumeRole*} actions (so {@code *} pinned by an
 * account, organisation or network condition is classified by that condition, and a Deny that
 * lets only pinned callers through narrows the grant). Shared web-identity providers trusted
 * without a subject pin ({@link WebIdentityTrust}) let anyone in too. A principal shown as a unique
 * id (AROA…, AIDA…) is one that was deleted: it can never be used again and is not reported.
 */
final class TrustGrants {

    private static final List<String> ASSUME = List.of("sts:AssumeRole", "sts:AssumeRoleWithSAML",
            "sts:AssumeRoleWithWebIdentity");

    private static final Pattern DELETED = Pattern.compile("(AROA|AIDA|AGPA|AIPA)[A-Z0-9]{12,}");

    private TrustGrants() {}

    /** Evidence for the grants to {@code entity}, or none when the trust policy is absent or unreadable. */
    static List<Evidence> to(EntityClass entity, IamRoleConfig role, AuditContext context) {
        Policies.Parsed parsed = Policies.parse(role.trustPolicy());
        if (!parsed.ok()) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (PolicyEvaluator.Grant g : PolicyEvaluator.grants(parsed.statements(), context, ASSUME)) {
            if (g.entity() == entity && !DELETED.matcher(g.principal()).matches()) {
                out.add(new Evidence(IdentityStatements.key(g.key()), IdentityStatements.oneLine(
                        "Trust policy statement " + g.statement().key() + " lets " + g.principal() + " assume the role"),
                        entity.exposure(), g.statement().raw()));
            }
        }
        if (entity == EntityClass.INTERNET) {
            for (WebIdentityTrust.Unpinned u : WebIdentityTrust.unpinned(parsed.statements())) {
                out.add(new Evidence(IdentityStatements.key(u.key()), IdentityStatements.oneLine("Trust policy statement "
                        + u.statement().key() + " lets anyone with a " + u.issuer() + " token assume the role (no "
                        + u.claim() + " condition pins the caller)"), entity.exposure(), u.statement().raw()));
            }
        }
        return IdentityStatements.distinct(out);
    }
}
