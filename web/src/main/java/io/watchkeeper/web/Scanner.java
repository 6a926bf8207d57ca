package io.watchkeeper.web;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.core.finding.AuditSummary;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatchRunner;
import java.util.Set;

/**
 * Watch, then audit: every watch (manual or scheduled) is followed by an audit of the items that
 * changed and the items whose checks read their types; a scan audits every item of the watched
 * types afterwards.
 */
public final class Scanner {

    private final WatchRunner runner;
    private final AuditEngine engine;
    private final io.watchkeeper.web.notify.Notifier notifier;

    public Scanner(WatchRunner runner, AuditEngine engine, io.watchkeeper.web.notify.Notifier notifier) {
        this.runner = runner;
        this.engine = engine;
        this.notifier = notifier;
    }

    /** The outcome of a watch and the audit after it. */
    public record Result(RunSummary watch, AuditSummary audit) {}

    /** Watches and audits what changed. */
    public Result watch(WatchRequest request, WatchProgress progress) {
        RunSummary watch = runner.run(request, progress);
        AuditSummary audit = engine.auditChanged(watch.changedItemIds(), request.trigger(), request.actor());
        notifier.newFindings(audit);
        return new Result(watch, audit);
    }

    /** Watches, then audits every item of the watched types (or all types). */
    public Result scan(WatchRequest request, WatchProgress progress) {
        RunSummary watch = runner.run(request, progress);
        Set<String> types = request.types().isEmpty() ? engine.checks().types()
                : request.types().stream().map(t -> t.id()).collect(java.util.stream.Collectors.toSet());
        AuditSummary audit = engine.auditTypes(types, "scan", request.actor());
        notifier.newFindings(audit);
        return new Result(watch, audit);
    }
}
