package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.CertificateDeployment;
import io.watchkeeper.web.cert.Certificates;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code certs revoke}: revoke at the issuer and, having no replacement, take the certificate off its
 * destinations — for a deployed certificate only with {@code --confirm} (otherwise it lists what
 * would be removed and changes nothing).
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke a certificate at its authority with an RFC 5280 reason and publish the new CRL. A deployed "
                + "certificate is also removed from every destination: that needs --confirm (see revoke-and-replace).")
final class CertsRevokeCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    CertOptions.Id cert;

    @Mixin
    CertOptions.Reason reason;

    @Option(names = "--confirm", description = "yes, also remove it from every destination it is deployed to")
    boolean confirm;

    CertsRevokeCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        var why = reason.value();
        long id = cert.id();
        Certificates certificates = cli.bean(Certificates.class);
        Certificates.RevocationPlan plan = certificates.revocationPlan(id, cli.caller());
        if (!plan.removals().isEmpty() && !confirm) {
            cli.err().println("error: certificate " + id + " is deployed in " + plan.removals().size()
                    + " place(s); revoking it removes it from all of them (run again with --confirm, or use revoke-and-replace):");
            for (CertificateDeployment d : plan.removals()) {
                cli.err().println("  " + Text.safe(d.kind()) + " " + Text.safe(d.target()));
            }
            return 2;
        }
        Certificates.Revoked done = certificates.revoke(id, why, plan.confirm(), cli.caller());
        done.removed().forEach(r -> cli.out().println((r.verified() ? "" : "WARNING: ") + Text.safe(r.detail())));
        cli.out().println("revoked certificate " + id + " (" + why.id() + ")"
                + (done.crl() == null ? " at the ACME CA" : "; CRL number " + done.crl().number()
                + (done.crl().file() == null ? "" : " published to " + done.crl().file())));
        return 0;
    }
}
