package io.watchkeeper.certmanager.destination;

import io.watchkeeper.certmanager.x509.CertificateFacts;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Kubernetes {@code kubernetes.io/tls} Secret manifest written to a file (owner-only), for
 * {@code kubectl apply -f} or a GitOps repository: {@code <namespace>/<name>@<file>}.
 */
public final class KubernetesSecretDestination implements Destination {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private final String namespace;
    private final String name;
    private final Path file;

    /** @param target {@code <namespace>/<secret name>@<absolute manifest path>} */
    public KubernetesSecretDestination(String target) {
        int slash = target == null ? -1 : target.indexOf('/');
        int at = target == null ? -1 : target.indexOf('@');
        if (slash <= 0 || at <= slash) {
            throw new InvalidInputException("a Kubernetes destination is <namespace>/<secret>@/path/to/secret.yaml");
        }
        namespace = target.substring(0, slash);
        name = target.substring(slash + 1, at);
        file = Path.of(target.substring(at + 1)).normalize();
        if (!DNS_LABEL.matcher(namespace).matches() || !NAME.matcher(name).matches() || !file.isAbsolute()) {
            throw new InvalidInputException("invalid Kubernetes namespace, secret name or manifest path");
        }
    }

    @Override
    public String kind() {
        return "kubernetes";
    }

    @Override
    public Deployment deploy(StoredCertificate certificate, List<X509Certificate> chain, KeyAccess key) {
        StringBuilder crt = new StringBuilder(certificate.certificatePem());
        chain.forEach(c -> crt.append(Pem.encode(c)));
        String yaml = "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata:\n  name: " + name
                + "\n  namespace: " + namespace + "\n  annotations:\n    watchkeeper.io/certificate-id: \"" + certificate.id()
                + "\"\n    watchkeeper.io/sha256: \"" + certificate.metadata().sha256Fingerprint() + "\"\ndata:\n  tls.crt: "
                + b64(crt.toString()) + "\n  tls.key: " + b64(Pem.encode(key.privateKey("Kubernetes secret " + namespace + "/" + name)))
                + "\n";
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temp, yaml, StandardCharsets.US_ASCII);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Deployment(kind(), file.toString(), certificate.metadata().sha256Fingerprint());
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void remove(Deployment deployment) {
        try {
            Files.deleteIfExists(Path.of(deployment.handle()));
        } catch (IOException e) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "cannot remove " + deployment.handle(), e);
        }
    }

    @Override
    public Verification verify(Deployment deployment, StoredCertificate certificate) {
        try {
            String yaml = Files.readString(Path.of(deployment.handle()));
            int at = yaml.indexOf("tls.crt: ");
            String encoded = yaml.substring(at + 9, yaml.indexOf('\n', at));
            String pem = new String(Base64.getDecoder().decode(encoded), StandardCharsets.US_ASCII);
            boolean ok = CertificateFacts.fingerprint(Pem.certificates(pem, "manifest").getFirst())
                    .equals(certificate.metadata().sha256Fingerprint());
            return new Verification(ok, ok ? "manifest holds it" : "manifest holds another certificate");
        } catch (IOException | RuntimeException e) {
            return new Verification(false, "could not read the manifest: " + e.getMessage());
        }
    }
}
