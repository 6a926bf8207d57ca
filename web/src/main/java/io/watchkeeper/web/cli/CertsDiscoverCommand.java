package io.watchkeeper.web.cli;

import io.watchkeeper.certmanager.Discovery;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.cert.CertificateOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certs discover}: certificates on TLS endpoints and in ACM/IAM join the inventory. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Add certificates served on TLS endpoints or held in ACM or IAM to the inventory (no keys), "
                + "so their expiry is tracked; known ones are not added twice.")
final class CertsDiscoverCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--endpoint", description = "host:port (repeatable)")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--acm", description = "<account name>:<region> (repeatable); found certificates belong to that account")
    List<String> acm = new ArrayList<>();

    @Option(names = "--iam", description = "<account name> (repeatable): IAM server certificates")
    List<String> iam = new ArrayList<>();

    @Mixin
    CertOptions.Ownership ownership;

    @Mixin
    CertOptions.Format format;

    CertsDiscoverCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        List<Discovery.Found> found = cli.bean(CertificateOperations.class).discover(endpoints, acm, iam,
                ownership.account, ownership.owner, ownership.team, cli.caller());
        if (format.json()) {
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
