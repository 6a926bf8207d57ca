package io.watchkeeper.auditors.aws.eks;

import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.is;
import static io.watchkeeper.auditors.rules.Facts.isTrue;
import static io.watchkeeper.auditors.rules.Facts.list;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.policy.network.IpSet;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.EcrRepositoryConfig;
import io.watchkeeper.core.config.aws.EksClusterConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * EKS clusters (API endpoint open to the internet — the allowed CIDRs evaluated as an address set —,
 * control-plane logging, secrets encryption) and ECR repositories (scan on push, tag immutability,
 * KMS). The repositories' policies are checked with the other resource policies.
 */
@AutoService(CheckSet.class)
public final class ContainerRules implements CheckSet {

    static final List<String> LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager", "scheduler");

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.eks.cluster/public-endpoint", EksClusterConfig.class, Severity.HIGH)
                        .title("EKS cluster API endpoint is open to the internet")
                        .why("The Kubernetes API is then reachable from anywhere: every credential leak, RBAC mistake or"
                                + " API server bug is exploitable remotely.")
                        .fix("Turn on private endpoint access and turn off public access, or limit publicAccessCidrs to"
                                + " known networks.")
                        .when(ContainerRules::openToInternet, "endpoint",
                                c -> "Cluster " + c.name() + " accepts API calls from " + String.join(", ", cidrs(c)),
                                Exposure.INTERNET, c -> details("endpointPublicAccess", true, "publicAccessCidrs", cidrs(c))),
                RuleCheck.of("aws.eks.cluster/control-plane-logging-off", EksClusterConfig.class, Severity.MEDIUM)
                        .title("EKS control-plane logs are not all enabled")
                        .why("Without the API, audit and authenticator logs, who did what in the cluster cannot be"
                                + " reconstructed after an incident.")
                        .fix("aws eks update-cluster-config --logging with api, audit, authenticator, controllerManager"
                                + " and scheduler enabled.")
                        .when(c -> !missingLogs(c).isEmpty(), "logging",
                                c -> "Cluster " + c.name() + " does not log " + String.join(", ", missingLogs(c)),
                                Exposure.INTERNAL, c -> details("missing", missingLogs(c))),
                RuleCheck.of("aws.eks.cluster/secrets-not-encrypted", EksClusterConfig.class, Severity.MEDIUM)
                        .title("EKS secrets are not encrypted with a KMS key")
                        .why("Kubernetes secrets are then protected only by etcd's storage encryption: a backup or"
                                + " etcd access reveals them.")
                        .fix("Associate a KMS key for envelope encryption of secrets (aws eks associate-encryption-config).")
                        .when(c -> list(c.encryption()).stream().noneMatch(e -> list(e.resources()).contains("secrets")
                                        && !Facts.blank(e.keyArn())), "secrets-encryption",
                                c -> "Cluster " + c.name() + " does not envelope-encrypt secrets", Exposure.INTERNAL,
                                c -> details("encryption", list(c.encryption()).size())),
                RuleCheck.of("aws.ecr.repository/scan-on-push-off", EcrRepositoryConfig.class, Severity.LOW)
                        .title("ECR repository images are not scanned on push")
                        .why("Images with known vulnerabilities are pushed and deployed without anyone being told.")
                        .fix("Enable scan on push (or enhanced continuous scanning in the registry's scanning configuration).")
                        .when(r -> Boolean.FALSE.equals(r.scanOnPush()) && !is(r.registryScanType(), "ENHANCED")
                                        && (r.registryScanFrequency() == null || is(r.registryScanFrequency(), "MANUAL")),
                                "scan-on-push", r -> "Repository " + r.repositoryName() + " is not scanned on push",
                                Exposure.INTERNAL, r -> details("scanOnPush", false, "registryScanType", r.registryScanType(),
                                        "registryScanFrequency", r.registryScanFrequency())),
                RuleCheck.of("aws.ecr.repository/tags-mutable", EcrRepositoryConfig.class, Severity.LOW)
                        .title("ECR repository image tags are mutable")
                        .why("A pushed image can silently replace a released tag, so what runs is not what was reviewed.")
                        .fix("Set image tag mutability to IMMUTABLE and deploy by digest.")
                        .when(r -> is(r.imageTagMutability(), "MUTABLE"), "tag-mutability",
                                r -> "Repository " + r.repositoryName() + " lets tags be overwritten", Exposure.INTERNAL,
                                r -> details("imageTagMutability", r.imageTagMutability())),
                RuleCheck.of("aws.ecr.repository/not-kms-encrypted", EcrRepositoryConfig.class, Severity.LOW)
                        .title("ECR repository is not encrypted with a KMS key")
                        .why("With AES256 only, the images are readable by anyone with ECR read permissions; a KMS key adds"
                                + " its own access control and audit.")
                        .fix("Create repositories with encryptionType KMS (the setting cannot be changed afterwards).")
                        .when(r -> is(r.encryptionType(), "AES256"), "encryption",
                                r -> "Repository " + r.repositoryName() + " uses AES256, not KMS", Exposure.INTERNAL,
                                r -> details("encryptionType", r.encryptionType())));
    }

    private static List<String> cidrs(EksClusterConfig c) {
        List<String> cidrs = list(c.publicAccessCidrs());
        return cidrs.isEmpty() ? List.of("0.0.0.0/0") : cidrs;
    }

    /** Public access with allowed CIDRs whose union covers the IPv4 or IPv6 internet. */
    static boolean openToInternet(EksClusterConfig c) {
        return isTrue(c.endpointPublicAccess()) && IpSet.of(cidrs(c)).coversInternet();
    }

    static List<String> missingLogs(EksClusterConfig c) {
        Set<String> on = Set.copyOf(list(c.enabledLogTypes()));
        List<String> missing = new ArrayList<>();
        for (String type : LOG_TYPES) {
            if (!on.contains(type)) {
                missing.add(type);
            }
        }
        return missing;
    }
}
