package io.watchkeeper.certmanager.destination;

import io.watchkeeper.certmanager.x509.CertificateFacts;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.security.cert.X509Certificate;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.UploadServerCertificateRequest;

/**
 * An IAM server certificate (for load balancers that use IAM rather than ACM). IAM names are
 * immutable per certificate, so each certificate gets its own name ({@code watchkeeper-<id>}) under
 * path {@code /watchkeeper/}; a renewal uploads the new one and deletes the old after verification.
 */
public final class IamServerCertificateDestination implements Destination {

    private final IamClient iam;

    public IamServerCertificateDestination(IamClient iam) {
        this.iam = iam;
    }

    static String name(StoredCertificate certificate) {
        return "watchkeeper-" + certificate.id();
    }

    @Override
    public String kind() {
        return "aws-iam";
    }

    @Override
    public Deployment deploy(StoredCertificate certificate, List<X509Certificate> chain, KeyAccess key) {
        UploadServerCertificateRequest.Builder request = UploadServerCertificateRequest.builder()
                .serverCertificateName(name(certificate)).path("/watchkeeper/")
                .certificateBody(certificate.certificatePem())
                .privateKey(Pem.encode(key.privateKey("upload to IAM as " + name(certificate))));
        if (!chain.isEmpty()) {
            request.certificateChain(Pem.encodeAll(chain));
        }
        try {
            iam.uploadServerCertificate(request.build());
        } catch (EntityAlreadyExistsException e) {
            // deployed before (a retry): verification decides whether it is this certificate
        } catch (RuntimeException e) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "IAM upload failed: " + e.getMessage(), e);
        }
        return new Deployment(kind(), name(certificate), certificate.metadata().sha256Fingerprint());
    }

    @Override
    public void remove(Deployment deployment) {
        try {
            iam.deleteServerCertificate(r -> r.serverCertificateName(deployment.handle()));
        } catch (NoSuchEntityException e) {
            // already gone
        }
    }

    @Override
    public Verification verify(Deployment deployment, StoredCertificate certificate) {
        try {
            String pem = iam.getServerCertificate(r -> r.serverCertificateName(deployment.handle()))
                    .serverCertificate().certificateBody();
            boolean ok = CertificateFacts.fingerprint(Pem.certificates(pem, "IAM certificate").getFirst())
                    .equals(certificate.metadata().sha256Fingerprint());
            return new Verification(ok, ok ? "IAM " + deployment.handle() + " holds it"
                    : "IAM " + deployment.handle() + " holds another certificate");
        } catch (RuntimeException e) {
            return new Verification(false, "could not read " + deployment.handle() + " from IAM: " + e.getMessage());
        }
    }
}
