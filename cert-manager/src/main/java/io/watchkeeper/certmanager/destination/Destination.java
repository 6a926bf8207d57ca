package io.watchkeeper.certmanager.destination;

import io.watchkeeper.core.cert.StoredCertificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Somewhere a certificate is installed: a PEM bundle on disk (with a reload command), AWS ACM
 * (import and re-import), AWS IAM server certificates, a Kubernetes Secret manifest.
 *
 * <p>Rotation calls {@link #deploy} for the new certificate, then {@link #verify} (e.g. a TLS probe
 * of the endpoint for the new serial) before {@link #remove} retires the old one. Implementations
 * are idempotent: deploying the same certificate twice yields the same state and the same handle.
 */
public interface Destination {

    /** Stable id of this destination kind ({@code pem-file}, {@code aws-acm}, {@code aws-iam}, {@code kubernetes}). */
    String kind();

    /**
     * Installs {@code certificate} with {@code chain} (issuers, nearest first), reading the key
     * through {@code key} only if the target needs it. Returns the target's handle (ACM ARN, file
     * path, IAM name) for {@link #remove} and {@link #verify}.
     */
    Deployment deploy(StoredCertificate certificate, List<X509Certificate> chain, KeyAccess key);

    /** Removes what {@link #deploy} installed (missing is not an error). */
    void remove(Deployment deployment);

    /** Whether the target now serves or holds exactly this certificate (by fingerprint), with a reason if not. */
    Verification verify(Deployment deployment, StoredCertificate certificate);

    /** What was installed where. */
    record Deployment(String kind, String handle, String certificateFingerprint) {}

    /** The outcome of {@link #verify}. */
    record Verification(boolean ok, String detail) {}
}
