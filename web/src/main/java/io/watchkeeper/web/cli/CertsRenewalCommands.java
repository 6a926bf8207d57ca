package io.watchkeeper.web.cli;

import io.watchkeeper.certmanager.rotation.Renewals;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code certs renew | rotate-due | revoke-and-replace}: renewal with a new key, exactly once. */
final class CertsRenewalCommands {

    private CertsRenewalCommands() {}

    static Map<String, Object> summary(StoredCertificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("replaces", c.replacesId());
        m.put("serial", c.metadata().serial());
        m.put("dnsNames", c.metadata().dnsNames());
        m.put("notAfter", c.metadata().notAfter().toString());
        m.put("owner", c.owner());
        return m;
    }

    @Command(name = "renew", mixinStandardHelpOptions = true,
            description = "Reissue a certificate now with a new key (same names, authority and owner); the old one is REPLACED.")
    static final class Renew implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "certificate id")
        String ref;

        @Option(names = "--format", defaultValue = "table", description = "table or json")
        OutputFormat format;

        Renew(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            StoredCertificate renewed = cli.bean(Renewals.class).renew(CertsCommand.id(ref), null, cli.actor());
            print(cli, format, summary(renewed), "renewed certificate " + ref + " as " + renewed.id() + " (serial "
                    + renewed.metadata().serial() + ", until " + renewed.metadata().notAfter() + ")");
            return 0;
        }
    }

    @Command(name = "rotate-due", mixinStandardHelpOptions = true,
            description = "Renew every certificate whose renewal time has come (what the server's scheduler does every 5 minutes).")
    static final class RotateDue implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--dry-run", description = "list the due certificates without renewing them")
        boolean dryRun;

        @Option(names = "--limit", defaultValue = "500", description = "at most this many")
        int limit;

        @Option(names = "--format", defaultValue = "table", description = "table or json")
        OutputFormat format;

        RotateDue(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Renewals renewals = cli.bean(Renewals.class);
            if (dryRun) {
                List<Long> due = renewals.due(limit);
                print(cli, format, Map.of("due", due), due.isEmpty() ? "nothing is due" : "due: " + due);
                return 0;
            }
            List<Renewals.Outcome> outcomes = renewals.sweep(limit, cli.actor());
            long failed = outcomes.stream().filter(o -> o.error() != null).count();
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(outcomes));
            } else {
                outcomes.forEach(o -> cli.out().println(o.error() == null
                        ? "renewed " + o.certificateId() + " -> " + o.newCertificateId()
                        : "FAILED " + o.certificateId() + ": " + Text.safe(o.error())));
                cli.out().println(outcomes.size() + " due, " + (outcomes.size() - failed) + " renewed, " + failed + " failed");
            }
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "revoke-and-replace", mixinStandardHelpOptions = true,
            description = "Incident response: issue the replacement (new key) and revoke the certificate at its issuer.")
    static final class RevokeAndReplace implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "certificate id")
        String ref;

        @Option(names = "--reason", required = true, description = "RFC 5280 reason: key-compromise, superseded, ...")
        String reason;

        @Option(names = "--format", defaultValue = "table", description = "table or json")
        OutputFormat format;

        RevokeAndReplace(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            StoredCertificate replacement = cli.bean(Renewals.class).revokeAndReplace(CertsCommand.id(ref),
                    RevocationReason.fromId(reason), null, cli.actor());
            print(cli, format, summary(replacement), "revoked certificate " + ref + " (" + reason + ") and replaced it with "
                    + replacement.id());
            return 0;
        }
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = "Install a certificate as a PEM bundle (<prefix>.crt with the chain, <prefix>.key mode 0600), "
                    + "run a reload command, and verify: renewals are then redeployed and verified there automatically.")
    static final class Deploy implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "certificate id")
        String ref;

        @Option(names = "--pem", description = "absolute path prefix, e.g. /etc/nginx/tls/www")
        String prefix;

        @Option(names = "--acm", description = "import into AWS Certificate Manager: <account name>:<region>")
        String acm;

        @Option(names = "--reload", split = " ", description = "reload command (argv, no shell), e.g. \"systemctl reload nginx\"")
        List<String> reload = new java.util.ArrayList<>();

        @Option(names = "--probe", description = "host:port that must serve the certificate afterwards (TLS handshake)")
        String probe;

        Deploy(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            var deployments = cli.bean(io.watchkeeper.certmanager.destination.Deployments.class);
            if ((prefix == null) == (acm == null)) {
                throw new io.watchkeeper.core.model.InvalidInputException("give one destination: --pem PREFIX or --acm ACCOUNT:REGION");
            }
            var result = prefix != null
                    ? deployments.deployPem(CertsCommand.id(ref), prefix, reload, probe, null, cli.actor())
                    : deployments.deployAcm(CertsCommand.id(ref), acm.substring(0, Math.max(0, acm.indexOf(':'))),
                            acm.substring(acm.indexOf(':') + 1), null, cli.actor());
            if (result.deployment().handle() != null && acm != null) {
                cli.out().println("ACM certificate: " + result.deployment().handle());
            }
            cli.out().println((result.verified() ? "deployed and verified: " : "deployed, NOT verified: ")
                    + Text.safe(result.detail()));
            return result.verified() ? 0 : 1;
        }
    }

    private static void print(Cli cli, OutputFormat format, Object json, String line) {
        cli.out().println(format == OutputFormat.JSON ? Json.pretty(json) : line);
    }
}
