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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PEM bundle on disk: {@code <prefix>.crt} (certificate then chain) and {@code <prefix>.key}
 * (owner-only), each replaced atomically, then an optional reload command (argv, no shell, 60 s
 * limit). Verification: the endpoint's TLS handshake serves the new certificate when a probe is
 * set, else the file holds it.
 */
public final class PemBundleDestination implements Destination {

    private final Path prefix;
    private final List<String> reloadCommand;
    private final String probe;

    public PemBundleDestination(String prefix, List<String> reloadCommand, String probe) {
        if (prefix == null || prefix.isBlank() || !Path.of(prefix).isAbsolute() || prefix.contains("\0")) {
            throw new InvalidInputException("a PEM destination is an absolute path prefix such as /etc/nginx/tls/www");
        }
        this.prefix = Path.of(prefix).normalize();
        this.reloadCommand = List.copyOf(reloadCommand == null ? List.of() : reloadCommand);
        this.probe = probe == null || probe.isBlank() ? null : probe.strip();
    }

    @Override
    public String kind() {
        return "pem-file";
    }

    @Override
    public Deployment deploy(StoredCertificate certificate, List<X509Certificate> chain, KeyAccess key) {
        try {
            Path dir = prefix.getParent();
            Files.createDirectories(dir);
            StringBuilder bundle = new StringBuilder(certificate.certificatePem());
            chain.forEach(c -> bundle.append(Pem.encode(c)));
            replace(Path.of(prefix + ".crt"), bundle.toString(), false);
            replace(Path.of(prefix + ".key"), Pem.encode(key.privateKey("deploy to " + prefix + ".key")), true);
            reload();
            return new Deployment(kind(), prefix.toString(), certificate.metadata().sha256Fingerprint());
        } catch (IOException e) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "cannot write " + prefix + ".crt/.key: " + e.getMessage(), e);
        }
    }

    private static void replace(Path file, String content, boolean secret) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
        try {
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void reload() throws IOException {
        if (reloadCommand.isEmpty()) {
            return;
        }
        Process p = new ProcessBuilder(reloadCommand).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "the reload command did not finish in 60 s");
            }
            if (p.exitValue() != 0) {
                String out = new String(p.getInputStream().readNBytes(500), StandardCharsets.UTF_8);
                throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "the reload command failed (" + p.exitValue() + "): " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "interrupted while reloading", e);
        }
    }

    @Override
    public void remove(Deployment deployment) {
        try {
            Files.deleteIfExists(Path.of(deployment.handle() + ".crt"));
            Files.deleteIfExists(Path.of(deployment.handle() + ".key"));
        } catch (IOException e) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "cannot remove " + deployment.handle(), e);
        }
    }

    @Override
    public Verification verify(Deployment deployment, StoredCertificate certificate) {
        String expected = certificate.metadata().sha256Fingerprint();
        try {
            String actual;
            if (probe != null) {
                actual = TlsProbe.servedFingerprint(probe, 5000);
            } else {
                actual = CertificateFacts.fingerprint(Pem.certificates(Files.readString(Path.of(deployment.handle() + ".crt")),
                        "deployed bundle").getFirst());
            }
            return actual.equals(expected) ? new Verification(true, probe == null ? "file holds it" : probe + " serves it")
                    : new Verification(false, (probe == null ? "the file holds " : probe + " serves ") + "another certificate ("
                    + actual.substring(0, 16) + "…)");
        } catch (IOException | RuntimeException e) {
            return new Verification(false, "could not check: " + e.getMessage());
        }
    }
}
