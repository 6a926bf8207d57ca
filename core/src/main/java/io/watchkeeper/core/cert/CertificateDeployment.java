package io.watchkeeper.core.cert;

import java.util.List;

/**
 * A certificate installed somewhere.
 *
 * @param id database id
 * @param certificateId the certificate
 * @param kind destination kind ({@code pem-file})
 * @param target where (for pem-file: the path prefix; {@code .crt} and {@code .key} are written)
 * @param reloadCommand argv run after installing (no shell), or empty
 * @param probe {@code host:port} served with this certificate, checked by a TLS handshake, or null
 * @param handle what the target calls it (the ACM ARN), or null
 * @param status DEPLOYED, VERIFIED, FAILED or SUPERSEDED
 * @param detail why it failed, or null
 */
public record CertificateDeployment(long id, long certificateId, String kind, String target, List<String> reloadCommand,
                                    String probe, String handle, String status, String detail) {
    public CertificateDeployment {
        reloadCommand = List.copyOf(reloadCommand == null ? List.of() : reloadCommand);
    }
}
