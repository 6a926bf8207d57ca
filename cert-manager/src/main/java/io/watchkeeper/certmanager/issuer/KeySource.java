package io.watchkeeper.certmanager.issuer;

import io.watchkeeper.core.cert.KeyType;
import java.util.Objects;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Where a new certificate's key comes from. */
public sealed interface KeySource {

    /** Watchkeeper generates a fresh key of this type (and keeps it sealed). */
    record Generate(KeyType type) implements KeySource {
        public Generate {
            Objects.requireNonNull(type, "type");
        }
    }

    /** The requester keeps the key and sends a CSR; its signature is verified before anything is signed. */
    record Csr(PKCS10CertificationRequest request) implements KeySource {
        public Csr {
            Objects.requireNonNull(request, "request");
        }
    }
}
