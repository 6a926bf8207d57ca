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

    public Deployments(DeploymentStore deployments, CertificateStore certificates, KeyVault vault, KeySealer sealer,
                       AuditLog audit) {
        this.deployments = deployments;
        this.certificates = certificates;
        this.vault = vault;
        this.sealer = sealer;
        this.audit = audit;
    }

    /** Installs a certificate as a PEM bundle at {@code prefix}, optionally reloading and probing. */
    public Result deployPem(long certificateId, String prefix, List<String> reloadCommand, String probe, String owner,
                            String actor) {
        StoredCertificate cert = certificates.require(certificateId);
        if (owner != null && !owner.equals(cert.owner())) {
            throw new InvalidInputException("certificate " + certificateId + " belongs to another owner");
        }
        PemBundleDestination destination = new PemBundleDestination(prefix, reloadCommand, probe);
        CertificateDeployment row = deployments.add(certificateId, destination.kind(), prefix,
                reloadCommand == null ? List.of() : reloadCommand, probe, actor);
        return install(cert, row, destination, actor);
    }

    /** Installs {@code renewed} wherever {@code old} is installed; returns one result per target. */
    public List<Result> redeploy(StoredCertificate old, StoredCertificate renewed, String actor) {
        List<Result> results = new ArrayList<>();
        for (CertificateDeployment d : deployments.current(old.id())) {
            PemBundleDestination destination = new PemBundleDestination(d.target(), d.reloadCommand(), d.probe());
            CertificateDeployment row = deployments.add(renewed.id(), d.kind(), d.target(), d.reloadCommand(), d.probe(),
                    actor);
            Result result = install(renewed, row, destination, actor);
            if (result.verified()) {
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
            Destination.Verification v = destination.verify(deployment, cert);
            deployments.setStatus(row.id(), v.ok() ? "VERIFIED" : "FAILED", v.detail());
            certificates.recordEvent(cert.id(), v.ok() ? "deployed" : "deploy-unverified", actor,
                    Json.tree(Map.of("target", row.target(), "detail", v.detail())));
            audit.record(new AuditEntry(actor, "certificate.deploy", "certificate:" + cert.id(), null,
                    Json.tree(Map.of("target", row.target(), "verified", v.ok()))));
            return new Result(row, v.ok(), v.detail());
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            deployments.setStatus(row.id(), "FAILED", detail);
            certificates.recordEvent(cert.id(), "deploy-failed", actor, Json.tree(Map.of("target", row.target(),
                    "detail", detail)));
            return new Result(row, false, detail);
        }
    }
}
