package io.watchkeeper.web.cli;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationMode;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationStore.ModeSetting;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.web.remediation.RemediationService;
import io.watchkeeper.web.remediation.RemediationSettings;
import io.watchkeeper.web.security.Caller;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchkeeper remediations list|show|plan|approve|reject|apply|rollback|modes|mode|kill-switch|limit}. */
@Command(name = "remediations", description = "Plan, approve, apply and roll back fixes (dry-run by default).",
        mixinStandardHelpOptions = true,
        subcommands = {RemediationsCommand.ListCommand.class, RemediationsCommand.Show.class, RemediationsCommand.Plan.class,
                RemediationsCommand.Approve.class, RemediationsCommand.Reject.class, RemediationsCommand.Apply.class,
                RemediationsCommand.Rollback.class, RemediationsCommand.Modes.class, RemediationsCommand.SetMode.class,
                RemediationsCommand.KillSwitch.class, RemediationsCommand.Limit.class})
public final class RemediationsCommand {

    /** Runs {@code work}; "not found or not yours" becomes a clear input error on the command line. */
    static <T> T found(Supplier<T> work, String missing) {
        try {
            return work.get();
        } catch (Caller.NotVisibleException e) {
            throw new InvalidInputException(missing);
        }
    }

    static void print(Cli cli, RemediationView r, OutputFormat format) {
        if (format == OutputFormat.JSON) {
            cli.out().println(Json.pretty(r));
            return;
        }
        cli.out().printf("#%d %s  %s (%s mode)%n", r.id(), r.remediationId(), r.status(), r.mode().name().toLowerCase());
        cli.out().printf("  resource %s in %s; finding #%d%n", Text.safe(r.resourceId()), Text.safe(r.region()), r.findingId());
        cli.out().printf("  %s%n", Text.safe(r.plan().summary()));
        for (ApiCall call : r.plan().calls()) {
            cli.out().println("    " + Text.safe(call.service() + ":" + call.operation() + " " + Json.write(call.parameters())));
        }
        if (r.rollbackPlan() != null) {
            cli.out().println("  rollback");
            for (ApiCall call : r.rollbackPlan().calls()) {
                cli.out().println("    " + Text.safe(call.service() + ":" + call.operation() + " " + Json.write(call.parameters())));
            }
        }
        if (r.approvedBy() != null) {
            cli.out().println("  approved by " + Text.safe(r.approvedBy()));
        }
        if (r.error() != null) {
            cli.out().println("  note: " + Text.safe(r.error()));
        }
    }

    @Command(name = "list", description = "List remediations, newest first.", mixinStandardHelpOptions = true)
    static final class ListCommand implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--status", description = "only this status, e.g. awaiting_approval")
        String status;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        ListCommand(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            RemediationStatus s = null;
            if (status != null) {
                try {
                    s = RemediationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("unknown status '" + status + "'");
                }
            }
            List<RemediationView> list = cli.bean(RemediationService.class).list(s, 500, cli.caller());
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(list));
                return 0;
            }
            cli.out().print(Text.table(List.of("ID", "REMEDIATION", "STATUS", "MODE", "FINDING", "RESOURCE", "SUMMARY"),
                    list.stream().<List<?>>map(r -> List.of(r.id(), r.remediationId(), r.status(), r.mode(), r.findingId(),
                            r.resourceId(), r.plan().summary())).toList(), 70));
            return 0;
        }
    }

    @Command(name = "show", description = "Show a remediation's plan and state.", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "remediation id")
        long id;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Show(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            print(cli, found(() -> cli.bean(RemediationService.class).get(id, cli.caller()), "no remediation " + id), format);
            return 0;
        }
    }

    @Command(name = "plan", description = "Plan the fix of a finding (exact API calls; applied only per mode).",
            mixinStandardHelpOptions = true)
    static final class Plan implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "finding id or fingerprint")
        String finding;

        @Option(names = "--remediation", description = "which remediation (default: the one for the finding's check)")
        String remediation;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Plan(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            print(cli, found(() -> cli.bean(RemediationService.class).plan(finding, remediation, cli.caller()),
                    "no finding '" + finding + "'"), format);
            return 0;
        }
    }

    abstract static class Step implements Callable<Integer> {
        final Cli cli;

        @Parameters(index = "0", description = "remediation id")
        long id;

        Step(Cli cli) {
            this.cli = cli;
        }

        abstract RemediationView run(RemediationService service);

        @Override
        public Integer call() {
            RemediationView r = found(() -> run(cli.bean(RemediationService.class)), "no remediation " + id);
            print(cli, r, OutputFormat.TABLE);
            return r.status() == RemediationStatus.FAILED || r.status() == RemediationStatus.VERIFY_FAILED
                    || r.status() == RemediationStatus.ROLLBACK_FAILED ? 1 : 0;
        }
    }

    @Command(name = "approve", description = "Approve a plan waiting for approval.", mixinStandardHelpOptions = true)
    static final class Approve extends Step {
        Approve(Cli cli) {
            super(cli);
        }

        @Override
        RemediationView run(RemediationService service) {
            return service.approve(id, cli.caller());
        }
    }

    @Command(name = "reject", description = "Refuse a plan.", mixinStandardHelpOptions = true)
    static final class Reject extends Step {
        @Option(names = "--reason", required = true, description = "why")
        String reason;

        Reject(Cli cli) {
            super(cli);
        }

        @Override
        RemediationView run(RemediationService service) {
            return service.reject(id, reason, cli.caller());
        }
    }

    @Command(name = "apply", description = "Apply an approved plan now, then verify it by re-watching.",
            mixinStandardHelpOptions = true)
    static final class Apply extends Step {
        Apply(Cli cli) {
            super(cli);
        }

        @Override
        RemediationView run(RemediationService service) {
            return service.apply(id, cli.caller());
        }
    }

    @Command(name = "rollback", description = "Restore the configuration stored before the change (refused when the "
            + "resource changed since the apply, unless forced).", mixinStandardHelpOptions = true)
    static final class Rollback extends Step {
        @Option(names = "--force", description = "roll back even though the resource changed since the apply (admins)")
        boolean force;

        @Option(names = "--reason", description = "why the rollback is forced (required with --force)")
        String reason;

        Rollback(Cli cli) {
            super(cli);
        }

        @Override
        RemediationView run(RemediationService service) {
            return service.rollback(id, force, reason, cli.caller());
        }
    }

    @Command(name = "modes", description = "List remediations and the configured modes.", mixinStandardHelpOptions = true)
    static final class Modes implements Callable<Integer> {
        private final Cli cli;

        Modes(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            RemediationService service = cli.bean(RemediationService.class);
            RemediationSettings settings = cli.bean(RemediationSettings.class);
            var modes = settings.modes(cli.caller());
            cli.out().print(Text.table(List.of("REMEDIATION", "FIXES", "MODES", "DESCRIPTION"), service.registry().all()
                    .stream().<List<?>>map(r -> List.of(r.id(), r.fixes().id(), modes.stream()
                            .filter(m -> m.remediationId().equals(r.id()))
                            .map(m -> (m.accountId() == null ? "*" : m.accountId()) + "="
                                    + m.mode().name().toLowerCase().replace('_', '-'))
                            .reduce((a, b) -> a + " " + b).orElse("dry-run"), r.description())).toList(), 80));
            cli.out().printf("kill switch: %s; blast radius: %d change(s) per account per hour%n",
                    settings.killSwitch() ? "ON" : "off", settings.limit());
            return 0;
        }
    }

    @Command(name = "mode", description = "Set how a remediation acts: dry-run, approval or automatic.",
            mixinStandardHelpOptions = true)
    static final class SetMode implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "remediation id")
        String remediation;

        @Parameters(index = "1", description = "dry-run, approval or automatic")
        String mode;

        @Option(names = "--account", description = "only for this account (default: every account)")
        String account;

        SetMode(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Long accountId = account == null ? null : cli.bean(AccountStore.class).require(account).id();
            RemediationMode m = RemediationMode.parse(mode);
            ModeSetting set = cli.bean(RemediationSettings.class).setMode(remediation, accountId, m, cli.caller());
            cli.out().println(set.remediationId() + (account == null ? "" : " in " + Text.safe(account)) + ": "
                    + m.name().toLowerCase().replace('_', '-'));
            return 0;
        }
    }

    @Command(name = "kill-switch", description = "Stop (on) or allow (off) every remediation at once.",
            mixinStandardHelpOptions = true)
    static final class KillSwitch implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "on or off")
        String state;

        KillSwitch(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            boolean on = switch (state.toLowerCase(Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new InvalidInputException("kill-switch takes on or off");
            };
            cli.bean(RemediationSettings.class).setKillSwitch(on, cli.caller());
            cli.out().println("kill switch " + (on ? "ON: nothing will be applied" : "off"));
            return 0;
        }
    }

    @Command(name = "limit", description = "Set the blast radius: changes per account per hour.", mixinStandardHelpOptions = true)
    static final class Limit implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "changes per account per hour")
        int max;

        Limit(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            cli.bean(RemediationSettings.class).setLimit(max, cli.caller());
            cli.out().println("blast radius: " + max + " change(s) per account per hour");
            return 0;
        }
    }
}
