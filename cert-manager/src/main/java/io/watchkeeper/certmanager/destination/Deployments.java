package io.watchkeeper.certmanager.destination;

import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.cert.CertificateDeployment;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.DeploymentStore;
import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.KeyVault;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deploying certificates and redeploying renewals: the replacement goes to every target of the
 * certificate it replaces, is verified there (TLS probe or read-back), and only then is the old
 * deployment marked superseded; a failed verification is recorded on both certificates and reported.
 * Every key read for a deployment is in the audit log.
 */
public final class Deployments {

    /** The result of one (re)deployment. */
    public record Result(CertificateDeployment deployment, boolean verified, String detail) {}

    private final DeploymentStore deployments;
    private final CertificateStore certificates;
    private final KeyVault vault;
    private final KeySealer sealer;
    private final AuditLog audit;

    /** AWS clients for an account (opened through its role); null when AWS destinations are unavailable. */
    public interface AwsClients {
        software.amazon.awssdk.services.acm.AcmClient acm(String account, String region);

        software.amazon.awssdk.services.iam.IamClient iam(String account);
    }

    private final AwsClients acm;

    public Deployments(DeploymentStore deployments, CertificateStore certificates, KeyVault vault, KeySealer sealer,
                       AuditLog audit) {
        this(deployments, certificates, vault, sealer, audit, null);
    }

    public Deployments(DeploymentStore deployments, CertificateStore certificates, KeyVault vault, KeySealer sealer,
                       AuditLog audit, AwsClients acm) {
        this.acm = acm;
        this.deployments = deployments;
        this.certificates = certificates;
        this.vault = vault;
        this.sealer = sealer;
        this.audit = audit;
    }

    /** Installs a certificate as a PEM bundle at {@code prefix}, optionally reloading and probing. */
    public Result deployPem(long certificateId, String prefix, List<String> reloadCommand, String probe, String actor) {
        StoredCertificate cert = certificates.require(certificateId);
        PemBundleDestination destination = new PemBundleDestination(prefix, reloadCommand, probe);
        CertificateDeployment row = deployments.add(certificateId, destination.kind(), prefix,
                reloadCommand == null ? List.of() : reloadCommand, probe, actor);
        return install(cert, row, destination, actor);
    }

    /** Imports a certificate into ACM in {@code account}/{@code region}. */
    public Result deployAcm(long certificateId, String account, String region, String actor) {
        StoredCertificate cert = certificates.require(certificateId);
        if (account == null || !account.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}") || region == null
                || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new InvalidInputException("an ACM destination is <account name>:<region>, e.g. prod:eu-west-1");
        }
        CertificateDeployment row = deployments.add(certificateId, "aws-acm", account + "/" + region, List.of(), null, actor);
        return install(cert, row, destination(row, null), actor);
    }

    /** Uploads a certificate as an IAM server certificate in {@code account} (a new name per certificate). */
    public Result deployIam(long certificateId, String account, String actor) {
        StoredCertificate cert = certificates.require(certificateId);
        if (account == null || !account.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
            throw new InvalidInputException("an IAM destination is an account name");
        }
        CertificateDeployment row = deployments.add(certificateId, "aws-iam", account, List.of(), null, actor);
        return install(cert, row, destination(row, null), actor);
    }

    /** Writes a kubernetes.io/tls Secret manifest: {@code <namespace>/<secret>@/path/secret.yaml}. */
    public Result deployKubernetes(long certificateId, String target, String actor) {
        StoredCertificate cert = certificates.require(certificateId);
        new KubernetesSecretDestination(target); // validate before anything is stored
        CertificateDeployment row = deployments.add(certificateId, "kubernetes", target, List.of(), null, actor);
        return install(cert, row, destination(row, null), actor);
    }

    private Destination destination(CertificateDeployment d, String existingHandle) {
        return switch (d.kind()) {
            case "pem-file" -> new PemBundleDestination(d.target(), d.reloadCommand(), d.probe());
            case "aws-acm" -> {
                if (acm == null) {
                    throw new InvalidInputException("ACM destinations are not configured on this node");
                }
                String[] parts = d.target().split("/", 2);
                yield new AcmDestination(acm.acm(parts[0], parts[1]), existingHandle);
            }
            case "aws-iam" -> {
                if (acm == null) {
                    throw new InvalidInputException("IAM destinations are not configured on this node");
                }
                yield new IamServerCertificateDestination(acm.iam(d.target()));
            }
            case "kubernetes" -> new KubernetesSecretDestination(d.target());
            default -> throw new InvalidInputException("unknown destination kind " + d.kind());
        };
    }

    /** Where a certificate is installed now (what {@link #retire} would remove). */
    public List<CertificateDeployment> current(long certificateId) {
        return deployments.current(certificateId);
    }

    /** Every deployment of a certificate, superseded ones too. */
    public List<CertificateDeployment> all(long certificateId) {
        return deployments.all(certificateId);
    }

    /**
     * Takes a certificate off every target it is installed on (after a revocation without a
     * replacement): files and manifests are deleted, ACM and IAM entries removed.
     */
    public List<Result> retire(long certificateId, String actor) {
        List<Result> results = new ArrayList<>();
        for (CertificateDeployment d : deployments.current(certificateId)) {
            try {
                destination(d, d.handle()).remove(new Destination.Deployment(d.kind(),
                        d.handle() != null ? d.handle() : d.target(), null));
                deployments.setStatus(d.id(), "SUPERSEDED", "removed after revocation");
                results.add(new Result(d, true, "removed from " + d.target()));
            } catch (RuntimeException e) {
                results.add(new Result(d, false, "could not remove from " + d.target() + ": " + e.getMessage()));
            }
        }
        if (!results.isEmpty()) {
            audit.record(new AuditEntry(actor, "certificate.retire", "certificate:" + certificateId, null,
                    Json.tree(Map.of("targets", results.size()))));
        }
        return results;
    }

    /** Installs {@code renewed} wherever {@code old} is installed; returns one result per target. */
    public List<Result> redeploy(StoredCertificate old, StoredCertificate renewed, String actor) {
        List<Result> results = new ArrayList<>();
        for (CertificateDeployment d : deployments.current(old.id())) {
            CertificateDeployment row = deployments.add(renewed.id(), d.kind(), d.target(), d.reloadCommand(), d.probe(),
                    actor);
            Result result;
            try {
                result = install(renewed, row, destination(row, d.handle()), actor); // ACM: re-import into the same ARN
            } catch (RuntimeException e) {
                deployments.setStatus(row.id(), "FAILED", e.getMessage());
                result = new Result(row, false, e.getMessage());
            }
            if (result.verified()) {
                if (d.kind().equals("aws-iam") && d.handle() != null) {
                    // IAM names are per certificate: the old one is deleted once the new one is in place
                    try {
                        destination(d, d.handle()).remove(new Destination.Deployment(d.kind(), d.handle(), null));
                    } catch (RuntimeException e) {
                        certificates.recordEvent(old.id(), "remove-failed", actor, Json.tree(Map.of("target", d.target(),
                                "detail", String.valueOf(e.getMessage()))));
                    }
                }
                deployments.setStatus(d.id(), "SUPERSEDED", "replaced by certificate " + renewed.id());
            } else {
                certificates.recordEvent(old.id(), "rotation-unverified", actor,
                        Json.tree(Map.of("target", d.target(), "detail", result.detail())));
            }
            results.add(result);
        }
        return results;
    }

    private Result install(StoredCertificate cert, CertificateDeployment row, Destination destination, String actor) {
        if (!cert.hasPrivateKey()) {
            throw new InvalidInputException("Watchkeeper does not hold the key of certificate " + cert.id());
        }
        List<X509Certificate> chain = cert.chainPem().stream().map(p -> Pem.certificates(p, "chain").getFirst()).toList();
        KeyAccess key = purpose -> {
            audit.record(new AuditEntry(actor, "certificate.key.read", "certificate:" + cert.id(), null,
                    Json.tree(Map.of("purpose", purpose))));
            KeyOwner owner = KeyOwner.certificate(cert.id());
            return sealer.open(vault.find(owner).orElseThrow(), owner);
        };
        try {
            Destination.Deployment deployment = destination.deploy(cert, chain, key);
            deployments.setHandle(row.id(), deployment.handle());
            Destination.Verification v = destination.verify(deployment, cert);
            deployments.setStatus(row.id(), v.ok() ? "VERIFIED" : "FAILED", v.detail());
            certificates.recordEvent(cert.id(), v.ok() ? "deployed" : "deploy-unverified", actor,
                    Json.tree(Map.of("target", row.target(), "detail", v.detail())));
            audit.record(new AuditEntry(actor, "certificate.deploy", "certificate:" + cert.id(), null,
                    Json.tree(Map.of("target", row.target(), "verified", v.ok()))));
            return new Result(deployments.current(cert.id()).stream().filter(x -> x.id() == row.id()).findFirst().orElse(row),
                    v.ok(), v.detail());
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            deployments.setStatus(row.id(), "FAILED", detail);
            certificates.recordEvent(cert.id(), "deploy-failed", actor, Json.tree(Map.of("target", row.target(),
                    "detail", detail)));
            return new Result(row, false, detail);
        }
    }
}
