package io.watchkeeper.auditors.policy;

import io.watchkeeper.core.finding.AuditContext;
import java.util.List;

/**
 * Who a resource policy (S3, SQS, SNS, KMS, Lambda, a role's trust policy) lets in, through the
 * {@link PolicyEvaluator}: a principal of {@code *} restricted by a condition on the caller's
 * account, organisation, VPC or source IP is classified by that condition's values, not as the
 * internet, and Deny statements narrow what the Allow statements grant.
 */
public final class ResourcePolicies {

    private ResourcePolicies() {}

    /** Grants to anyone outside the account (the internet, unknown, third-party or friendly accounts). */
    public static List<PolicyEvaluator.Grant> externalGrants(List<Statement> statements, AuditContext context) {
        return PolicyEvaluator.grants(statements, context);
    }
}
