package io.watchkeeper.web.cli;

import io.watchkeeper.core.model.InvalidInputException;
import picocli.CommandLine.Command;

/** {@code watchkeeper certs ...}: one class per subcommand, all through the certificate services. */
@Command(name = "certs", description = "Certificates: request, import, list, show, export, revoke, renew, deploy, discover.",
        mixinStandardHelpOptions = true,
        subcommands = {CertsRequestCommand.class, CertsImportCommand.class, CertsListCommand.class, CertsShowCommand.class,
                CertsExportCommand.class, CertsRevokeCommand.class, CertsMasterKeyCommand.class, CertsRenewCommand.class,
                CertsRotateDueCommand.class, CertsRevokeAndReplaceCommand.class, CertsDeployCommand.class,
                CertsDiscoverCommand.class})
public final class CertsCommand {

    static long id(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            throw new InvalidInputException("a certificate id is a number (see 'certs list'), not '" + Text.safe(text) + "'");
        }
        return Long.parseLong(text);
    }
}
