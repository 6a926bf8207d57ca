package io.watchkeeper.web.cert;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Certificate manager settings ({@code watchkeeper.certs.*}).
 *
 * @param masterKeystore PKCS#12 file with the master keys; default {@code WATCHKEEPER_HOME/master-keys.p12}
 *        (created on first use)
 * @param masterKeystorePasswordFile its password file; default {@code <masterKeystore>.password} (created with it, 0600)
 * @param crlDirectory where each internal authority's CRL ({@code <name>.crl}, DER) is written; default
 *        {@code WATCHKEEPER_HOME/crl}
 * @param crlLifetime time from a CRL's thisUpdate to its nextUpdate
 * @param issuancePerUserPerHour most certificates one person may have issued (or renewed) per hour
 *        through the console or the API, counted on every node together
 */
@ConfigurationProperties("watchkeeper.certs")
public record CertificateProperties(
        Path masterKeystore,
        Path masterKeystorePasswordFile,
        Path crlDirectory,
        @DefaultValue("7d") Duration crlLifetime,
        @DefaultValue Acme acme,
        String kmsKeyId,
        @DefaultValue("30") int issuancePerUserPerHour) {

    /**
     * How ACME challenges are answered ({@code watchkeeper.certs.acme.*}).
     *
     * @param webroot HTTP-01 through this web server document root
     * @param challtestsrv HTTP-01/DNS-01 through this pebble-challtestsrv management URL (test CAs)
     * @param challenge {@code http-01} or {@code dns-01} (with challtestsrv)
     */
    public record Acme(Path webroot, java.net.URI challtestsrv, @DefaultValue("http-01") String challenge) {}
}
