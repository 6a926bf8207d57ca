package io.watchkeeper.web.cli;

import picocli.CommandLine.Command;

/** {@code watchkeeper authorities ...}: one class per subcommand, all through {@link io.watchkeeper.web.cert.AuthorityAdmin}. */
@Command(name = "authorities", description = "Certificate authorities: internal CAs (created or imported), ACME CAs, "
        + "their limits and the accounts they serve.",
        mixinStandardHelpOptions = true,
        subcommands = {AuthoritiesCreateCommand.class, AuthoritiesImportCommand.class, AuthoritiesAddAcmeCommand.class,
                AuthoritiesListCommand.class, AuthoritiesCrlCommand.class, AuthoritiesAssignCommand.class})
public final class AuthoritiesCommand {}
