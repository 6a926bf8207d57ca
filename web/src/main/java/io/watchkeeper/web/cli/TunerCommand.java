package io.watchkeeper.web.cli;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.tuner.ChangeStatus;
import io.watchkeeper.core.tuner.OptOut;
import io.watchkeeper.core.tuner.TunerChange;
import io.watchkeeper.core.tuner.TunerNotice;
import io.watchkeeper.core.tuner.TunerPlan;
import io.watchkeeper.iamtuner.lifecycle.ChangeRunner;
import io.watchkeeper.iamtuner.lifecycle.EvidenceCollector;
import io.watchkeeper.web.tuner.PlanReport;
import io.watchkeeper.web.tuner.TunerService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchkeeper tuner collect|plan|plans|show|schedule|apply|rollback|changes|opt-out|opt-outs|settings|catalogue}. */
@Command(name = "tuner", description = "IAM tuner: remove actions principals do not use, with proof and exact rollback.",
        mixinStandardHelpOptions = true,
        subcommands = {TunerCommand.Collect.class, TunerCommand.Plan.class, TunerCommand.Plans.class, TunerCommand.Show.class,
                TunerCommand.Schedule.class, TunerCommand.Apply.class, TunerCommand.Rollback.class, TunerCommand.Changes.class,
                TunerCommand.OptOutCommand.class, TunerCommand.OptOuts.class, TunerCommand.Settings.class,
                TunerCatalogueCommand.class})
public final class TunerCommand {

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,3})d?");

    static TunerService service(Cli cli) {
        return cli.bean(TunerService.class);
    }

    /** Progress on standard error, so {@code --format json} output stays clean. */
    static Consumer<String> progress(Cli cli) {
        return line -> {
            cli.err().println("… " + line);
            cli.err().flush();
        };
    }

    static Integer window(String window) {
        if (window == null) {
            return null;
        }
        Matcher m = WINDOW.matcher(window.strip());
        if (!m.matches()) {
            throw new InvalidInputException("--window takes days, e.g. 90d");
        }
        return Integer.parseInt(m.group(1));
    }

    static Instant until(String until) {
        try {
            return until.contains("T") ? Instant.parse(until) : LocalDate.parse(until).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("--until takes a date (2027-03-31) or an instant (2027-03-31T12:00:00Z)");
        }
    }

    static void printPlan(Cli cli, PlanReport r, OutputFormat format) {
        if (format == OutputFormat.JSON) {
            cli.out().println(Json.pretty(r));
            return;
        }
        cli.out().printf("plan %d of %s: %s, window %d days%s%n", r.id(), Text.safe(r.account()), r.status(), r.windowDays(),
                r.applyAfter() == null ? "" : ", may be applied after " + r.applyAfter());
        cli.out().println("  " + Text.safe(r.evidenceNote()));
        cli.out().print(Text.table(List.of("PRINCIPAL", "ELIGIBLE", "GRANTED", "USED", "UNKNOWN", "REMOVED", "PROOF"),
                r.principals().stream().<List<?>>map(p -> List.of(p.arn(), p.eligible() ? "yes" : "no: " + p.reason(),
                        p.granted(), p.used().size(), p.unknown().size(), p.removed().size(),
                        p.proofHolds() == null ? "-" : p.proofHolds() ? "holds" : "FAILS")).toList(), 70));
        for (PlanReport.Principal p : r.principals()) {
            if (!p.removed().isEmpty()) {
                cli.out().println("  " + Text.safe(p.arn()) + " loses " + Text.safe(String.join(", ", p.removed())));
            }
        }
        for (TunerChange c : r.changes()) {
            cli.out().printf("  change %d %s %s%n", c.id(), Text.safe(c.principalArn()), c.status());
        }
        printNotices(cli, r.notices());
    }

    /** One line per notice: who was told how, or which principals nobody was told about. */
    static void printNotices(Cli cli, List<TunerNotice> notices) {
        for (TunerNotice n : notices) {
            cli.out().println("  " + Text.safe(PlanReport.noticeText(n)));
        }
    }

    static void printChanges(Cli cli, List<TunerChange> list, OutputFormat format) {
        if (format == OutputFormat.JSON) {
            cli.out().println(Json.pretty(list));
            return;
        }
        cli.out().print(Text.table(List.of("CHANGE", "PLAN", "PRINCIPAL", "STATUS", "REMOVED", "APPLIED BY", "NOTE"),
                list.stream().<List<?>>map(c -> List.of(c.id(), c.planId(), c.principalArn(), c.status(), c.removedActions().size(),
                        c.appliedBy(), c.error() == null ? (c.rollbackReason() == null ? "" : c.rollbackReason()) : c.error()))
                        .toList(), 70));
    }

    @Command(name = "collect", description = "Read new CloudTrail log files and IAM last-accessed data of an account.",
            mixinStandardHelpOptions = true)
    static final class Collect implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--account", required = true, description = "account name or id")
        String account;

        @Option(names = "--no-last-accessed", description = "CloudTrail only")
        boolean noLastAccessed;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Collect(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            EvidenceCollector.Collected c = service(cli).collect(account, !noLastAccessed, cli.caller(), progress(cli));
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(c));
            } else {
                if (c.cloudTrail() != null) {
                    cli.out().printf("CloudTrail: %d files, %d records, %d attributed, %d failed files%n", c.cloudTrail().files(),
                            c.cloudTrail().records(), c.cloudTrail().attributed(), c.cloudTrail().failedFiles());
                }
                if (c.lastAccessed() != null) {
                    cli.out().printf("IAM last-accessed: %d principals, %d reports%s%n", c.lastAccessed().principals(),
                            c.lastAccessed().reports(), c.lastAccessed().unavailableReason() == null ? ""
                                    : " (" + Text.safe(c.lastAccessed().unavailableReason()) + ")");
                }
                for (String e : new String[] {c.cloudTrailError(), c.lastAccessedError()}) {
                    if (e != null) {
                        cli.out().println("error: " + Text.safe(e));
                    }
                }
            }
            return c.cloudTrailError() == null ? 0 : 1;
        }
    }

    @Command(name = "plan", description = "Plan what to remove (nothing is changed).", mixinStandardHelpOptions = true)
    static final class Plan implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--account", required = true, description = "account name or id")
        String account;

        @Option(names = "--principal", description = "one role or user ARN")
        String principal;

        @Option(names = "--window", description = "look-back window, e.g. 90d (default: the account's, else 90)")
        String window;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Plan(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Integer days = window(window);
            printPlan(cli, PlanReport.of(service(cli).plan(account, principal, days, cli.caller(), progress(cli))), format);
            return 0;
        }
    }

    @Command(name = "plans", description = "List plans, newest first.", mixinStandardHelpOptions = true)
    static final class Plans implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--account", description = "account name or id")
        String account;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Plans(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<TunerPlan> list = service(cli).plans(account, 200, cli.caller());
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(list));
                return 0;
            }
            cli.out().print(Text.table(List.of("PLAN", "ACCOUNT", "STATUS", "CREATED", "BY", "REMOVED", "CHANGES"),
                    list.stream().<List<?>>map(p -> List.of(p.id(), p.accountId(), p.status(), p.createdAt(), p.createdBy(),
                            p.summary().path("removed").asInt(), p.summary().path("changes").asInt())).toList(), 70));
            return 0;
        }
    }

    @Command(name = "show", description = "Show a plan: per principal the decisions, removals and proof.",
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "plan id")
        long id;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Show(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            printPlan(cli, PlanReport.of(RemediationsCommand.found(() -> service(cli).show(id, cli.caller()), "no plan " + id)),
                    format);
            return 0;
        }
    }

    @Command(name = "schedule", description = "Schedule a plan: it may be applied after the account's notice period.",
            mixinStandardHelpOptions = true)
    static final class Schedule implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "plan id")
        long id;

        Schedule(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            TunerService.Scheduled s = RemediationsCommand.found(() -> service(cli).schedule(id, cli.caller()), "no plan " + id);
            cli.out().printf("plan %d scheduled; it may be applied after %s%n", s.plan().id(), s.plan().applyAfter());
            printNotices(cli, s.notices());
            return 0;
        }
    }

    @Command(name = "apply", description = "Apply a plan (scheduled and past its notice, or --now).", mixinStandardHelpOptions = true)
    static final class Apply implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "plan id")
        long id;

        @Option(names = "--now", description = "skip the notice period (and scheduling)")
        boolean now;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Apply(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ChangeRunner.Applied a = RemediationsCommand.found(() -> service(cli).apply(id, now, cli.caller(), progress(cli)),
                    "no plan " + id);
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(a));
            } else {
                cli.out().printf("plan %d: %s%n", a.plan().id(), a.plan().status());
                printChanges(cli, a.changes(), OutputFormat.TABLE);
                a.skipped().forEach((arn, why) -> cli.out().println("skipped " + Text.safe(arn) + ": " + Text.safe(why)));
            }
            return a.changes().stream().anyMatch(c -> c.status() != ChangeStatus.APPLIED) || a.changes().isEmpty() && !a.skipped().isEmpty()
                    ? 1 : 0;
        }
    }

    @Command(name = "rollback", description = "Restore a change's previous documents exactly.", mixinStandardHelpOptions = true)
    static final class Rollback implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "change id")
        long id;

        @Option(names = "--reason", description = "why")
        String reason;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Rollback(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            TunerChange c = RemediationsCommand.found(() -> service(cli).rollback(id, reason, cli.caller()), "no change " + id);
            printChanges(cli, List.of(c), format);
            return c.status() == ChangeStatus.ROLLED_BACK ? 0 : 1;
        }
    }

    @Command(name = "changes", description = "List applied changes, newest first.", mixinStandardHelpOptions = true)
    static final class Changes implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--account", description = "account name or id")
        String account;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Changes(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            printChanges(cli, service(cli).changes(account, 200, cli.caller()), format);
            return 0;
        }
    }

    @Command(name = "opt-out", description = "Keep the tuner away from a principal until a date.", mixinStandardHelpOptions = true)
    static final class OptOutCommand implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "role or user ARN")
        String arn;

        @Option(names = "--account", required = true, description = "account name or id")
        String account;

        @Option(names = "--owner", required = true, description = "who answers for it")
        String owner;

        @Option(names = "--reason", required = true, description = "why")
        String reason;

        @Option(names = "--until", required = true, description = "until when (2027-03-31)")
        String until;

        OptOutCommand(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            OptOut o = service(cli).optOut(account, arn, owner, reason, until(until), cli.caller());
            cli.out().printf("opt-out %d: %s until %s%n", o.id(), Text.safe(o.principalArn()), o.until());
            return 0;
        }
    }

    @Command(name = "opt-outs", description = "List active opt-outs.", mixinStandardHelpOptions = true)
    static final class OptOuts implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--account", description = "account name or id")
        String account;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        OptOuts(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<OptOut> list = service(cli).optOuts(account, cli.caller());
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(list));
                return 0;
            }
            cli.out().print(Text.table(List.of("ID", "PRINCIPAL", "OWNER", "REASON", "UNTIL"),
                    list.stream().<List<?>>map(o -> List.of(o.id(), o.principalArn(), o.owner(), o.reason(), o.until())).toList(), 70));
            return 0;
        }
    }

    @Command(name = "settings", description = "Show or set an account's window, notice and automation (off by default).",
            mixinStandardHelpOptions = true)
    static final class Settings implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--account", required = true, description = "account name or id")
        String account;

        @Option(names = "--principal", description = "a role or user ARN (its own window only)")
        String principal;

        @Option(names = "--window", description = "look-back window, e.g. 90d")
        String window;

        @Option(names = "--notice-days", description = "days between scheduling and applying")
        Integer noticeDays;

        @Option(names = "--auto-apply", description = "on or off: apply scheduled plans after their notice")
        String autoApply;

        @Option(names = "--auto-restore", description = "on or off: restore on AccessDenied of a removed action")
        String autoRestore;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Settings(Cli cli) {
            this.cli = cli;
        }

        static Boolean onOff(String value, String name) {
            if (value == null) {
                return null;
            }
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "on", "true" -> true;
                case "off", "false" -> false;
                default -> throw new InvalidInputException(name + " takes on or off");
            };
        }

        @Override
        public Integer call() {
            Integer days = window(window);
            Boolean apply = onOff(autoApply, "--auto-apply");
            Boolean restore = onOff(autoRestore, "--auto-restore");
            if (days != null || noticeDays != null || apply != null || restore != null) {
                service(cli).configure(account, principal, days, noticeDays, apply, restore, cli.caller());
            }
            var e = service(cli).effective(account, cli.caller());
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(e));
            } else {
                cli.out().printf("window %d days, notice %d days, auto-apply %s, auto-restore %s%n", e.windowDays(),
                        e.noticeDays(), e.autoApply() ? "on" : "off", e.autoRestore() ? "on" : "off");
                e.principalWindows().forEach((arn, d) -> cli.out().println("  " + Text.safe(arn) + ": window " + d + " days"));
            }
            return 0;
        }
    }
}
