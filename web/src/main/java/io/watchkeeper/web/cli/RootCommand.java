package io.watchkeeper.web.cli;

import picocli.CommandLine.Command;

/** {@code watchkeeper <command>}: the command-line interface. */
@Command(name = "watchkeeper",
        description = "Cloud configuration monitor. Without a command (or with 'serve') it runs the server.",
        mixinStandardHelpOptions = true,
        version = "Watchkeeper 0.1.0",
        subcommands = {AccountsCommand.class, WatchCommand.class, ScanCommand.class, AuditCommand.class,
                ItemsCommand.class, FindingsCommand.class, ChecksCommand.class, ScoresCommand.class, RemediationsCommand.class, IntervalsCommand.class, TypesCommand.class,
                AuthoritiesCommand.class, CertsCommand.class, UsersCommand.class, TeamsCommand.class, CodeCommand.class,
                ComplianceCommand.class, TunerCommand.class})
public final class RootCommand {}
