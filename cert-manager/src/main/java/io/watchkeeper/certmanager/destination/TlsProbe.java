package io.watchkeeper.certmanager.destination;

import io.watchkeeper.certmanager.x509.CertificateFacts;
import io.watchkeeper.core.model.InvalidInputException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Which certificate an endpoint serves: a TLS handshake with SNI, reading the leaf. Trust is not
 * the question here (the answer is compared by fingerprint with the certificate just deployed),
 * so the handshake accepts any chain and nothing else is sent.
 */
public final class TlsProbe {

    private TlsProbe() {}

    /** The SHA-256 fingerprint of the leaf served at {@code host:port}. */
    public static String servedFingerprint(String hostPort, int timeoutMillis) throws java.io.IOException {
        return CertificateFacts.fingerprint(servedChain(hostPort, timeoutMillis).getFirst());
    }

    /** The chain served at {@code host:port}, leaf first. */
    public static List<X509Certificate> servedChain(String hostPort, int timeoutMillis) throws java.io.IOException {
        int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
        if (colon <= 0 || !hostPort.substring(colon + 1).matches("\\d{1,5}")) {
            throw new InvalidInputException("a probe is host:port");
        }
        String host = hostPort.substring(0, colon);
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {new Accepting()}, null);
            try (SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                socket.setSoTimeout(timeoutMillis);
                SSLParameters params = socket.getSSLParameters();
                if (!host.matches("[0-9.:\\[\\]]+")) {
                    params.setServerNames(List.of(new SNIHostName(host)));
                }
                socket.setSSLParameters(params);
                socket.startHandshake();
                return java.util.Arrays.stream(socket.getSession().getPeerCertificates())
                        .map(c -> (X509Certificate) c).toList();
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new java.io.IOException(e);
        }
    }

    private static final class Accepting implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
