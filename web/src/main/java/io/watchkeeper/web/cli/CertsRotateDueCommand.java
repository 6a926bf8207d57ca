package io.watchkeeper.web.cli;

import io.watchkeeper.certmanager.rotation.Renewals;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.cert.CertificateOperations;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certs rotate-due}: what the server's scheduler does every 5 minutes. */
@Command(name = "rotate-due", mixinStandardHelpOptions = true,
        description = "Renew every certificate whose renewal time has come (what the server's scheduler does every 5 minutes).")
final class CertsRotateDueCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--dry-run", description = "list the due certificates without renewing them")
    boolean dryRun;

    @Option(names = "--limit", defaultValue = "500", description = "at most this many")
    int limit;

    @Mixin
    CertOptions.Format format;

    CertsRotateDueCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        CertificateOperations operations = cli.bean(CertificateOperations.class);
        if (dryRun) {
            List<Long> due = operations.due(limit, cli.caller());
            CertOutput.print(cli, format, Map.of("due", due), due.isEmpty() ? "nothing is due" : "due: " + due);
            return 0;
        }
        List<Renewals.Outcome> outcomes = operations.rotateDue(limit, cli.caller());
        long failed = outcomes.stream().filter(o -> o.error() != null).count();
        if (format.json()) {
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
