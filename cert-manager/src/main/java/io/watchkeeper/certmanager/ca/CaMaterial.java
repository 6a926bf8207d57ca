package io.watchkeeper.certmanager.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A CA ready to sign: its certificate, the certificates above it (nearest first, up to the root;
 * empty for a root) and its private key. Lives in memory only.
 */
public record CaMaterial(X509Certificate certificate, List<X509Certificate> chain, PrivateKey key) {

    public CaMaterial {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain == null ? List.of() : chain);
    }

    /** This CA's certificate followed by its chain. */
    public List<X509Certificate> path() {
        List<X509Certificate> path = new java.util.ArrayList<>();
        path.add(certificate);
        path.addAll(chain);
        return List.copyOf(path);
    }

    @Override
    public String toString() {
        return "CaMaterial[" + certificate.getSubjectX500Principal().getName() + "]"; // never the key
    }
}
