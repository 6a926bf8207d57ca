package io.watchkeeper.web.cli;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationMode;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.web.remediation.RemediationService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
            List<RemediationView> list = cli.bean(RemediationService.class).store().list(s, 500);
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
            print(cli, cli.bean(RemediationService.class).store().find(id)
                    .orElseThrow(() -> new InvalidInputException("no remediation " + id)), format);
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
            print(cli, cli.bean(RemediationService.class).plan(finding, remediation, cli.actor()), format);
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
            RemediationView r = run(cli.bean(RemediationService.class));
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
            return service.approve(id, cli.actor());
        }
    }

    @Command(name = "reject", description = "Refuse a plan.", mixinStandardHelpOptions = true)
    static final class Reject extends Step {
        @Option(names = "--reason", description = "why")
        String reason;

        Reject(Cli cli) {
            super(cli);
        }

        @Override
        RemediationView run(RemediationService service) {
            return service.reject(id, cli.actor(), reason == null ? "rejected" : reason);
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
            return service.apply(id, cli.actor());
        }
    }

    @Command(name = "rollback", description = "Restore the configuration stored before the change.",
            mixinStandardHelpOptions = true)
    static final class Rollback extends Step {
        Rollback(Cli cli) {
            super(cli);
        }

        @Override
        RemediationView run(RemediationService service) {
            return service.rollback(id, cli.actor());
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
            var modes = service.store().modes();
            cli.out().print(Text.table(List.of("REMEDIATION", "FIXES", "MODES", "DESCRIPTION"), service.registry().all()
                    .stream().<List<?>>map(r -> List.of(r.id(), r.fixes().id(), modes.stream()
                            .filter(m -> m.remediationId().equals(r.id()))
                            .map(m -> (m.accountId() == null ? "*" : m.accountId()) + "=" + m.mode().name().toLowerCase())
                            .reduce((a, b) -> a + " " + b).orElse("dry-run"), r.description())).toList(), 80));
            cli.out().printf("kill switch: %s; blast radius: %d change(s) per account per hour%n",
                    service.killSwitch() ? "ON" : "off", service.store().maxChangesPerAccountPerHour());
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
            RemediationService service = cli.bean(RemediationService.class);
            Remediation<?> r = service.registry().require(remediation);
            Long accountId = account == null ? null : cli.bean(AccountStore.class).require(account).id();
            RemediationMode m = RemediationMode.parse(mode);
            service.store().setMode(r.id(), accountId, m, cli.actor());
            cli.audit("remediation.mode", "remediation-mode:" + r.id() + "@" + (account == null ? "*" : account), null,
                    Json.tree(Map.of("mode", m)));
            cli.out().println(r.id() + (account == null ? "" : " in " + account) + ": " + m.name().toLowerCase());
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
            cli.bean(RemediationService.class).store().setKillSwitch(on, cli.actor());
            cli.audit("remediation.kill-switch", "remediation-settings", null, Json.tree(Map.of("killSwitch", on)));
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
            cli.bean(RemediationService.class).store().setMaxChangesPerAccountPerHour(max, cli.actor());
            cli.audit("remediation.limit", "remediation-settings", null, Json.tree(Map.of("maxChangesPerAccountPerHour", max)));
            cli.out().println("blast radius: " + max + " change(s) per account per hour");
            return 0;
        }
    }
}
