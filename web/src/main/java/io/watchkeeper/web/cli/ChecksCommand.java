package io.watchkeeper.web.cli;

import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.web.service.CheckSettings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code watchkeeper checks list|disable|enable|rescore|reset}: the catalogue and per-check overrides,
 * through {@link CheckSettings} like the console and the API (audited once, re-audited at once).
 */
@Command(name = "checks", description = "The check catalogue and per-check overrides (applied with a re-audit at once).",
        mixinStandardHelpOptions = true,
        subcommands = {ChecksCommand.ListChecks.class, ChecksCommand.Disable.class, ChecksCommand.Enable.class,
                ChecksCommand.Rescore.class, ChecksCommand.Reset.class, ChecksCommand.SetParameter.class,
                ChecksCommand.ResetParameter.class})
public final class ChecksCommand {

    @Command(name = "list", description = "List checks with severity, controls and overrides.",
            mixinStandardHelpOptions = true)
    static final class ListChecks implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        ListChecks(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<CheckSettings.CheckInfo> checks = cli.bean(CheckSettings.class).list(cli.caller());
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(checks));
                return 0;
            }
            cli.out().print(Text.table(List.of("CHECK", "SEVERITY", "CONTROLS", "OVERRIDES", "PARAMETERS", "TITLE"),
                    checks.stream().<List<?>>map(c -> List.of(c.id(), c.severity(), String.join(",", c.controls()),
                            c.overrides().size(), parameters(c), c.title())).toList(), 80));
            return 0;
        }
    }

    /** {@code min-approvals=2} (the default) or {@code min-approvals=3*} (set for every account or one of yours). */
    static String parameters(CheckSettings.CheckInfo c) {
        return String.join(",", c.parameters().stream().map(p -> p.name() + "=" + p.values().stream()
                .filter(v -> v.accountId() == null).findFirst().map(v -> v.value()).orElse(p.defaultValue())
                + (p.values().isEmpty() ? "" : "*")).toList());
    }

    abstract static class Change implements Callable<Integer> {
        final Cli cli;

        @Parameters(index = "0", description = "check id")
        String checkId;

        @Option(names = "--account", description = "only for this account (default: every account)")
        String account;

        Change(Cli cli) {
            this.cli = cli;
        }

        abstract String describe();

        abstract CheckSettings.Applied apply(CheckSettings settings, Long accountId);

        @Override
        public Integer call() {
            Long accountId = account == null ? null : cli.bean(AccountAdmin.class).find(account, cli.caller()).id();
            CheckSettings.Applied applied = apply(cli.bean(CheckSettings.class), accountId);
            String where = account == null ? "" : " for " + Text.safe(account);
            cli.out().println(applied.changed()
                    ? checkId + ": " + describe() + where + "; " + AuditCommand.describe(applied.audit())
                    : checkId + ": no override" + where + ", nothing to reset");
            return 0;
        }
    }

    @Command(name = "disable", description = "Turn a check off (its findings become disabled).", mixinStandardHelpOptions = true)
    static final class Disable extends Change {
        Disable(Cli cli) {
            super(cli);
        }

        @Override
        String describe() {
            return "disabled";
        }

        @Override
        CheckSettings.Applied apply(CheckSettings settings, Long accountId) {
            return settings.set(checkId, accountId, false, null, cli.caller());
        }
    }

    @Command(name = "enable", description = "Turn a check back on.", mixinStandardHelpOptions = true)
    static final class Enable extends Change {
        Enable(Cli cli) {
            super(cli);
        }

        @Override
        String describe() {
            return "enabled";
        }

        @Override
        CheckSettings.Applied apply(CheckSettings settings, Long accountId) {
            return settings.set(checkId, accountId, true, null, cli.caller());
        }
    }

    @Command(name = "rescore", description = "Give a check another severity (findings keep their identity).",
            mixinStandardHelpOptions = true)
    static final class Rescore extends Change {
        @Option(names = "--severity", required = true, description = "info, low, medium, high, critical")
        String severity;

        Rescore(Cli cli) {
            super(cli);
        }

        @Override
        String describe() {
            return "severity " + severity.toLowerCase();
        }

        @Override
        CheckSettings.Applied apply(CheckSettings settings, Long accountId) {
            return settings.set(checkId, accountId, true, Severity.parse(severity), cli.caller());
        }
    }

    @Command(name = "reset", description = "Remove an override.", mixinStandardHelpOptions = true)
    static final class Reset extends Change {
        Reset(Cli cli) {
            super(cli);
        }

        @Override
        String describe() {
            return "override removed";
        }

        @Override
        CheckSettings.Applied apply(CheckSettings settings, Long accountId) {
            return settings.reset(checkId, accountId, cli.caller());
        }
    }

    @Command(name = "set-parameter", description = "Set a check's threshold (e.g. min-approvals 3); re-audits at once.",
            mixinStandardHelpOptions = true)
    static final class SetParameter extends Change {
        @Parameters(index = "1", description = "parameter name ('checks list --format json' lists them)")
        String name;

        @Parameters(index = "2", description = "the value, in the range the check declares")
        long value;

        SetParameter(Cli cli) {
            super(cli);
        }

        @Override
        String describe() {
            return name + " set to " + value;
        }

        @Override
        CheckSettings.Applied apply(CheckSettings settings, Long accountId) {
            return settings.setParameter(checkId, accountId, name, value, cli.caller());
        }
    }

    @Command(name = "reset-parameter", description = "Remove a check's threshold (back to the default).",
            mixinStandardHelpOptions = true)
    static final class ResetParameter extends Change {
        @Parameters(index = "1", description = "parameter name")
        String name;

        ResetParameter(Cli cli) {
            super(cli);
        }

        @Override
        String describe() {
            return name + " removed";
        }

        @Override
        CheckSettings.Applied apply(CheckSettings settings, Long accountId) {
            return settings.resetParameter(checkId, accountId, name, cli.caller());
        }
    }
}
