package io.watchkeeper.auditors.gcp.iam;

import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.config.gcp.GcpFolderIamPolicyConfig;
import io.watchkeeper.core.config.gcp.GcpFunctionConfig;
import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.config.gcp.GcpKmsCryptoKeyConfig;
import io.watchkeeper.core.config.gcp.GcpOrganizationIamPolicyConfig;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.config.gcp.GcpRunServiceConfig;
import io.watchkeeper.core.config.gcp.GcpServiceAccountConfig;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Every GCP type with IAM policies. A new type with a policy is one entry here: it gets the
 * consumer-account and unknown-domain member checks, and a public-member check when it has a public
 * severity (buckets have their own, {@code gcp.storage.bucket/public}, which also reads the ACL and
 * public access prevention).
 */
public final class PolicyTypes {

    private PolicyTypes() {}

    private static List<GcpIamPolicy> two(GcpIamPolicy a, GcpIamPolicy b) {
        List<GcpIamPolicy> out = new ArrayList<>(2);
        out.add(a);
        out.add(b);
        return out;
    }

    /** The project IAM policy, which also gets the project-only member rules. */
    public static final PolicyType<GcpProjectIamPolicyConfig> PROJECT = new PolicyType<>("gcp.project.iam-policy",
            GcpProjectIamPolicyConfig.class, "Project IAM policy", c -> List.of(c.policy()), Severity.HIGH, List.of(),
            "Every principal on the internet (or with any Google account) holds the role on the whole project.");

    public static final List<PolicyType<?>> ALL = List.of(
            PROJECT,
            new PolicyType<>("gcp.organization.iam-policy", GcpOrganizationIamPolicyConfig.class,
                    "Organisation IAM policy", c -> List.of(c.policy()), Severity.HIGH, List.of(),
                    "Every principal on the internet (or with any Google account) holds the role on every project"
                            + " of the organisation."),
            new PolicyType<>("gcp.folder.iam-policy", GcpFolderIamPolicyConfig.class, "Folder IAM policy",
                    c -> List.of(c.policy()), Severity.HIGH, List.of(),
                    "Every principal on the internet (or with any Google account) holds the role on every project"
                            + " in the folder."),
            new PolicyType<>("gcp.kms.crypto-key", GcpKmsCryptoKeyConfig.class, "Cloud KMS key",
                    c -> two(c.policy(), c.keyRingPolicy()), Severity.CRITICAL, List.of("1.9"),
                    "Anyone may use or manage the key (through its own policy or its key ring's), so the data it"
                            + " protects is protected from nobody."),
            new PolicyType<>("gcp.iam.service-account", GcpServiceAccountConfig.class, "Service account",
                    c -> List.of(c.policy()), Severity.CRITICAL, List.of(),
                    "Anyone may act as the service account (impersonate it, mint its tokens or keys) and so hold"
                            + " every permission it has."),
            new PolicyType<>("gcp.run.service", GcpRunServiceConfig.class, "Cloud Run service",
                    c -> List.of(c.policy()), Severity.MEDIUM, List.of(),
                    "Anyone on the internet may invoke (or manage) the service; fine for a public website, a"
                            + " leak for an internal API."),
            new PolicyType<>("gcp.functions.function", GcpFunctionConfig.class, "Cloud Function",
                    c -> List.of(c.policy()), Severity.MEDIUM, List.of(),
                    "Anyone on the internet may invoke (or manage) the function; fine for a public endpoint, a"
                            + " leak for an internal one."),
            new PolicyType<>("gcp.storage.bucket", GcpBucketConfig.class, "Bucket",
                    c -> List.of(c.policy()), null, List.of(), ""));
}
