package io.watchkeeper.web.cli;

import io.watchkeeper.core.finding.FindingEvent;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.finding.SuppressionRule;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.web.service.Triage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code watchkeeper findings list|show|justify|unjustify|owner|suppress|suppressions|unsuppress}. Every
 * change goes through {@link Triage} as the command line's caller, like the console and the API.
 */
@Command(name = "findings", description = "List, inspect and triage findings.", mixinStandardHelpOptions = true,
        subcommands = {FindingsCommand.ListFindings.class, FindingsCommand.Show.class, FindingsCommand.Justify.class,
                FindingsCommand.Unjustify.class, FindingsCommand.Owner.class, FindingsCommand.Suppress.class,
                FindingsCommand.Suppressions.class, FindingsCommand.Unsuppress.class})
public final class FindingsCommand {

    static FindingView require(Cli cli, String ref) {
        return cli.bean(FindingReader.class).find(ref)
                .orElseThrow(() -> new InvalidInputException("no finding '" + ref + "' (use an id or a fingerprint)"));
    }

    /** A date (end of that day, UTC) or a date-time. */
    static OffsetDateTime until(String text, Integer days) {
        if (days != null) {
            if (days < 1 || days > 366) {
                throw new InvalidInputException("--days must be between 1 and 366");
            }
            return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days);
        }
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("invalid date '" + text + "' (YYYY-MM-DD or an ISO date-time)");
        }
    }

    @Command(name = "list", description = "List findings, riskiest first.", mixinStandardHelpOptions = true)
    static final class ListFindings implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--status", split = ",", description = "open, regressed, justified, suppressed, fixed, disabled, all "
                + "(default: open,regressed)")
        List<String> statuses = new ArrayList<>();

        @Option(names = "--account", description = "account name")
        String account;

        @Option(names = "--check", description = "check id or glob (aws.s3.bucket/*)")
        String check;

        @Option(names = "--type", description = "resource type")
        String type;

        @Option(names = "--region", description = "region")
        String region;

        @Option(names = "--severity", description = "lowest severity: info, low, medium, high, critical")
        String severity;

        @Option(names = "--resource", description = "part of the resource id or name")
        String resource;

        @Option(names = "--limit", description = "at most this many (max 5000)", defaultValue = "500")
        int limit;

        @Option(names = "--after", description = "continue after SCORE:ID (the last row of the previous page)")
        String after;

        @Option(names = "--format", description = "table, json, " + "csv, sarif or ocsf", defaultValue = "table")
        String format;

        ListFindings(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Set<FindingStatus> wanted = new LinkedHashSet<>();
            for (String s : statuses) {
                if (s.equalsIgnoreCase("all")) {
                    wanted.addAll(List.of(FindingStatus.values()));
                } else {
                    try {
                        wanted.add(FindingStatus.valueOf(s.trim().toUpperCase()));
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException("unknown status '" + s + "'");
                    }
                }
            }
            Integer afterScore = null;
            Long afterId = null;
            if (after != null) {
                String[] parts = after.split(":");
                if (parts.length != 2 || !parts[0].matches("\\d{1,3}") || !parts[1].matches("\\d{1,18}")) {
                    throw new InvalidInputException("--after takes SCORE:ID, e.g. 77:1024");
                }
                afterScore = Integer.parseInt(parts[0]);
                afterId = Long.parseLong(parts[1]);
            }
            List<FindingView> findings = cli.bean(FindingReader.class).list(new FindingFilter(wanted, account, check,
                    type, region, severity == null ? null : Severity.parse(severity), resource, afterScore, afterId, limit));
            FindingOutput.write(cli, findings, format);
            return 0;
        }
    }

    @Command(name = "show", description = "Show one finding: evidence, score breakdown, history.",
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "finding id or fingerprint")
        String ref;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Show(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            FindingView f = require(cli, ref);
            List<FindingEvent> history = cli.bean(FindingReader.class).history(f.id());
            if (format == OutputFormat.JSON) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("finding", f);
                json.put("history", history);
                cli.out().println(Json.pretty(json));
                return 0;
            }
            var out = cli.out();
            out.printf("#%d %s  %s%n", f.id(), Text.safe(f.check()), f.status());
            out.printf("  %s%n", Text.safe(f.message()));
            out.printf("  resource  %s (%s) in %s/%s%n", Text.safe(f.resourceName()), Text.safe(f.resourceId()),
                    Text.safe(f.account()), Text.safe(f.region()));
            out.printf("  score     %d  (%s)%n", f.score(), f.breakdown().explain());
            out.printf("  controls  %s%n", f.controls().isEmpty() ? "-" : String.join(", ", f.controls()));
            out.printf("  evidence  %s%n", Text.safe(Json.write(f.evidence())));
            out.printf("  identity  %s (%s)%n", f.fingerprint(), Text.safe(f.evidenceKey()));
            if (f.justification() != null) {
                out.printf("  justified by %s until %s: %s%n", Text.safe(f.justification().by()), f.justification().until(),
                        Text.safe(f.justification().reason()));
            }
            out.println("  history");
            for (FindingEvent e : history) {
                out.printf("    %s  %-26s %s%n", e.at(), e.event(), Text.safe(e.actor()));
            }
            return 0;
        }
    }

    @Command(name = "justify", description = "Accept a finding's current evidence until a date.",
            mixinStandardHelpOptions = true)
    static final class Justify implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "finding id or fingerprint")
        String ref;

        @Option(names = "--reason", required = true, description = "why it is acceptable")
        String reason;

        @Option(names = "--until", description = "expiry date (YYYY-MM-DD)")
        String until;

        @Option(names = "--days", description = "expiry in days (default 90)")
        Integer days;

        Justify(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            FindingView f = require(cli, ref);
            OffsetDateTime expiry = until(until, until == null && days == null ? Integer.valueOf(90) : days);
            cli.bean(Triage.class).justifyOne(f.id(), reason, expiry, cli.caller());
            cli.out().println("justified #" + f.id() + " until " + expiry.toLocalDate()
                    + "; it reopens if its evidence changes");
            return 0;
        }
    }

    @Command(name = "unjustify", description = "Withdraw a justification.", mixinStandardHelpOptions = true)
    static final class Unjustify implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "finding id or fingerprint")
        String ref;

        @Option(names = "--reason", required = true, description = "why")
        String reason;

        Unjustify(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            FindingView f = require(cli, ref);
            FindingView after = cli.bean(Triage.class).unjustify(f.id(), reason, cli.caller());
            cli.out().println("reopened #" + f.id() + " (" + after.status().name().toLowerCase() + ")");
            return 0;
        }
    }

    @Command(name = "owner", description = "Assign a finding to an owner (or clear it).", mixinStandardHelpOptions = true)
    static final class Owner implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "finding id or fingerprint")
        String ref;

        @Parameters(index = "1", arity = "0..1", description = "the owner (a person or a team)")
        String owner;

        @Option(names = "--clear", description = "remove the owner")
        boolean clear;

        Owner(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            if ((owner == null || owner.isBlank()) != clear) {
                throw new InvalidInputException("give either an owner or --clear");
            }
            FindingView f = require(cli, ref);
            FindingView after = cli.bean(Triage.class).assign(f.id(), clear ? null : owner, cli.caller());
            cli.out().println(after.owner() == null ? "#" + f.id() + " has no owner"
                    : "#" + f.id() + " is owned by " + Text.safe(after.owner()));
            return 0;
        }
    }

    @Command(name = "suppress", description = "Add a suppression rule: matching findings are suppressed at once "
            + "(re-audited) and while it lasts.", mixinStandardHelpOptions = true)
    static final class Suppress implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--check", required = true, description = "check id or glob, e.g. aws.ec2.security-group/*")
        String check;

        @Option(names = "--account", description = "only this account")
        String account;

        @Option(names = "--resource", description = "glob on the resource id, e.g. *:security-group/sg-0abc*")
        String resource;

        @Option(names = "--reason", required = true, description = "why")
        String reason;

        @Option(names = "--until", description = "expiry date (YYYY-MM-DD); default: until removed")
        String until;

        Suppress(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Long accountId = account == null ? null : cli.bean(AccountAdmin.class).find(account, cli.caller()).id();
            OffsetDateTime expires = until(until, null);
            Triage triage = cli.bean(Triage.class);
            // what the command names is what it does: the preview's token is applied at once
            Triage.Preview preview = triage.previewSuppress(check, accountId, resource, reason, expires, cli.caller());
            SuppressionRule rule = triage.suppress(check, accountId, resource, reason, expires, preview.token(),
                    cli.caller());
            cli.out().println("suppression rule " + rule.id() + " added; " + preview.changes().size()
                    + " finding(s) suppressed now, matching findings later too");
            return 0;
        }
    }

    @Command(name = "suppressions", description = "List active suppression rules.", mixinStandardHelpOptions = true)
    static final class Suppressions implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Suppressions(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<SuppressionRule> rules = cli.bean(Triage.class).suppressions(cli.caller());
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(rules));
                return 0;
            }
            cli.out().print(Text.table(List.of("ID", "CHECK", "ACCOUNT", "RESOURCE", "EXPIRES", "BY", "REASON"),
                    rules.stream().<List<?>>map(r -> java.util.Arrays.asList(r.id(), r.checkPattern(),
                            r.accountId() == null ? "*" : r.accountId(), r.resourcePattern() == null ? "*" : r.resourcePattern(),
                            r.expiresAt() == null ? "never" : r.expiresAt(), r.createdBy(), r.reason())).toList(), 60));
            return 0;
        }
    }

    @Command(name = "unsuppress", description = "Remove a suppression rule (its findings are re-audited at once).",
            mixinStandardHelpOptions = true)
    static final class Unsuppress implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "rule id")
        long ruleId;

        Unsuppress(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            cli.bean(Triage.class).unsuppress(ruleId, cli.caller());
            cli.out().println("removed suppression rule " + ruleId + "; its findings were re-audited");
            return 0;
        }
    }
}
