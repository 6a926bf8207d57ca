package io.watchkeeper.web.cli;

import io.watchkeeper.certmanager.acme.AcmeRegistration;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.web.cert.AuthorityAdmin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code authorities add-acme}: register an ACME CA account. */
@Command(name = "add-acme", mixinStandardHelpOptions = true,
        description = "Register an ACME CA (RFC 8555): creates the account (with external account binding when the CA "
                + "requires it); the account key is kept sealed.")
final class AuthoritiesAddAcmeCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", description = "short unique name")
    String name;

    @Option(names = "--directory", required = true, description = "the CA's directory URL (https)")
    String directory;

    @Option(names = "--ca-cert", required = true, description = "PEM file: the root the CA issues under")
    Path caCert;

    @Option(names = "--directory-trust", description = "PEM file: trust anchors for the directory's https (private CA)")
    Path directoryTrust;

    @Option(names = "--email", description = "contact e-mail for the account")
    String email;

    @Option(names = "--eab-kid", description = "external account binding key id")
    String eabKid;

    @Option(names = "--eab-key-file", description = "file with the base64url HMAC key for external account binding")
    Path eabKeyFile;

    @Option(names = "--allowed-domains", split = ",", description = "names this authority may issue for")
    List<String> allowedDomains = new ArrayList<>();

    @Option(names = "--profile", description = "certificate profile to request (when the CA offers profiles)")
    String profile;

    @Option(names = "--allow-internal", description = "allow a directory on an internal address (a private or test CA)")
    boolean allowInternal;

    @Option(names = "--account", description = "account whose users may use it (repeatable; default: admins of every account only)")
    List<String> accounts = new ArrayList<>();

    AuthoritiesAddAcmeCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        String eabKey = eabKeyFile == null ? null : CertFiles.readPem(eabKeyFile, "EAB key file").strip();
        Authority a = cli.bean(AuthorityAdmin.class).registerAcme(new AcmeRegistration.Request(name, directory,
                CertFiles.readPem(caCert, "CA certificate file"),
                directoryTrust == null ? null : CertFiles.readPem(directoryTrust, "directory trust file"),
                email, eabKid, eabKey, allowedDomains, profile, allowInternal), accounts, cli.caller());
        cli.out().println("registered ACME authority " + Text.safe(a.name()) + " at " + Text.safe(directory));
        return 0;
    }
}
