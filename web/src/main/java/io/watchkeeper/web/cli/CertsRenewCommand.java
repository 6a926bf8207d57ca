package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.web.cert.Certificates;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code certs renew}: reissue now with a new key; redeployed and verified where the old one was. */
@Command(name = "renew", mixinStandardHelpOptions = true,
        description = "Reissue a certificate now with a new key (same names, authority and owner); the old one is REPLACED.")
final class CertsRenewCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    CertOptions.Id cert;

    @Mixin
    CertOptions.Format format;

    CertsRenewCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        StoredCertificate renewed = cli.bean(Certificates.class).renew(cert.id(), cli.caller());
        CertOutput.print(cli, format, CertOutput.summary(renewed), "renewed certificate " + cert.ref + " as "
                + renewed.id() + " (serial " + renewed.metadata().serial() + ", until " + renewed.metadata().notAfter() + ")");
        return 0;
    }
}
