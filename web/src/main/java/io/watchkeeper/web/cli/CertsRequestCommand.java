package io.watchkeeper.web.cli;

import io.watchkeeper.certmanager.Issuance;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.keys.OwnerOnlyFiles;
import io.watchkeeper.certmanager.x509.Csrs;
import io.watchkeeper.certmanager.x509.IpAddresses;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.web.cert.Certificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certs request}: issue from an authority, with a key Watchkeeper keeps sealed or from a CSR. */
@Command(name = "request", mixinStandardHelpOptions = true,
        description = "Issue a certificate from an authority, with a key Watchkeeper generates and keeps sealed "
                + "or from your CSR (your key stays with you).")
final class CertsRequestCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--authority", required = true, description = "authority name")
    String authority;

    @Option(names = "--cn", description = "common name (a DNS name or IP; also added as a SAN)")
    String commonName;

    @Option(names = "--san", split = ",", description = "subject alternative names: DNS names or IP addresses (repeatable)")
    List<String> sans = new ArrayList<>();

    static final class Key {
        @Option(names = "--key-type", description = "generate a key: ec-p256 (default), ec-p384, rsa-2048, rsa-3072, rsa-4096")
        String keyType;

        @Option(names = "--csr", description = "PEM CSR file; names are taken from it when --cn/--san are not given")
        Path csr;
    }

    @ArgGroup(exclusive = true)
    Key key = new Key();

    @Option(names = "--validity", description = "lifetime, e.g. 30d or 12h (default: the authority's)")
    String validity;

    @Mixin
    CertOptions.Ownership ownership;

    @Option(names = "--idempotency-key", description = "retrying with the same key returns the same certificate (default: random)")
    String idempotencyKey;

    @Option(names = "--out", description = "write the certificate and its chain (PEM, no key) to this new file")
    Path out;

    CertsRequestCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (out != null) {
            CertFiles.checkNewFile(out);
        }
        KeySource source;
        String cn = commonName;
        List<String> names = new ArrayList<>(sans);
        if (key != null && key.csr != null) {
            var csr = Pem.csr(CertFiles.readPem(key.csr, "CSR file"), "CSR");
            source = new KeySource.Csr(csr);
            if (cn == null && names.isEmpty()) {
                Csrs.RequestedNames requested = Csrs.names(csr);
                cn = requested.commonName();
                names.addAll(requested.dnsNames());
                names.addAll(requested.ipAddresses());
            }
        } else {
            source = new KeySource.Generate(KeyType.fromId(key == null || key.keyType == null ? "ec-p256" : key.keyType));
        }
        List<String> dns = names.stream().filter(n -> !IpAddresses.looksLikeIp(n)).toList();
        List<String> ips = names.stream().filter(IpAddresses::looksLikeIp).toList();
        Issuance.Result result = cli.bean(Certificates.class).issue(new Certificates.IssueRequest(authority, cn, dns, ips,
                CertFiles.duration(validity, "--validity"), ownership.account, ownership.owner, ownership.team,
                idempotencyKey), source, cli.caller());
        StoredCertificate c = result.certificate();
        if (out != null) {
            StringBuilder pem = new StringBuilder(c.certificatePem());
            c.chainPem().forEach(pem::append);
            OwnerOnlyFiles.write(out, pem.toString().getBytes(StandardCharsets.US_ASCII));
        }
        cli.out().println((result.alreadyIssued() ? "already issued: certificate " : "issued certificate ") + c.id()
                + " serial " + c.metadata().serial() + " for " + Text.safe(CertOutput.names(c)) + ", valid until "
                + c.metadata().notAfter() + (c.hasPrivateKey() ? " (key sealed in Watchkeeper)" : " (your CSR key)"));
        return 0;
    }
}
