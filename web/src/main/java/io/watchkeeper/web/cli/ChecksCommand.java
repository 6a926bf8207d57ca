package io.watchkeeper.web.cli;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckOverride;
import io.watchkeeper.core.finding.FindingTriage;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchkeeper checks list|disable|enable|rescore|reset}: the catalogue and per-check overrides. */
@Command(name = "checks", description = "The check catalogue and per-check overrides (applied with a re-audit at once).",
        mixinStandardHelpOptions = true,
        subcommands = {ChecksCommand.ListChecks.class, ChecksCommand.Disable.class, ChecksCommand.Enable.class,
                ChecksCommand.Rescore.class, ChecksCommand.Reset.class})
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
            List<CheckOverride> overrides = cli.bean(FindingTriage.class).overrides();
            List<Map<String, Object>> rows = cli.bean(CheckRegistry.class).all().stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id().id());
                m.put("type", c.appliesTo().id());
                m.put("severity", c.severity());
                m.put("title", c.title());
                m.put("controls", c.controls());
                m.put("overrides", overrides.stream().filter(o -> o.checkId().equals(c.id().id())).toList());
                return m;
            }).toList();
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(rows));
                return 0;
            }
            cli.out().print(Text.table(List.of("CHECK", "SEVERITY", "CONTROLS", "OVERRIDES", "TITLE"), rows.stream()
                    .<List<?>>map(r -> List.of(r.get("id"), r.get("severity"), String.join(",", (List<String>) r.get("controls")),
                            ((List<?>) r.get("overrides")).size(), r.get("title"))).toList(), 80));
            return 0;
        }
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

        abstract void apply(FindingTriage triage, Long accountId, Check<?> check);

        @Override
        public Integer call() {
            Check<?> check = cli.bean(CheckRegistry.class).require(checkId);
            Long accountId = account == null ? null : cli.bean(AccountStore.class).require(account).id();
            apply(cli.bean(FindingTriage.class), accountId, check);
            cli.audit("check.override", "check:" + checkId + (account == null ? "" : "@" + account), null,
                    Json.tree(Map.of("change", describe())));
            var summary = cli.bean(AuditEngine.class).auditTypes(Set.of(check.appliesTo().id()), "override", cli.actor());
            cli.out().println(checkId + ": " + describe() + (account == null ? "" : " for " + account) + "; "
                    + AuditCommand.describe(summary));
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
        void apply(FindingTriage triage, Long accountId, Check<?> check) {
            triage.setOverride(checkId, accountId, false, null, cli.actor());
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
        void apply(FindingTriage triage, Long accountId, Check<?> check) {
            triage.setOverride(checkId, accountId, true, null, cli.actor());
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
        void apply(FindingTriage triage, Long accountId, Check<?> check) {
            triage.setOverride(checkId, accountId, true, Severity.parse(severity), cli.actor());
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
        void apply(FindingTriage triage, Long accountId, Check<?> check) {
            triage.clearOverride(checkId, accountId);
        }
    }
}
