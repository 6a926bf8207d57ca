package io.watchkeeper.web.cli;

import io.watchkeeper.certmanager.Revocations;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.web.cert.AuthorityAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code authorities crl}: sign and publish a CRL now. */
@Command(name = "crl", mixinStandardHelpOptions = true,
        description = "Sign and publish the authority's CRL now (next CRL number); print it as PEM or write it to --out.")
final class AuthoritiesCrlCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", description = "authority name")
    String name;

    @Option(names = "--out", description = "also write the CRL (DER) to this file")
    Path out;

    AuthoritiesCrlCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (out != null) {
            CertFiles.checkNewFile(out);
        }
        Revocations.PublishedCrl published = cli.bean(AuthorityAdmin.class).publishCrl(name, cli.caller());
        if (out != null) {
            try {
                Files.write(out, published.crl().getEncoded());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out, e);
            } catch (java.security.cert.CRLException e) {
                throw new IllegalStateException(e);
            }
            cli.err().println("CRL number " + published.number() + " written to " + out
                    + (published.file() == null ? "" : " and " + published.file()));
        } else {
            cli.out().print(Pem.encode(published.crl()));
            if (published.file() != null) {
                cli.err().println("CRL number " + published.number() + " published to " + published.file());
            }
        }
        return 0;
    }
}
