package io.watchkeeper.web.service;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.finding.AuditSummary;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.web.Scanner;
import io.watchkeeper.web.security.Caller;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;

/**
 * Watches and scans a person starts: from the console or the API in the background on a virtual
 * thread, from the command line in the foreground (the watch itself takes scope leases, so a
 * scheduled watch and this run never watch the same scope at once). Admins only; each start is
 * audited once.
 *
 * <p>Which accounts: the named ones (each must be in the caller's scope), or every active one in
 * scope. Third-party accounts are reference data and never watched: named, they are refused; in
 * "every account" they are left out and listed as skipped. A run is visible to callers who see
 * every account it covered (a run over accounts outside a scope does not exist for that scope).
 * Progress is kept on the node that runs it; the results are in the database for every node.
 */
@Service
public class ScanJobs {

    private static final int KEEP = 50;

    private final Scanner scanner;
    private final AuditEngine engine;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final Dashboard dashboard;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> jobs = new LinkedHashMap<>();

    public ScanJobs(Scanner scanner, AuditEngine engine, AccountStore accounts, AuditLog audit, Dashboard dashboard) {
        this.scanner = scanner;
        this.engine = engine;
        this.accounts = accounts;
        this.audit = audit;
        this.dashboard = dashboard;
    }

    /** A watch (audits what changed) or a scan (audits every item of the watched types). */
    public enum Kind { WATCH, SCAN }

    /** A scan's state as shown to people; {@code skipped} are third-party accounts left out. */
    public record ScanStatus(long id, String state, List<String> accounts, List<String> skipped, String startedBy,
                             OffsetDateTime startedAt, OffsetDateTime finishedAt, int scopesPlanned, int scopesDone,
                             int scopesFailed, Integer findingsOpened, Integer findingsFixed, String error) {}

    /** A finished foreground run: what was watched, what was skipped, and the watch and audit summaries. */
    public record Finished(long id, List<Account> accounts, List<String> skipped, Scanner.Result result) {}

    /** The accounts a run covers and the third-party ones it leaves out. */
    private record Selection(List<Account> accounts, List<Account> skipped) {
        List<String> skippedNames() {
            return skipped.stream().map(Account::name).toList();
        }
    }

    private static final class Job {
        final long id;
        final Selection selection;
        final String startedBy;
        final OffsetDateTime startedAt = OffsetDateTime.now();
        final AtomicInteger planned = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        volatile OffsetDateTime finishedAt;
        volatile Scanner.Result result;
        volatile String error;
        volatile RuntimeException failure;

        Job(long id, Selection selection, String startedBy) {
            this.id = id;
            this.selection = selection;
            this.startedBy = startedBy;
        }

        boolean visibleTo(Caller caller) {
            return selection.accounts().stream().allMatch(a -> caller.scope().allows(a.id()))
                    && selection.skipped().stream().allMatch(a -> caller.scope().allows(a.id()));
        }

        ScanStatus status() {
            String state = finishedAt == null ? "running" : error != null ? "failed" : "done";
            return new ScanStatus(id, state, selection.accounts().stream().map(Account::name).toList(),
                    selection.skippedNames(), startedBy, startedAt, finishedAt, planned.get(), done.get(), failed.get(),
                    result == null ? null : result.audit().opened(), result == null ? null : result.audit().fixed(), error);
        }

        WatchProgress progress(WatchProgress also) {
            return new WatchProgress() {
                @Override
                public void planned(int scopes) {
                    planned.addAndGet(scopes);
                    also.planned(scopes);
                }

                @Override
                public void scopeFinished(ScopeResult result) {
                    done.incrementAndGet();
                    if (result.failed()) {
                        failed.incrementAndGet();
                    }
                    also.scopeFinished(result);
                }
            };
        }
    }

    /** Starts a scan of the given accounts (all active ones in the caller's scope when empty) in the background. */
    public ScanStatus start(List<Long> accountIds, Caller caller) {
        caller.require(Role.ADMIN);
        List<Account> named = accountIds == null ? List.of() : accountIds.stream().map(id -> {
            caller.requireAccount(id);
            return accounts.findById(id).orElseThrow(Caller.NotVisibleException::new);
        }).toList();
        Job job = begin(Kind.SCAN, select(named, caller), caller);
        WatchRequest request = new WatchRequest(job.selection.accounts(), Set.of(), Set.of(), "manual", caller.actor(), true);
        Thread.ofVirtual().name("scan-" + job.id).start(() -> execute(job, Kind.SCAN, request, WatchProgress.NONE));
        return job.status();
    }

    /**
     * Watches (or scans) now and returns when done: the accounts by name (every active one in scope
     * when empty), the types and regions (empty: all of them).
     */
    public Finished run(Kind kind, List<String> accountNames, Set<ResourceType> types, Set<String> regions,
                        WatchProgress progress, Caller caller) {
        caller.require(Role.ADMIN);
        List<Account> named = accountNames.stream().map(name -> {
            Account account = accounts.require(name);
            caller.requireAccount(account.id());
            return account;
        }).toList();
        Job job = begin(kind, select(named, caller), caller);
        execute(job, kind, new WatchRequest(job.selection.accounts(), types, regions, "manual", caller.actor(), true),
                progress);
        if (job.failure != null) {
            throw job.failure;
        }
        return new Finished(job.id, job.selection.accounts(), job.selection.skippedNames(), job.result);
    }

    /** Re-audits what is stored (every type with checks when {@code types} is empty), without watching. */
    public AuditSummary reaudit(Set<String> types, Caller caller) {
        caller.require(Role.ADMIN);
        Scopes.requireEveryAccount(caller, "a re-audit covers every account and needs an admin of every account");
        for (String type : types) {
            if (!engine.checks().types().contains(type)) {
                throw new InvalidInputException("no checks apply to '" + type + "' (types with checks: "
                        + String.join(", ", engine.checks().types()) + ")");
            }
        }
        audit.record(new AuditEntry(caller.actor(), "audit.start", "audit:" + (types.isEmpty() ? "*"
                : String.join(",", types.stream().sorted().toList())), null, Json.tree(Map.of("types", types.stream()
                .sorted().toList()))));
        AuditSummary summary = types.isEmpty() ? engine.auditAll("manual", caller.actor())
                : engine.auditTypes(types, "manual", caller.actor());
        dashboard.invalidate();
        return summary;
    }

    private Selection select(List<Account> named, Caller caller) {
        if (!named.isEmpty()) {
            for (Account account : named) {
                if (account.thirdParty()) {
                    throw new InvalidInputException("account '" + account.name() + "' is a third-party account: "
                            + "reference data for the auditors, never watched");
                }
            }
            return new Selection(List.copyOf(named), List.of());
        }
        List<Account> chosen = new ArrayList<>();
        List<Account> skipped = new ArrayList<>();
        for (Account account : accounts.list()) {
            if (account.active() && caller.scope().allows(account.id())) {
                if (account.thirdParty()) {
                    skipped.add(account);
                } else {
                    chosen.add(account);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new InvalidInputException(skipped.isEmpty() ? "no active accounts to watch: add one first"
                    : "no accounts to watch: " + String.join(", ", skipped.stream().map(Account::name).toList())
                    + " are third-party accounts (reference data, never watched)");
        }
        return new Selection(List.copyOf(chosen), List.copyOf(skipped));
    }

    private Job begin(Kind kind, Selection selection, Caller caller) {
        Job job = new Job(ids.incrementAndGet(), selection, caller.actor());
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > KEEP) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        String name = kind.name().toLowerCase();
        audit.record(new AuditEntry(caller.actor(), name + ".start", name + ":" + job.id, null,
                Json.tree(Map.of("accounts", job.status().accounts(), "skipped", selection.skippedNames()))));
        return job;
    }

    private void execute(Job job, Kind kind, WatchRequest request, WatchProgress progress) {
        try {
            job.result = kind == Kind.SCAN ? scanner.scan(request, job.progress(progress))
                    : scanner.watch(request, job.progress(progress));
        } catch (RuntimeException e) {
            job.failure = e;
            job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            job.finishedAt = OffsetDateTime.now();
            dashboard.invalidate();
        }
    }

    /** A run the caller may see. */
    public Optional<ScanStatus> find(long id, Caller caller) {
        caller.require(Role.VIEWER);
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).filter(j -> j.visibleTo(caller)).map(Job::status);
        }
    }

    /** Recent runs on this node that the caller may see, newest first. */
    public List<ScanStatus> recent(Caller caller) {
        caller.require(Role.VIEWER);
        synchronized (jobs) {
            return jobs.values().stream().filter(j -> j.visibleTo(caller)).map(Job::status)
                    .sorted(Comparator.comparingLong(ScanStatus::id).reversed()).toList();
        }
    }
}
