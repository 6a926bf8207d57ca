package io.watchkeeper.web.cli;

import io.watchkeeper.certmanager.Authorities;
import io.watchkeeper.certmanager.CertificateImports;
import io.watchkeeper.certmanager.ExportFormat;
import io.watchkeeper.certmanager.Issuance;
import io.watchkeeper.certmanager.KeyExport;
import io.watchkeeper.certmanager.Revocations;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.keys.MasterKeyRotation;
import io.watchkeeper.certmanager.keys.OwnerOnlyFiles;
import io.watchkeeper.certmanager.x509.Csrs;
import io.watchkeeper.certmanager.x509.IpAddresses;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.CertificateFilter;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.KeyVault;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchkeeper certs request|import|list|show|export|revoke|master-key}. */
@Command(name = "certs", description = "Certificates: request from an internal authority, import, list, export, revoke.",
        mixinStandardHelpOptions = true,
        subcommands = {CertsCommand.Request.class, CertsCommand.Import.class, CertsCommand.ListCerts.class,
                CertsCommand.Show.class, CertsCommand.Export.class, CertsCommand.Revoke.class, CertsCommand.MasterKey.class,
                CertsRenewalCommands.Renew.class, CertsRenewalCommands.RotateDue.class,
                CertsRenewalCommands.RevokeAndReplace.class, CertsRenewalCommands.Deploy.class, CertsRenewalCommands.Discover.class})
public final class CertsCommand {

    static Map<Long, String> authorityNames(Cli cli) {
        return cli.bean(Authorities.class).list().stream().collect(Collectors.toMap(Authority::id, Authority::name));
    }

    static long id(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            throw new InvalidInputException("a certificate id is a number (see 'certs list'), not '" + Text.safe(text) + "'");
        }
        return Long.parseLong(text);
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Issue a certificate from an internal authority, with a key Watchkeeper generates and keeps sealed "
                    + "or from your CSR (your key stays with you).")
    static final class Request implements Callable<Integer> {
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

        @Option(names = "--owner", description = "who is responsible (default: your user name)")
        String owner;

        @Option(names = "--team", description = "owning team")
        String team;

        @Option(names = "--idempotency-key", description = "retrying with the same key returns the same certificate (default: random)")
        String idempotencyKey;

        @Option(names = "--out", description = "write the certificate and its chain (PEM, no key) to this new file")
        Path out;

        Request(Cli cli) {
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
            CertificateRequest request = new CertificateRequest(cn, dns, ips,
                    source instanceof KeySource.Generate g ? g.type() : null, CertFiles.duration(validity, "--validity"),
                    owner != null ? owner : System.getProperty("user.name", "unknown"), team);
            String idem = idempotencyKey != null ? idempotencyKey : "cli-" + UUID.randomUUID();
            Issuance.Result result = cli.bean(Issuance.class).request(authority, request, source, idem, null, cli.actor());
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

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a certificate issued elsewhere: PEM chain leaf first, optionally with its key.")
    static final class Import implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--cert", required = true, description = "PEM file: the certificate, then its chain in order")
        Path cert;

        @Option(names = "--key", description = "PEM file with the certificate's unencrypted private key (sealed on import)")
        Path key;

        @Option(names = "--owner", description = "who is responsible (default: your user name)")
        String owner;

        @Option(names = "--team", description = "owning team")
        String team;

        Import(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            StoredCertificate c = cli.bean(CertificateImports.class).importChain(CertFiles.readPem(cert, "certificate file"),
                    key == null ? null : CertFiles.readPem(key, "key file"),
                    owner != null ? owner : System.getProperty("user.name", "unknown"), team, cli.actor());
            cli.out().println("imported certificate " + c.id() + " (" + Text.safe(c.metadata().subject()) + ", issuer "
                    + Text.safe(c.metadata().issuer()) + ", until " + c.metadata().notAfter() + ")");
            return 0;
        }
    }

    @Command(name = "list", description = "List certificates (newest ids last); pages with --after.", mixinStandardHelpOptions = true)
    static final class ListCerts implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--owner", description = "exact owner")
        String owner;

        @Option(names = "--team", description = "exact team")
        String team;

        @Option(names = "--authority", description = "issuing authority name")
        String authority;

        @Option(names = "--status", description = "active, expired, revoked or replaced")
        String status;

        @Option(names = "--expiring-within", description = "notAfter within this time, e.g. 30d")
        String expiringWithin;

        @Option(names = "--name", description = "common name or DNS name containing this text")
        String name;

        @Option(names = "--after", defaultValue = "0", description = "ids after this one")
        long after;

        @Option(names = "--limit", defaultValue = "200", description = "at most this many (1-1000)")
        int limit;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        ListCerts(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Long authorityId = authority == null ? null : cli.bean(Authorities.class).require(authority).id();
            CertificateStatus wanted = status == null ? null : Arrays.stream(CertificateStatus.values())
                    .filter(s -> s.name().equalsIgnoreCase(status)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("unknown status '" + Text.safe(status)
                            + "' (active, expired, revoked, replaced)"));
            var within = CertFiles.duration(expiringWithin, "--expiring-within");
            List<StoredCertificate> certs = cli.bean(CertificateStore.class).list(new CertificateFilter(owner, team,
                    authorityId, wanted, within == null ? null : Instant.now().plus(within), name, after, limit));
            Map<Long, String> names = authorityNames(cli);
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(certs.stream().map(c -> CertOutput.certificate(c, names)).toList()));
                return 0;
            }
            Instant now = Instant.now();
            List<List<?>> rows = certs.stream().<List<?>>map(c -> List.of(c.id(), c.statusAt(now).name().toLowerCase(Locale.ROOT),
                    CertOutput.names(c), c.metadata().notAfter().toString(), c.owner(),
                    c.authorityId() == null ? "(" + c.source().name().toLowerCase(Locale.ROOT) + ")"
                            : names.getOrDefault(c.authorityId(), "?"),
                    c.metadata().keyAlgorithm() + " " + c.metadata().keyBits())).toList();
            cli.out().print(Text.table(List.of("ID", "STATUS", "NAMES", "NOT AFTER", "OWNER", "AUTHORITY", "KEY"), rows, 60));
            return 0;
        }
    }

    @Command(name = "show", description = "Show a certificate's metadata, lineage and events (never its key).",
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "certificate id")
        String ref;

        @Option(names = "--pem", description = "also print the certificate and chain (PEM)")
        boolean pem;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Show(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            CertificateStore store = cli.bean(CertificateStore.class);
            StoredCertificate c = store.require(id(ref));
            Map<String, Object> view = CertOutput.certificate(c, authorityNames(cli));
            List<Map<String, Object>> events = CertOutput.events(store.events(c.id()));
            if (format == OutputFormat.JSON) {
                Map<String, Object> all = new LinkedHashMap<>(view);
                all.put("events", events);
                if (pem) {
                    all.put("certificatePem", c.certificatePem());
                    all.put("chainPem", c.chainPem());
                }
                cli.out().println(Json.pretty(all));
                return 0;
            }
            view.forEach((k, v) -> cli.out().println(k + ": " + Text.safe(v)));
            cli.out().println("events:");
            events.forEach(e -> cli.out().println("  " + e.get("at") + "  " + Text.safe(e.get("event")) + "  "
                    + Text.safe(e.get("actor"))));
            if (pem) {
                cli.out().print(c.certificatePem());
                c.chainPem().forEach(cli.out()::print);
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a certificate with its chain (and, with --with-key or as pkcs12/jks, its private key) to a "
                    + "new file with mode 0600. Key exports are audited.")
    static final class Export implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "certificate id")
        String ref;

        @Option(names = "--out", required = true, description = "new file to write (never overwritten)")
        Path out;

        @Option(names = "--format", defaultValue = "pem", description = "pem (bundle), pkcs12 or jks")
        String format;

        @Option(names = "--with-key", description = "include the private key in a PEM bundle")
        boolean withKey;

        @Option(names = "--password-file", description = "keystore password for pkcs12/jks (first line); else prompted")
        Path passwordFile;

        @Option(names = "--reason", description = "why the key leaves Watchkeeper (recorded in the audit log)")
        String reason;

        Export(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ExportFormat f = Arrays.stream(ExportFormat.values()).filter(v -> v.name().equalsIgnoreCase(format)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("unknown export format '" + Text.safe(format)
                            + "' (pem, pkcs12, jks)"));
            CertFiles.checkNewFile(out);
            long certId = id(ref);
            cli.bean(CertificateStore.class).require(certId);
            char[] password = f == ExportFormat.PEM ? null : CertFiles.password(passwordFile, true);
            try {
                byte[] bytes = cli.bean(KeyExport.class).export(certId, f, withKey, password,
                        reason == null ? null : reason.length() > 200 ? reason.substring(0, 200) : reason, cli.actor());
                OwnerOnlyFiles.write(out, bytes);
                Arrays.fill(bytes, (byte) 0);
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
            boolean key = withKey || f != ExportFormat.PEM;
            cli.out().println("wrote certificate " + certId + (key ? " with its private key" : "") + " to " + out
                    + " (" + f.name().toLowerCase(Locale.ROOT) + ", mode 0600)" + (key ? "; the export is in the audit log" : ""));
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a certificate at its internal authority with an RFC 5280 reason and publish the new CRL.")
    static final class Revoke implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "certificate id")
        String ref;

        @Option(names = "--reason", required = true, description = "unspecified, key-compromise, ca-compromise, "
                + "affiliation-changed, superseded, cessation-of-operation, certificate-hold, privilege-withdrawn, aa-compromise")
        String reason;

        Revoke(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            long certId = id(ref);
            Revocations.PublishedCrl crl = cli.bean(Revocations.class).revoke(certId, RevocationReason.fromId(reason), cli.actor());
            // a revoked certificate without a replacement is taken off every target it was installed on
            cli.bean(io.watchkeeper.certmanager.destination.Deployments.class).retire(certId, cli.actor())
                    .forEach(r -> cli.out().println((r.verified() ? "" : "WARNING: ") + Text.safe(r.detail())));
            cli.out().println("revoked certificate " + certId + " (" + RevocationReason.fromId(reason).id() + ")"
                    + (crl == null ? " at the ACME CA" : "; CRL number " + crl.number()
                    + (crl.file() == null ? "" : " published to " + crl.file())));
            return 0;
        }
    }

    @Command(name = "master-key", mixinStandardHelpOptions = true,
            description = "The master key that wraps every private key's data key: status, rotate (new version + rewrap all), "
                    + "rewrap (finish an interrupted rotation).")
    static final class MasterKey implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "status, rotate or rewrap")
        String action;

        MasterKey(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            MasterKeyRotation rotation = cli.bean(MasterKeyRotation.class);
            MasterKeyRotation.Result result;
            switch (action) {
                case "status" -> {
                    cli.bean(KeyVault.class).versions().forEach(v -> cli.out().println(v.provider() + " version "
                            + v.version() + ": " + v.keys() + " key(s)"));
                    return 0;
                }
                case "rotate" -> result = rotation.rotate();
                case "rewrap" -> result = rotation.rewrapAll();
                default -> throw new InvalidInputException("unknown action '" + Text.safe(action) + "' (status, rotate, rewrap)");
            }
            cli.audit("master-key." + action, "master-key", null, Json.object().put("version", result.version())
                    .put("rewrapped", result.rewrapped()).put("failed", result.failed().size()));
            cli.out().println("master key version " + result.version() + ": " + result.rewrapped() + " data key(s) rewrapped"
                    + (result.failed().isEmpty() ? "" : ", " + result.failed().size() + " failed: "
                    + Text.safe(String.join("; ", result.failed().subList(0, Math.min(5, result.failed().size()))))));
            return result.failed().isEmpty() ? 0 : 1;
        }
    }
}
