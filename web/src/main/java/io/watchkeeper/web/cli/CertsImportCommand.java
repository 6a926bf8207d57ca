package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.web.cert.Certificates;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certs import}: a certificate issued elsewhere joins the inventory, optionally with its key. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a certificate issued elsewhere: PEM chain leaf first, optionally with its key.")
final class CertsImportCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--cert", required = true, description = "PEM file: the certificate, then its chain in order")
    Path cert;

    @Option(names = "--key", description = "PEM file with the certificate's unencrypted private key (sealed on import)")
    Path key;

    @Mixin
    CertOptions.Ownership ownership;

    CertsImportCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        StoredCertificate c = cli.bean(Certificates.class).importCertificate(CertFiles.readPem(cert, "certificate file"),
                key == null ? null : CertFiles.readPem(key, "key file"), ownership.account, ownership.owner,
                ownership.team, cli.caller());
        cli.out().println("imported certificate " + c.id() + " (" + Text.safe(c.metadata().subject()) + ", issuer "
                + Text.safe(c.metadata().issuer()) + ", until " + c.metadata().notAfter() + ")");
        return 0;
    }
}
