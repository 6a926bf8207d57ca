package io.watchkeeper.web.tuner;

import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.tuner.ChangeStatus;
import io.watchkeeper.core.tuner.OptOut;
import io.watchkeeper.core.tuner.PlanStatus;
import io.watchkeeper.core.tuner.TunerChange;
import io.watchkeeper.core.tuner.TunerChangeStore;
import io.watchkeeper.core.tuner.TunerNotice;
import io.watchkeeper.core.tuner.TunerNoticeStore;
import io.watchkeeper.core.tuner.TunerPlan;
import io.watchkeeper.core.tuner.TunerPlanStore;
import io.watchkeeper.core.tuner.TunerSettingsStore;
import io.watchkeeper.core.watch.ChangeAttributions;
import io.watchkeeper.iamtuner.aws.AccountIam;
import io.watchkeeper.iamtuner.aws.IamReader;
import io.watchkeeper.iamtuner.lifecycle.ChangeRunner;
import io.watchkeeper.iamtuner.lifecycle.EvidenceCollector;
import io.watchkeeper.iamtuner.lifecycle.PlanMaker;
import io.watchkeeper.iamtuner.lifecycle.TunerDefaults;
import io.watchkeeper.iamtuner.plan.PrincipalPlan;
import io.watchkeeper.web.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The IAM tuner's one write path, for the CLI, the API, the console and the scheduled job: each call names
 * its {@link Caller}, whose role and accounts are checked here, and each write is audited once (targets
 * {@code tuner-plan:<id>@<account id>}, {@code tuner-change:<id>@<account id>}, {@code tuner-evidence@<account id>},
 * {@code tuner-opt-out:<id>@<account id>}). Reading is for viewers; collecting evidence, planning and
 * scheduling for justifiers; applying (which changes IAM) and opting out for admins; a rollback (which only
 * gives back what was there) for justifiers. Nothing is applied unless a person applies a plan, or the
 * account turned automatic apply on (off by default).
 */
public final class TunerService {

    static final Pattern PRINCIPAL_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/[\\w+=,.@/-]{1,512}");
    private static final int MAX_REASON = 500;

    /** A plan with its principals' plans and the changes made from it. */
    public record PlanView(TunerPlan plan, String account, List<PrincipalPlan> principals, List<TunerChange> changes,
                           List<TunerNotice> notices) {}

    /**
     * An account's granted-vs-used picture from its latest whole-account plan (or its latest plan when every plan
     * is for one principal): actions granted, used, removable (the plan removes them) and unknown, summed over principals.
     */
    public record AccountPicture(String account, long planId, long granted, long used, long removable, long unknown) {}

    /** An owner told of a schedule, as the audit entry names it. */
    record Told(String owner, TunerNotice.Channel channel, String recipient, List<String> principals) {}

    /** A scheduled plan and its owner notices (each SENT, FAILED, NO_OWNER or NO_CONTACT). */
    public record Scheduled(TunerPlan plan, List<TunerNotice> notices) {}

    private final PlanMaker planner;
    private final ChangeRunner runner;
    private final EvidenceCollector collector;
    private final TunerPlanStore plans;
    private final TunerChangeStore changes;
    private final TunerSettingsStore settings;
    private final TunerDefaults defaults;
    private final AccountStore accounts;
    private final AwsSessionFactory aws;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PlanNotices notices;
    private final TunerNoticeStore noticeStore;
    private final TunerAttribution attribution;

    public TunerService(PlanMaker planner, ChangeRunner runner, EvidenceCollector collector, TunerPlanStore plans,
                        TunerChangeStore changes, TunerSettingsStore settings, TunerDefaults defaults, AccountStore accounts,
                        AwsSessionFactory aws, AuditLog audit, TransactionTemplate tx, Clock clock, PlanNotices notices,
                        TunerNoticeStore noticeStore, ChangeAttributions attributions) {
        this.notices = notices;
        this.noticeStore = noticeStore;
        this.attribution = new TunerAttribution(attributions);
        this.planner = planner;
        this.runner = runner;
        this.collector = collector;
        this.plans = plans;
        this.changes = changes;
        this.settings = settings;
        this.defaults = defaults;
        this.accounts = accounts;
        this.aws = aws;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Reads new CloudTrail log files (and, when asked, IAM last-accessed reports) of an AWS account. */
    public EvidenceCollector.Collected collect(String accountRef, boolean lastAccessed, Caller caller, Consumer<String> progress) {
        caller.require(Role.JUSTIFIER);
        Account account = account(accountRef, caller);
        progress.accept("reading CloudTrail log files" + (lastAccessed ? " and IAM last-accessed data" : "") + " of "
                + account.name());
        EvidenceCollector.Collected c;
        try (AwsSession session = aws.open(account)) {
            c = collector.collect(account, session, lastAccessed);
        }
        audit.record(new AuditEntry(caller.actor(), "tuner.evidence.collect", "tuner-evidence@" + account.id(), null,
                Json.tree(c), account.id()));
        return c;
    }

    /** Plans an account (or one principal of it); stores the plan; changes nothing in IAM. */
    public PlanView plan(String accountRef, String principalArn, Integer windowDays, Caller caller, Consumer<String> progress) {
        caller.require(Role.JUSTIFIER);
        if (windowDays != null && (windowDays < 1 || windowDays > 400)) {
            throw new InvalidInputException("the window must be between 1 and 400 days");
        }
        String principal = principalArn == null || principalArn.isBlank() ? null : principalArn.strip();
        if (principal != null && !PRINCIPAL_ARN.matcher(principal).matches()) {
            throw new InvalidInputException("not a role or user ARN: '" + Text.bounded(principal) + "'");
        }
        Account account = account(accountRef, caller);
        progress.accept("planning " + account.name() + (principal == null ? "" : " for " + principal)
                + ": reading IAM, deciding every granted action, proving each rewrite");
        PlanMaker.Made made;
        try (AwsSession session = aws.open(account)) {
            made = tx.execute(status -> {
                PlanMaker.Made m = planner.plan(account, session, principal, windowDays, caller.actor());
                audit.record(new AuditEntry(caller.actor(), "tuner.plan", target(m.plan()), null,
                        Json.tree(Map.of("summary", m.plan().summary(), "window", m.plan().windowDays(),
                                "principal", principal == null ? "*" : principal)), account.id()));
                return m;
            });
        }
        return new PlanView(made.plan(), account.name(), made.principals(), List.of(), List.of());
    }

    /** Plans of the caller's accounts (or one account), newest first. */
    public List<TunerPlan> plans(String accountRef, int limit, Caller caller) {
        caller.require(Role.VIEWER);
        Long accountId = accountRef == null || accountRef.isBlank() ? null : account(accountRef, caller).id();
        return plans.list(accountId, Math.max(1, Math.min(limit, 500))).stream()
                .filter(p -> caller.scope().allows(p.accountId())).toList();
    }

    /** One plan with every principal's decisions, evidence, edits and proof; 404 outside the caller's accounts. */
    public PlanView show(long id, Caller caller) {
        caller.require(Role.VIEWER);
        TunerPlan plan = visiblePlan(id, caller);
        List<PrincipalPlan> principals = plans.principals(id).stream().map(PlanMaker::detail).toList();
        return new PlanView(plan, accountName(plan.accountId()), principals, changes.forPlan(id), noticeStore.forPlan(id));
    }

    /**
     * Schedules a plan: it may be applied once the account's notice period has passed. The owners of the principals
     * it changes are told (e-mail and/or webhook, see {@link PlanNotices}); principals without an owner or a contact
     * are named in the audit entry and the plan ("no owner notified").
     */
    public Scheduled schedule(long id, Caller caller) {
        caller.require(Role.JUSTIFIER);
        TunerPlan plan = visiblePlan(id, caller);
        if (plan.status() != PlanStatus.PLANNED) {
            throw new InvalidInputException("plan " + id + " is " + plan.status().name().toLowerCase() + "; only a planned one "
                    + "can be scheduled");
        }
        int notice = defaults.resolve(settings.settings(plan.accountId())).noticeDays();
        Instant now = clock.instant();
        Instant after = now.plus(Duration.ofDays(notice)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<PrincipalPlan> changing = plans.principals(id).stream().map(PlanMaker::detail).filter(PrincipalPlan::changes)
                .toList();
        record Drafted(TunerPlan plan, List<TunerNotice> notices) {}
        Drafted d = tx.execute(status -> {
            if (!plans.schedule(id, after, caller.actor(), now)) {
                throw new InvalidInputException("plan " + id + " changed meanwhile; show it again");
            }
            TunerPlan scheduled = plans.find(id).orElseThrow();
            List<TunerNotice> drafted = notices.draft(scheduled, changing);
            List<Told> told = drafted.stream().filter(TunerNotice::notifies)
                    .map(n -> new Told(n.owner(), n.channel(), n.recipient(), n.principals())).toList();
            List<String> untold = drafted.stream().filter(n -> !n.notifies()).flatMap(n -> n.principals().stream()).toList();
            Map<String, Object> afterState = new LinkedHashMap<>();
            afterState.put("status", PlanStatus.SCHEDULED);
            afterState.put("applyAfter", after.toString());
            afterState.put("noticeDays", notice);
            afterState.put("notice", told);
            afterState.put("noOwnerNotified", untold);
            audit.record(new AuditEntry(caller.actor(), "tuner.schedule", target(plan), Json.tree(Map.of("status", plan.status())),
                    Json.tree(afterState), plan.accountId()));
            return new Drafted(scheduled, drafted);
        });
        return new Scheduled(d.plan(), notices.deliver(d.plan(), accountName(plan.accountId()), changing, d.notices()));
    }

    /**
     * Applies a plan: a scheduled one after its notice period, or any planned one at once when {@code skipNotice}.
     * Each principal is re-checked (policies unchanged since planning, removed actions not used since, proof
     * holds on the current documents) and skipped otherwise.
     */
    public ChangeRunner.Applied apply(long id, boolean skipNotice, Caller caller, Consumer<String> progress) {
        caller.require(Role.ADMIN);
        TunerPlan plan = visiblePlan(id, caller);
        runner.checkApplicable(plan, skipNotice);
        Account account = accounts.findById(plan.accountId()).orElseThrow(Caller.NotVisibleException::new);
        progress.accept("applying plan " + id + " to " + account.name());
        ChangeRunner.Applied applied;
        try (AwsSession session = aws.open(account)) {
            applied = runner.apply(plan, session, caller.actor(), skipNotice);
            // what IAM holds right after the change: the next revisions are the tuner's only while they hold it
            AccountIam after = applied.changes().isEmpty() ? null : IamReader.read(session.iam());
            for (TunerChange c : applied.changes()) {
                changes.find(c.id()).ifPresent(made -> attribution.record(made, "tuner change " + c.id() + " by "
                        + caller.actor(), clock.instant(), after));
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", applied.plan().status());
        after.put("changes", applied.changes().stream().map(c -> Map.of("id", c.id(), "principal", c.principalArn(),
                "status", c.status(), "removed", c.removedActions())).toList());
        after.put("skipped", applied.skipped());
        after.put("skipNotice", skipNotice);
        audit.record(new AuditEntry(caller.actor(), "tuner.apply", target(plan), Json.tree(Map.of("status", plan.status())),
                Json.tree(after), plan.accountId()));
        return applied;
    }

    /** Restores a change's previous documents exactly (read back and compared). */
    public TunerChange rollback(long changeId, String reason, Caller caller) {
        caller.require(Role.JUSTIFIER);
        String why = reason == null || reason.isBlank() ? "rolled back by " + caller.actor() : reason.strip();
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("the reason is longer than " + MAX_REASON + " characters");
        }
        TunerChange change = visibleChange(changeId, caller);
        Account account = accounts.findById(change.accountId()).orElseThrow(Caller.NotVisibleException::new);
        TunerChange done;
        try (AwsSession session = aws.open(account)) {
            done = runner.rollback(change, session, caller.actor(), why);
            attribution.record(done, "tuner rollback of change " + changeId + " by " + caller.actor(), clock.instant(),
                    IamReader.read(session.iam()));
        }
        audit.record(new AuditEntry(caller.actor(), "tuner.rollback", "tuner-change:" + changeId + "@" + change.accountId(),
                Json.tree(Map.of("status", change.status())), Json.tree(Map.of("status", done.status(), "reason", why,
                "error", done.error() == null ? "" : done.error())), change.accountId()));
        return done;
    }

    /** The granted-vs-used picture of each of the caller's AWS accounts that has a plan. */
    public List<AccountPicture> pictures(Caller caller) {
        caller.require(Role.VIEWER);
        List<AccountPicture> out = new java.util.ArrayList<>();
        for (Account a : accounts.list()) {
            if (a.provider() != Provider.AWS || !caller.scope().allows(a.id())) {
                continue;
            }
            List<TunerPlan> recent = plans.list(a.id(), 50);
            recent.stream().filter(p -> p.principalFilter() == null).findFirst().or(() -> recent.stream().findFirst())
                    .ifPresent(p -> out.add(new AccountPicture(a.name(), p.id(), p.summary().path("granted").asLong(),
                            p.summary().path("used").asLong(), p.summary().path("removed").asLong(),
                            p.summary().path("unknown").asLong())));
        }
        return out;
    }

    /** Changes of the caller's accounts (or one account), newest first. */
    public List<TunerChange> changes(String accountRef, int limit, Caller caller) {
        caller.require(Role.VIEWER);
        Long accountId = accountRef == null || accountRef.isBlank() ? null : account(accountRef, caller).id();
        return changes.list(accountId, Math.max(1, Math.min(limit, 500))).stream()
                .filter(c -> caller.scope().allows(c.accountId())).toList();
    }

    public TunerChange change(long id, Caller caller) {
        caller.require(Role.VIEWER);
        return visibleChange(id, caller);
    }

    /** Keeps the tuner away from a principal until {@code until}, with an owner and a reason. */
    public OptOut optOut(String accountRef, String principalArn, String owner, String reason, Instant until, Caller caller) {
        caller.require(Role.ADMIN);
        Account account = account(accountRef, caller);
        if (principalArn == null || !PRINCIPAL_ARN.matcher(principalArn.strip()).matches()) {
            throw new InvalidInputException("not a role or user ARN: '" + Text.bounded(principalArn) + "'");
        }
        String o = required(owner, "owner");
        String r = required(reason, "reason");
        if (until == null || !until.isAfter(clock.instant())) {
            throw new InvalidInputException("'until' must be in the future");
        }
        if (until.isAfter(clock.instant().plus(Duration.ofDays(366)))) {
            throw new InvalidInputException("an opt-out lasts at most a year; renew it then");
        }
        return tx.execute(status -> {
            OptOut added = settings.addOptOut(account.id(), principalArn.strip(), o, r, until, caller.actor());
            audit.record(new AuditEntry(caller.actor(), "tuner.opt-out", "tuner-opt-out:" + added.id() + "@" + account.id(),
                    null, Json.tree(added), account.id()));
            return added;
        });
    }

    public List<OptOut> optOuts(String accountRef, Caller caller) {
        caller.require(Role.VIEWER);
        Long accountId = accountRef == null || accountRef.isBlank() ? null : account(accountRef, caller).id();
        return settings.optOuts(accountId, false, clock.instant()).stream().filter(o -> caller.scope().allows(o.accountId()))
                .toList();
    }

    /**
     * Sets an account's tuner settings (window, notice days, automatic apply, automatic restore), or a principal's
     * window; null values keep what is set. Automatic apply and restore are off until an admin turns them on.
     */
    public io.watchkeeper.core.tuner.TunerSetting configure(String accountRef, String principalArn, Integer windowDays,
                                                            Integer noticeDays, Boolean autoApply, Boolean autoRestore,
                                                            Caller caller) {
        caller.require(Role.ADMIN);
        Account account = account(accountRef, caller);
        String principal = principalArn == null || principalArn.isBlank() ? null : principalArn.strip();
        if (principal != null && !PRINCIPAL_ARN.matcher(principal).matches()) {
            throw new InvalidInputException("not a role or user ARN: '" + Text.bounded(principal) + "'");
        }
        if (principal != null && (noticeDays != null || autoApply != null || autoRestore != null)) {
            throw new InvalidInputException("a principal has its own window only; notice and automation are per account");
        }
        if (windowDays != null && (windowDays < 1 || windowDays > 400)) {
            throw new InvalidInputException("the window must be between 1 and 400 days");
        }
        if (noticeDays != null && (noticeDays < 0 || noticeDays > 90)) {
            throw new InvalidInputException("the notice must be between 0 and 90 days");
        }
        return tx.execute(status -> {
            var before = settings.settings(account.id()).stream()
                    .filter(x -> java.util.Objects.equals(x.principalArn(), principal)).findFirst().orElse(null);
            var after = new io.watchkeeper.core.tuner.TunerSetting(account.id(), principal,
                    windowDays != null ? windowDays : before == null ? null : before.windowDays(),
                    autoApply != null ? autoApply : before == null ? null : before.autoApply(),
                    autoRestore != null ? autoRestore : before == null ? null : before.autoRestore(),
                    noticeDays != null ? noticeDays : before == null ? null : before.noticeDays());
            settings.save(after, caller.actor());
            audit.record(new AuditEntry(caller.actor(), "tuner.settings", "tuner-settings:" + (principal == null ? "*" : principal)
                    + "@" + account.id(), before == null ? null : Json.tree(before), Json.tree(after), account.id()));
            return after;
        });
    }

    /** The settings in force for an account (defaults resolved) and its rows. */
    public TunerDefaults.Effective effective(String accountRef, Caller caller) {
        caller.require(Role.VIEWER);
        return defaults.resolve(settings.settings(account(accountRef, caller).id()));
    }

    /** Whether a change can still be rolled back. */
    public static boolean rollbackable(TunerChange c) {
        return c.status() == ChangeStatus.APPLIED || c.status() == ChangeStatus.FAILED || c.status() == ChangeStatus.ROLLBACK_FAILED;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("'" + name + "' is required");
        }
        String v = value.strip();
        if (v.length() > MAX_REASON) {
            throw new InvalidInputException("'" + name + "' is longer than " + MAX_REASON + " characters");
        }
        return v;
    }

    /** An AWS account of the caller by name or id; unknown or outside the scope: a clear input error. */
    Account account(String ref, Caller caller) {
        if (ref == null || ref.isBlank()) {
            throw new InvalidInputException("an account is required");
        }
        String r = ref.strip();
        Account a = accounts.findByName(r).or(() -> r.matches("\\d{1,18}") ? accounts.findById(Long.parseLong(r))
                : java.util.Optional.empty()).filter(x -> caller.scope().allows(x.id()))
                .orElseThrow(() -> new InvalidInputException("unknown account '" + Text.bounded(r) + "'"));
        if (a.provider() != Provider.AWS) {
            throw new InvalidInputException("account " + a.name() + " is not an AWS account; the IAM tuner tunes AWS IAM");
        }
        return a;
    }

    private TunerPlan visiblePlan(long id, Caller caller) {
        return plans.find(id).filter(p -> caller.scope().allows(p.accountId())).orElseThrow(Caller.NotVisibleException::new);
    }

    private TunerChange visibleChange(long id, Caller caller) {
        return changes.find(id).filter(c -> caller.scope().allows(c.accountId())).orElseThrow(Caller.NotVisibleException::new);
    }

    private String accountName(long id) {
        return accounts.findById(id).map(Account::name).orElse("#" + id);
    }

    static String target(TunerPlan p) {
        return "tuner-plan:" + p.id() + "@" + p.accountId();
    }

    /** Bounded, printable echoes of input in messages. */
    static final class Text {
        private Text() {}

        static String bounded(String s) {
            if (s == null) {
                return "";
            }
            String clean = s.replaceAll("[\\p{Cntrl}]", "?");
            return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
        }
    }
}
