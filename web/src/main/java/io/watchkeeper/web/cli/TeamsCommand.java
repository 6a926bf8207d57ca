package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.Team;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.cert.Teams;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code watchkeeper teams list|create|add-member|remove-member|delete}: teams that own certificates. */
@Command(name = "teams", description = "Teams: groups of users that own certificates together.",
        mixinStandardHelpOptions = true,
        subcommands = {TeamsCommand.ListTeams.class, TeamsCommand.Create.class, TeamsCommand.AddMember.class,
                TeamsCommand.RemoveMember.class, TeamsCommand.Delete.class})
public final class TeamsCommand {

    @Command(name = "list", description = "List teams and their members.", mixinStandardHelpOptions = true)
    static final class ListTeams implements Callable<Integer> {
        private final Cli cli;

        @Mixin
        CertOptions.Format format;

        ListTeams(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<Team> teams = cli.bean(Teams.class).list(cli.caller());
            if (format.json()) {
                cli.out().println(Json.pretty(teams));
                return 0;
            }
            cli.out().print(Text.table(List.of("NAME", "MEMBERS"), teams.stream()
                    .<List<?>>map(t -> List.of(t.name(), String.join(", ", t.members()))).toList(), 80));
            return 0;
        }
    }

    @Command(name = "create", description = "Create a team.", mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "team name")
        String name;

        Create(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            cli.out().println("created team " + Text.safe(cli.bean(Teams.class).create(name, cli.caller()).name()));
            return 0;
        }
    }

    @Command(name = "add-member", description = "Add a user to a team.", mixinStandardHelpOptions = true)
    static final class AddMember implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "team name")
        String team;

        @Parameters(index = "1", description = "user name")
        String user;

        AddMember(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Team t = cli.bean(Teams.class).addMember(team, user, cli.caller());
            cli.out().println("team " + Text.safe(t.name()) + ": " + Text.safe(String.join(", ", t.members())));
            return 0;
        }
    }

    @Command(name = "remove-member", description = "Remove a user from a team.", mixinStandardHelpOptions = true)
    static final class RemoveMember implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "team name")
        String team;

        @Parameters(index = "1", description = "user name")
        String user;

        RemoveMember(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Team t = cli.bean(Teams.class).removeMember(team, user, cli.caller());
            cli.out().println("team " + Text.safe(t.name()) + ": " + Text.safe(String.join(", ", t.members())));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a team (its certificates keep their account and user).",
            mixinStandardHelpOptions = true)
    static final class Delete implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "team name")
        String name;

        Delete(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            cli.bean(Teams.class).delete(name, cli.caller());
            cli.out().println("deleted team " + Text.safe(name));
            return 0;
        }
    }
}
