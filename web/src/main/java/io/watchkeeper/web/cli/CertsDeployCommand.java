package io.watchkeeper.web.cli;

import io.watchkeeper.web.cert.CertificateOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certs deploy}: install at one destination and verify; renewals follow automatically. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Install a certificate as a PEM bundle (<prefix>.crt with the chain, <prefix>.key mode 0600), "
                + "in ACM, as an IAM server certificate or as a Kubernetes Secret manifest, and verify: renewals are then "
                + "redeployed and verified there automatically.")
final class CertsDeployCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    CertOptions.Id cert;

    @Option(names = "--pem", description = "absolute path prefix, e.g. /etc/nginx/tls/www")
    String prefix;

    @Option(names = "--acm", description = "import into AWS Certificate Manager: <account name>:<region>")
    String acm;

    @Option(names = "--iam", description = "upload as an IAM server certificate in this account (name watchkeeper-<id>)")
    String iam;

    @Option(names = "--kubernetes", description = "write a kubernetes.io/tls Secret manifest: <namespace>/<secret>@/path.yaml")
    String kubernetes;

    @Option(names = "--reload", split = " ", description = "reload command (argv, no shell), e.g. \"systemctl reload nginx\"")
    List<String> reload = new ArrayList<>();

    @Option(names = "--probe", description = "host:port that must serve the certificate afterwards (TLS handshake)")
    String probe;

    CertsDeployCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        var result = cli.bean(CertificateOperations.class).deploy(cert.id(),
                new CertificateOperations.Destination(prefix, reload, probe, acm, iam, kubernetes), cli.caller());
        if (result.deployment().handle() != null && acm != null) {
            cli.out().println("ACM certificate: " + result.deployment().handle());
        }
        cli.out().println((result.verified() ? "deployed and verified: " : "deployed, NOT verified: ")
                + Text.safe(result.detail()));
        return result.verified() ? 0 : 1;
    }
}
