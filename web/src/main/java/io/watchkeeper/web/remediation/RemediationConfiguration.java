package io.watchkeeper.web.remediation;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.auditors.RemediationRegistry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.db.JooqAuditStore;
import io.watchkeeper.db.JooqRemediationStore;
import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.web.WatchkeeperProperties;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires remediations. */
@Configuration(proxyBeanMethods = false)
public class RemediationConfiguration {

    @Bean
    RemediationRegistry remediationRegistry() {
        return RemediationRegistry.discover();
    }

    @Bean
    RemediationService remediationService(RemediationRegistry registry, DSLContext dsl, FindingReader findings,
                                          AccountStore accounts, AwsSessionFactory aws, WatchRunner runner,
                                          WatcherRegistry watchers, AuditEngine engine, AuditLog auditLog,
                                          WatchkeeperProperties properties, io.watchkeeper.web.notify.Notifier notifier) {
        return new RemediationService(registry, new JooqRemediationStore(dsl), findings, new JooqAuditStore(dsl),
                accounts, aws, runner, watchers, engine, auditLog, properties.remediation().killSwitch(), notifier::awaitingApproval);
    }
}
