package io.watchkeeper.certmanager.acme;

import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * ACME sessions over https with the JDK's trust store, or — for a private CA — with exactly the
 * trust anchors configured for the authority; every connection goes through {@link AcmeHttpClient},
 * whose addresses {@link AcmeAddressGuard} checks when each connection is opened.
 */
public final class AcmeSessions {

    private AcmeSessions() {}

    public static Session open(URI directory, String trustAnchorsPem, AcmeAddressGuard guard) {
        SSLContext ssl = trustAnchorsPem == null || trustAnchorsPem.isBlank() ? defaultContext()
                : sslContext(Pem.certificates(trustAnchorsPem, "ACME directory trust anchors"));
        return new Session(directory, new GenericAcmeProvider() {
            @Override
            public HttpClient createHttpClient(NetworkSettings settings) {
                return new AcmeHttpClient(guard, ssl, settings.getTimeout());
            }
        });
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new WatchkeeperException(ErrorCategory.INTERNAL, "no TLS support", e);
        }
    }

    private static SSLContext sslContext(List<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new WatchkeeperException(ErrorCategory.INTERNAL, "cannot build the ACME trust store", e);
        }
    }
}
