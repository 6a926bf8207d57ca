package io.watchkeeper.core.cert;

import java.util.List;

/** Certificate deployments. */
public interface DeploymentStore {

    CertificateDeployment add(long certificateId, String kind, String target, List<String> reloadCommand, String probe,
                              String actor);

    /** Deployments of a certificate that are not superseded. */
    List<CertificateDeployment> current(long certificateId);

    /** Every deployment of a certificate, superseded ones too, oldest first. */
    List<CertificateDeployment> all(long certificateId);

    void setStatus(long deploymentId, String status, String detail);

    /** Records the target's name for the deployment (the ACM ARN). */
    void setHandle(long deploymentId, String handle);
}
