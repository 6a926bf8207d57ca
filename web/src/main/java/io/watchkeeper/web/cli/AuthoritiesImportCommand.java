package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.web.cert.AuthorityAdmin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code authorities import}: an existing CA with its key. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an existing CA: its certificate (then its chain up to the root) and its private key.")
final class AuthoritiesImportCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", description = "short unique name")
    String name;

    @Option(names = "--cert", required = true, description = "PEM file: the CA certificate first, then the certificates above it")
    Path cert;

    @Option(names = "--key", required = true, description = "PEM file: the CA's private key (sealed on import)")
    Path key;

    @Mixin
    PolicyOptions policy;

    AuthoritiesImportCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Authority a = cli.bean(AuthorityAdmin.class).importCa(name, CertFiles.readPem(cert, "certificate file"),
                CertFiles.readPem(key, "key file"), policy.toPolicy(), policy.anyDomain, policy.accounts, cli.caller());
        cli.out().println("imported authority " + Text.safe(a.name()) + " (" + Text.safe(a.metadata().subject()) + ")");
        return 0;
    }
}
