package io.watchkeeper.web;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.dashboard.DashboardReader;
import io.watchkeeper.core.finding.FindingOwners;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingTriage;
import io.watchkeeper.db.JooqAuditStore;
import io.watchkeeper.db.JooqDashboardReader;
import io.watchkeeper.db.JooqFindingOwners;
import io.watchkeeper.db.JooqFindingReader;
import io.watchkeeper.db.JooqFindingTriage;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the auditors: check registry, engine, findings. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    CheckRegistry checkRegistry() {
        return CheckRegistry.discover();
    }

    @Bean
    AuditEngine auditEngine(CheckRegistry checks, DSLContext dsl, WatchkeeperProperties properties, GcpProperties gcp) {
        return new AuditEngine(checks, new JooqAuditStore(dsl), properties.audit().trustedNetworks(), gcp.trustedDomains(),
                gcp.trustedProjects(), Clock.systemUTC());
    }

    @Bean
    FindingReader findingReader(DSLContext dsl) {
        return new JooqFindingReader(dsl);
    }

    @Bean
    FindingTriage findingTriage(DSLContext dsl) {
        return new JooqFindingTriage(dsl);
    }

    @Bean
    FindingOwners findingOwners(DSLContext dsl) {
        return new JooqFindingOwners(dsl);
    }

    @Bean
    DashboardReader dashboardReader(DSLContext dsl) {
        return new JooqDashboardReader(dsl);
    }

    @Bean
    Scanner scanner(io.watchkeeper.watchers.WatchRunner runner, AuditEngine engine,
                    io.watchkeeper.web.notify.Notifier notifier) {
        return new Scanner(runner, engine, notifier);
    }
}
