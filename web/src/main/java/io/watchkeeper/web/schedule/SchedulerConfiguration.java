package io.watchkeeper.web.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.watch.WatchIntervalStore;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.web.Scanner;
import io.watchkeeper.web.remediation.RemediationService;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.web.WatchkeeperProperties;
import java.lang.management.ManagementFactory;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scheduler node (serve mode) and the schedule client (every mode). */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    @Bean
    WatchScheduling watchScheduling(AccountStore accounts, WatchIntervalStore intervals, WatcherRegistry watchers,
                                    Scanner scanner, WatchkeeperProperties properties) {
        return new WatchScheduling(accounts, intervals, watchers,
                request -> scanner.watch(request, WatchProgress.NONE).watch(), properties.watch().defaultInterval(),
                properties.scheduler().reconcileInterval());
    }

    @Bean
    SchedulerClient schedulerClient(WatchScheduling scheduling, DataSource dataSource) {
        return scheduling.newClient(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = "watchkeeper.scheduler.enabled", havingValue = "true")
    SchedulerNode schedulerNode(WatchScheduling scheduling, DataSource dataSource, WatchkeeperProperties properties,
                                RemediationService remediations, CatalogAudit catalogAudit,
                                io.watchkeeper.web.notify.Notifier notifier,
                                io.watchkeeper.certmanager.rotation.Renewals renewals,
                                io.watchkeeper.certmanager.ExpiryDigest expiry,
                                org.springframework.beans.factory.ObjectProvider<io.watchkeeper.web.tuner.TunerJob> tuner,
                                @org.springframework.beans.factory.annotation.Value("${watchkeeper.tuner.interval-minutes:360}")
                                int tunerMinutes) {
        WatchkeeperProperties.Scheduler s = properties.scheduler();
        var remediate = Tasks.recurring("remediate", FixedDelay.of(properties.remediation().interval()))
                .execute((instance, context) -> remediations.runAutomatic("job:remediator"));
        var catalog = Tasks.recurring("check-catalog-audit", FixedDelay.of(s.reconcileInterval()))
                .execute((instance, context) -> catalogAudit.runIfCatalogChanged());
        var digest = Tasks.recurring("daily-digest", FixedDelay.ofMinutes(15))
                .execute((instance, context) -> {
                    notifier.dailyDigest();
                    notifier.certificateExpiry(expiry, java.time.Duration.ofDays(30));
                });
        // one node at a time renews what is due; each renewal is exactly-once by its idempotency key anyway
        var renew = Tasks.recurring("certificate-renewal", FixedDelay.ofMinutes(5))
                .execute((instance, context) -> notifier.renewalFailures(renewals.sweep(500, "job:certificate-renewal")));
        // IAM tuner: fresh evidence, AccessDenied after changes; applies only where an account turned it on
        var tune = Tasks.recurring("iam-tuner", FixedDelay.ofMinutes(Math.max(5, tunerMinutes)))
                .execute((instance, context) -> tuner.getObject().run());
        return new SchedulerNode(scheduling.newScheduler(dataSource, s.threads(), s.pollingInterval(),
                ManagementFactory.getRuntimeMXBean().getName(), remediate, catalog, digest, renew, tune));
    }

    @Bean
    CatalogAudit catalogAudit(io.watchkeeper.auditors.AuditEngine engine, org.jooq.DSLContext dsl) {
        return new CatalogAudit(engine, new io.watchkeeper.db.JooqAppState(dsl));
    }

    /** Starts the node with the application and stops it before the database goes away. */
    static final class SchedulerNode implements SmartLifecycle {
        private final Scheduler scheduler;
        private volatile boolean running;

        SchedulerNode(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            scheduler.stop();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
