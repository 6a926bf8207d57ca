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

        @Option(names = "--iam", description = "upload as an IAM server certificate in this account (name watchkeeper-<id>)")
        String iam;

        @Option(names = "--kubernetes", description = "write a kubernetes.io/tls Secret manifest: <namespace>/<secret>@/path.yaml")
        String kubernetes;

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
            int given = (prefix == null ? 0 : 1) + (acm == null ? 0 : 1) + (kubernetes == null ? 0 : 1) + (iam == null ? 0 : 1);
            if (given != 1) {
                throw new io.watchkeeper.core.model.InvalidInputException(
                        "give one destination: --pem PREFIX, --acm ACCOUNT:REGION, --iam ACCOUNT or --kubernetes NS/NAME@FILE");
            }
            var result = prefix != null
                    ? deployments.deployPem(CertsCommand.id(ref), prefix, reload, probe, null, cli.actor())
                    : kubernetes != null ? deployments.deployKubernetes(CertsCommand.id(ref), kubernetes, null, cli.actor())
                    : iam != null ? deployments.deployIam(CertsCommand.id(ref), iam, null, cli.actor())
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

    @Command(name = "discover", mixinStandardHelpOptions = true,
            description = "Add certificates served on TLS endpoints or held in ACM to the inventory (no keys), "
                    + "so their expiry is tracked; known ones are not added twice.")
    static final class Discover implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--endpoint", description = "host:port (repeatable)")
        List<String> endpoints = new java.util.ArrayList<>();

        @Option(names = "--acm", description = "<account name>:<region> (repeatable)")
        List<String> acm = new java.util.ArrayList<>();

        @Option(names = "--iam", description = "<account name> (repeatable): IAM server certificates")
        List<String> iam = new java.util.ArrayList<>();

        @Option(names = "--owner", required = true, description = "owner recorded on newly found certificates")
        String owner;

        @Option(names = "--format", defaultValue = "table", description = "table or json")
        OutputFormat format;

        Discover(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            if (endpoints.isEmpty() && acm.isEmpty() && iam.isEmpty()) {
                throw new io.watchkeeper.core.model.InvalidInputException("give --endpoint host:port and/or --acm account:region");
            }
            var discovery = cli.bean(io.watchkeeper.certmanager.Discovery.class);
            List<io.watchkeeper.certmanager.Discovery.Found> found = new java.util.ArrayList<>();
            endpoints.forEach(e -> found.add(discovery.endpoint(e, owner, cli.actor())));
            for (String target : acm) {
                int colon = target.indexOf(':');
                if (colon <= 0) {
                    throw new io.watchkeeper.core.model.InvalidInputException("--acm is <account name>:<region>");
                }
                var account = cli.bean(io.watchkeeper.core.model.AccountStore.class).require(target.substring(0, colon));
                try (var session = cli.bean(io.watchkeeper.aws.AwsSessionFactory.class).open(account)) {
                    found.addAll(discovery.acm(session.acm(target.substring(colon + 1)), "acm:" + target, owner, cli.actor()));
                }
            }
            for (String name : iam) {
                var account = cli.bean(io.watchkeeper.core.model.AccountStore.class).require(name);
                try (var session = cli.bean(io.watchkeeper.aws.AwsSessionFactory.class).open(account)) {
                    found.addAll(discovery.iam(session.iam(), "iam:" + name, owner, cli.actor()));
                }
            }
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(found.stream().map(f -> Map.of("where", f.where(), "id", f.certificate().id(),
                        "new", f.isNew(), "notAfter", f.certificate().metadata().notAfter().toString())).toList()));
            } else {
                found.forEach(f -> cli.out().println((f.isNew() ? "new   " : "known ") + f.certificate().id() + "  "
                        + Text.safe(f.certificate().metadata().subject()) + "  until " + f.certificate().metadata().notAfter()
                        + "  (" + Text.safe(f.where()) + ")"));
            }
            return 0;
        }
    }

    private static void print(Cli cli, OutputFormat format, Object json, String line) {
        cli.out().println(format == OutputFormat.JSON ? Json.pretty(json) : line);
    }
}
