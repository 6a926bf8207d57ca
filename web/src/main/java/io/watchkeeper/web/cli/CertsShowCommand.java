package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.cert.Certificates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certs show}: metadata, lineage, deployments and events; never the key. */
@Command(name = "show", description = "Show a certificate's metadata, deployments and events (never its key).",
        mixinStandardHelpOptions = true)
final class CertsShowCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    CertOptions.Id cert;

    @Option(names = "--pem", description = "also print the certificate and chain (PEM)")
    boolean pem;

    @Mixin
    CertOptions.Format format;

    CertsShowCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Certificates.Details d = cli.bean(Certificates.class).details(cert.id(), cli.caller());
        StoredCertificate c = d.certificate();
        Map<String, Object> view = CertOutput.certificate(c, CertOutput.authorityNames(cli));
        List<Map<String, Object>> events = CertOutput.events(d.events());
        List<Map<String, Object>> deployments = CertOutput.deployments(d.deployments());
        if (format.json()) {
            Map<String, Object> all = new LinkedHashMap<>(view);
            all.put("deployments", deployments);
            all.put("events", events);
            if (pem) {
                all.put("certificatePem", c.certificatePem());
                all.put("chainPem", c.chainPem());
            }
            cli.out().println(Json.pretty(all));
            return 0;
        }
        view.forEach((k, v) -> cli.out().println(k + ": " + Text.safe(v)));
        cli.out().println("deployments:");
        deployments.forEach(x -> cli.out().println("  " + Text.safe(x.get("kind")) + "  " + Text.safe(x.get("target"))
                + "  " + Text.safe(x.get("status"))));
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
