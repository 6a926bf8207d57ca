package io.watchkeeper.web.service;

import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.web.Scanner;
import io.watchkeeper.web.security.Caller;
import java.time.OffsetDateTime;
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
 * Scans started from the console or API run in the background on a virtual thread (the watch
 * itself takes scope leases, so a scheduled watch and this scan never run the same scope at once).
 * Progress is kept on the node that runs it; the results are in the database for every node.
 */
@Service
public class ScanJobs {

    private static final int KEEP = 50;

    private final Scanner scanner;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> jobs = new LinkedHashMap<>();

    public ScanJobs(Scanner scanner, AccountStore accounts, AuditLog audit) {
        this.scanner = scanner;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** A scan's state as shown to people. */
    public record ScanStatus(long id, String state, List<String> accounts, String startedBy, OffsetDateTime startedAt,
                             OffsetDateTime finishedAt, int scopesPlanned, int scopesDone, int scopesFailed,
                             Integer findingsOpened, Integer findingsFixed, String error) {}

    private static final class Job {
        final long id;
        final List<String> accounts;
        final String startedBy;
        final OffsetDateTime startedAt = OffsetDateTime.now();
        final AtomicInteger planned = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        volatile OffsetDateTime finishedAt;
        volatile Scanner.Result result;
        volatile String error;

        Job(long id, List<String> accounts, String startedBy) {
            this.id = id;
            this.accounts = accounts;
            this.startedBy = startedBy;
        }

        ScanStatus status() {
            String state = finishedAt == null ? "running" : error != null ? "failed" : "done";
            return new ScanStatus(id, state, accounts, startedBy, startedAt, finishedAt, planned.get(), done.get(),
                    failed.get(), result == null ? null : result.audit().opened(),
                    result == null ? null : result.audit().fixed(), error);
        }
    }

    /** Starts a scan of the given accounts (all active ones in the caller's scope when empty). */
    public ScanStatus start(List<Long> accountIds, Caller caller) {
        List<Account> chosen = accountIds == null || accountIds.isEmpty()
                ? accounts.list().stream().filter(Account::active).filter(a -> caller.scope().allows(a.id())).toList()
                : accountIds.stream().map(id -> {
                    caller.requireAccount(id);
                    return accounts.findById(id).orElseThrow(() -> new InvalidInputException("no account " + id));
                }).toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException("no active accounts to scan: add one first");
        }
        Job job = new Job(ids.incrementAndGet(), chosen.stream().map(Account::name).toList(), caller.actor());
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > KEEP) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        audit.record(new AuditEntry(caller.actor(), "scan.start", "scan:" + job.id, null,
                Json.tree(Map.of("accounts", job.accounts))));
        WatchRequest request = new WatchRequest(chosen, Set.of(), Set.of(), "manual", caller.actor(), true);
        Thread.ofVirtual().name("scan-" + job.id).start(() -> run(job, request));
        return job.status();
    }

    private void run(Job job, WatchRequest request) {
        try {
            job.result = scanner.scan(request, new WatchProgress() {
                @Override
                public void planned(int scopes) {
                    job.planned.addAndGet(scopes);
                }

                @Override
                public void scopeFinished(ScopeResult result) {
                    job.done.incrementAndGet();
                    if (result.failed()) {
                        job.failed.incrementAndGet();
                    }
                }
            });
        } catch (RuntimeException e) {
            job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            job.finishedAt = OffsetDateTime.now();
        }
    }

    public Optional<ScanStatus> find(long id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(Job::status);
        }
    }

    /** Recent scans on this node, newest first. */
    public List<ScanStatus> recent() {
        synchronized (jobs) {
            return jobs.values().stream().map(Job::status)
                    .sorted(Comparator.comparingLong(ScanStatus::id).reversed()).toList();
        }
    }
}
