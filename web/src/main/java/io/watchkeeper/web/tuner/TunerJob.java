package io.watchkeeper.web.tuner;

import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.tuner.TunerPlan;
import io.watchkeeper.core.tuner.TunerPlanStore;
import io.watchkeeper.core.tuner.TunerSettingsStore;
import io.watchkeeper.iamtuner.lifecycle.DeniedWatch;
import io.watchkeeper.iamtuner.lifecycle.EvidenceCollector;
import io.watchkeeper.iamtuner.lifecycle.TunerDefaults;
import io.watchkeeper.web.security.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tuner's scheduled work (db-scheduler, one node at a time): fresh evidence for every active AWS
 * account, then AccessDenied on removed actions after a change (an alert in the audit log, and a restore
 * of the previous documents where the account turned automatic restore on), then scheduled plans whose
 * notice ended — applied only where the account turned automatic apply on (off by default: dry-run).
 * Every write goes through {@link TunerService} as {@code job:iam-tuner}, so it is audited like a person's.
 */
public final class TunerJob {

    private static final Logger LOG = LoggerFactory.getLogger(TunerJob.class);
    public static final String ACTOR = "job:iam-tuner";

    /** What one run did. */
    public record Run(int accounts, List<String> errors, int alerts, int restored, int applied) {}

    private final TunerService service;
    private final DeniedWatch watch;
    private final TunerPlanStore plans;
    private final TunerSettingsStore settings;
    private final TunerDefaults defaults;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean lastAccessed;

    public TunerJob(TunerService service, DeniedWatch watch, TunerPlanStore plans, TunerSettingsStore settings,
                    TunerDefaults defaults, AccountStore accounts, AuditLog audit, Clock clock, boolean lastAccessed) {
        this.service = service;
        this.watch = watch;
        this.plans = plans;
        this.settings = settings;
        this.defaults = defaults;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.lastAccessed = lastAccessed;
    }

    public Run run() {
        Caller job = new Caller(ACTOR, io.watchkeeper.core.access.Role.ADMIN, io.watchkeeper.core.access.AccountScope.ALL, "job");
        List<String> errors = new ArrayList<>();
        int n = 0;
        for (Account a : accounts.list()) {
            if (a.provider() != Provider.AWS || !a.active()) {
                continue;
            }
            n++;
            try {
                EvidenceCollector.Collected c = service.collect(a.name(), lastAccessed, job, s -> {});
                if (c.cloudTrailError() != null) {
                    errors.add(a.name() + ": " + c.cloudTrailError());
                }
            } catch (RuntimeException e) {
                errors.add(a.name() + ": " + e.getMessage());
            }
        }
        int restored = 0;
        List<DeniedWatch.Alert> alerts = watch.check();
        for (DeniedWatch.Alert alert : alerts) {
            boolean restore = defaults.resolve(settings.settings(alert.change().accountId())).autoRestore();
            audit.record(new AuditEntry(ACTOR, "tuner.denied", "tuner-change:" + alert.change().id() + "@"
                    + alert.change().accountId(), null, Json.tree(Map.of("denials", alert.denials(), "autoRestore", restore)),
                    alert.change().accountId()));
            LOG.warn("IAM tuner: AccessDenied on removed actions after change {} of {}: {}", alert.change().id(),
                    alert.change().principalArn(), alert.denials().stream().map(d -> d.action()).toList());
            if (restore && TunerService.rollbackable(alert.change())) {
                try {
                    service.rollback(alert.change().id(), "AccessDenied on " + alert.denials().stream().map(d -> d.action())
                            .distinct().toList() + " after the change", job);
                    restored++;
                } catch (RuntimeException e) {
                    errors.add("restore of change " + alert.change().id() + ": " + e.getMessage());
                }
            }
        }
        int applied = 0;
        for (TunerPlan p : plans.due(clock.instant(), 50)) {
            if (!defaults.resolve(settings.settings(p.accountId())).autoApply()) {
                continue;
            }
            try {
                service.apply(p.id(), false, job, s -> {});
                applied++;
            } catch (RuntimeException e) {
                errors.add("plan " + p.id() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            LOG.warn("IAM tuner run: {}", errors);
        }
        return new Run(n, errors, alerts.size(), restored, applied);
    }
}
