package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.web.cert.Certificates;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code certs revoke-and-replace}: incident response, replacement first. */
@Command(name = "revoke-and-replace", mixinStandardHelpOptions = true,
        description = "Incident response: issue the replacement (new key, redeployed) and revoke the certificate at its issuer.")
final class CertsRevokeAndReplaceCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    CertOptions.Id cert;

    @Mixin
    CertOptions.Reason reason;

    @Mixin
    CertOptions.Format format;

    CertsRevokeAndReplaceCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        var why = reason.value();
        StoredCertificate replacement = cli.bean(Certificates.class).revokeAndReplace(cert.id(), why, cli.caller());
        CertOutput.print(cli, format, CertOutput.summary(replacement), "revoked certificate " + cert.ref + " ("
                + why.id() + ") and replaced it with " + replacement.id());
        return 0;
    }
}
