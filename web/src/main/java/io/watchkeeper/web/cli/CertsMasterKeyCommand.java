package io.watchkeeper.web.cli;

import io.watchkeeper.certmanager.keys.MasterKeyRotation;
import io.watchkeeper.web.cert.CertificateOperations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code certs master-key status|rotate|rewrap}. */
@Command(name = "master-key", mixinStandardHelpOptions = true,
        description = "The master key that wraps every private key's data key: status, rotate (new version + rewrap all), "
                + "rewrap (finish an interrupted rotation).")
final class CertsMasterKeyCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", description = "status, rotate or rewrap")
    String action;

    CertsMasterKeyCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        CertificateOperations operations = cli.bean(CertificateOperations.class);
        if ("status".equals(action)) {
            operations.masterKeyStatus(cli.caller()).forEach(v -> cli.out().println(v.provider() + " version "
                    + v.version() + ": " + v.keys() + " key(s)"));
            return 0;
        }
        MasterKeyRotation.Result result = operations.masterKey(action, cli.caller());
        cli.out().println("master key version " + result.version() + ": " + result.rewrapped() + " data key(s) rewrapped"
                + (result.failed().isEmpty() ? "" : ", " + result.failed().size() + " failed: "
                + Text.safe(String.join("; ", result.failed().subList(0, Math.min(5, result.failed().size()))))));
        return result.failed().isEmpty() ? 0 : 1;
    }
}
