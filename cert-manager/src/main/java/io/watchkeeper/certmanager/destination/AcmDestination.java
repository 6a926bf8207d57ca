package io.watchkeeper.certmanager.destination;

import io.watchkeeper.certmanager.x509.CertificateFacts;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.security.cert.X509Certificate;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.ImportCertificateRequest;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;

/**
 * AWS Certificate Manager: import, and on renewal RE-import to the same ARN so load balancers and
 * CloudFront distributions that use the ARN pick the new certificate up without a change.
 */
public final class AcmDestination implements Destination {

    private final AcmClient acm;
    private final String existingArn;

    /** @param existingArn the ARN to re-import into, or null for a new import */
    public AcmDestination(AcmClient acm, String existingArn) {
        this.acm = acm;
        this.existingArn = existingArn;
    }

    @Override
    public String kind() {
        return "aws-acm";
    }

    @Override
    public Deployment deploy(StoredCertificate certificate, List<X509Certificate> chain, KeyAccess key) {
        try {
            ImportCertificateRequest.Builder request = ImportCertificateRequest.builder()
                    .certificate(SdkBytes.fromUtf8String(certificate.certificatePem()))
                    .privateKey(SdkBytes.fromUtf8String(Pem.encode(key.privateKey("import into ACM"))));
            if (!chain.isEmpty()) {
                request.certificateChain(SdkBytes.fromUtf8String(Pem.encodeAll(chain)));
            }
            if (existingArn != null) {
                request.certificateArn(existingArn);
            }
            String arn = acm.importCertificate(request.build()).certificateArn();
            return new Deployment(kind(), arn, certificate.metadata().sha256Fingerprint());
        } catch (RuntimeException e) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "ACM import failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(Deployment deployment) {
        try {
            acm.deleteCertificate(r -> r.certificateArn(deployment.handle()));
        } catch (ResourceNotFoundException e) {
            // already gone
        }
    }

    @Override
    public Verification verify(Deployment deployment, StoredCertificate certificate) {
        try {
            String pem = acm.getCertificate(r -> r.certificateArn(deployment.handle())).certificate();
            String actual = CertificateFacts.fingerprint(Pem.certificates(pem, "ACM certificate").getFirst());
            return actual.equals(certificate.metadata().sha256Fingerprint())
                    ? new Verification(true, "ACM " + deployment.handle() + " holds it")
                    : new Verification(false, "ACM " + deployment.handle() + " holds another certificate");
        } catch (RuntimeException e) {
            return new Verification(false, "could not read " + deployment.handle() + " from ACM: " + e.getMessage());
        }
    }
}
