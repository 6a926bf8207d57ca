package io.watchkeeper.web;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.compliance.ComplianceReports;
import io.watchkeeper.auditors.compliance.Frameworks;
import io.watchkeeper.core.compliance.ComplianceHistory;
import io.watchkeeper.db.JooqComplianceHistory;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires compliance reports: the frameworks shipped as data and the history they are decided from. */
@Configuration(proxyBeanMethods = false)
public class ComplianceConfiguration {

    @Bean
    Frameworks frameworks() {
        return Frameworks.load();
    }

    @Bean
    ComplianceHistory complianceHistory(DSLContext dsl) {
        return new JooqComplianceHistory(dsl);
    }

    @Bean
    ComplianceReports complianceReports(ComplianceHistory history, CheckRegistry checks) {
        return new ComplianceReports(history, checks);
    }
}
