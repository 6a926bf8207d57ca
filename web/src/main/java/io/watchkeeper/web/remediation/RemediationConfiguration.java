package io.watchkeeper.web.remediation;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.auditors.RemediationRegistry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.remediation.RemediationStore;
import io.watchkeeper.core.watch.SessionFactory;
import io.watchkeeper.db.JooqAuditStore;
import io.watchkeeper.db.JooqRemediationStore;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.web.WatchkeeperProperties;
import io.watchkeeper.web.notify.Notifier;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires remediations: the workflow service and the settings service, over one store. */
@Configuration(proxyBeanMethods = false)
public class RemediationConfiguration {

    @Bean
    RemediationRegistry remediationRegistry() {
        return RemediationRegistry.discover();
    }

    @Bean
    RemediationStore remediationStore(DSLContext dsl) {
        return new JooqRemediationStore(dsl);
    }

    @Bean
    RemediationSettings remediationSettings(RemediationRegistry registry, RemediationStore store, AccountStore accounts,
                                            AuditLog auditLog, PlatformTransactionManager transactions,
                                            WatchkeeperProperties properties) {
        return new RemediationSettings(registry, store, accounts, auditLog, new TransactionTemplate(transactions),
                properties.remediation().killSwitch());
    }

    @Bean
    RemediationService remediationService(RemediationRegistry registry, RemediationStore store,
                                          RemediationSettings settings, DSLContext dsl, FindingReader findings,
                                          AccountStore accounts, List<SessionFactory> sessionFactories, WatchRunner runner,
                                          WatcherRegistry watchers, AuditEngine engine, AuditLog auditLog,
                                          PlatformTransactionManager transactions, Notifier notifier) {
        ResourceWatch resources = new ResourceWatch(new JooqAuditStore(dsl), accounts, runner, watchers, engine);
        RemediationSteps steps = new RemediationSteps(store, auditLog, new TransactionTemplate(transactions), accounts,
                sessionFactories);
        return new RemediationService(registry, store, settings, findings, resources, accounts, steps,
                notifier::awaitingApproval);
    }
}
