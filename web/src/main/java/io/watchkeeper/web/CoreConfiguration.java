package io.watchkeeper.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.item.ItemReader;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.watch.WatchIntervalStore;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.core.access.ApiTokenStore;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.audit.AuditLogReader;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqApiTokenStore;
import io.watchkeeper.db.JooqAuditLogReader;
import io.watchkeeper.db.JooqUserStore;
import io.watchkeeper.db.JooqAuditLog;
import io.watchkeeper.db.JooqItemReader;
import io.watchkeeper.db.JooqScopeLeases;
import io.watchkeeper.db.JooqSnapshotStore;
import io.watchkeeper.db.JooqWatchIntervalStore;
import io.watchkeeper.db.JooqWatchRunStore;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatchSettings;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.aws.AwsSettings;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free modules: stores, plugin registries, provider sessions, the pipeline. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WatchkeeperProperties.class)
public class CoreConfiguration {

    /**
     * jOOQ's execute logging wraps every query in a listener that renders and formats the SQL for the
     * debug log; the console's per-request queries do not need it.
     */
    @Bean
    org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer jooqQuietExecution() {
        return configuration -> configuration.settings().withExecuteLogging(false);
    }

    @Bean
    AccountStore accountStore(DSLContext dsl) {
        return new JooqAccountStore(dsl);
    }

    @Bean
    ItemReader itemReader(DSLContext dsl) {
        return new JooqItemReader(dsl);
    }

    @Bean
    io.watchkeeper.core.inventory.AccessKeyDirectory accessKeyDirectory(DSLContext dsl) {
        return new io.watchkeeper.db.JooqAccessKeyDirectory(dsl);
    }

    @Bean
    io.watchkeeper.core.inventory.LiveConfigDirectory liveConfigDirectory(DSLContext dsl) {
        return new io.watchkeeper.db.JooqLiveConfigDirectory(dsl);
    }

    @Bean
    AuditLog auditLog(DSLContext dsl) {
        return new JooqAuditLog(dsl);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // {bcrypt} by default
    }

    @Bean
    AuditLogReader auditLogReader(DSLContext dsl) {
        return new JooqAuditLogReader(dsl);
    }

    @Bean
    UserStore userStore(DSLContext dsl) {
        return new JooqUserStore(dsl);
    }

    @Bean
    ApiTokenStore apiTokenStore(DSLContext dsl) {
        return new JooqApiTokenStore(dsl);
    }

    @Bean
    WatchIntervalStore watchIntervalStore(DSLContext dsl) {
        return new JooqWatchIntervalStore(dsl);
    }

    @Bean
    WatcherRegistry watcherRegistry() {
        return WatcherRegistry.discover();
    }

    @Bean
    WatchMetrics watchMetrics(MeterRegistry registry) {
        return new MicrometerWatchMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    AwsSessionFactory awsSessionFactory(WatchkeeperProperties properties, WatchMetrics metrics) {
        WatchkeeperProperties.Aws aws = properties.aws();
        return new AwsSessionFactory(new AwsSettings(aws.regions(), aws.homeRegion(), aws.maxCallsInFlightPerAccount(),
                aws.maxConnections(), aws.callTimeout(), aws.maxAttempts()), metrics);
    }

    @Bean
    WatchRunner watchRunner(WatcherRegistry registry, List<io.watchkeeper.core.watch.SessionFactory> providers, DSLContext dsl,
                            WatchMetrics metrics,
                            WatchkeeperProperties properties, javax.sql.DataSource dataSource) {
        WatchkeeperProperties.Watch watch = properties.watch();
        String holder = ManagementFactory.getRuntimeMXBean().getName();
        // secrets found in user data and Lambda environments are hashed with the code scanner's key (one hash per
        // secret across code and cloud); the key file is made on the first secret found, not at startup
        java.nio.file.Path keyFile = properties.home().resolve(io.watchkeeper.core.secrets.SecretHasher.KEY_FILE);
        io.watchkeeper.core.secrets.ConfigSecrets.useKey(() -> io.watchkeeper.core.secrets.SecretHasher.fromFile(keyFile, true));
        // one session factory per provider (AWS here, GCP and GitHub in their configurations)
        return new WatchRunner(registry, providers, new JooqSnapshotStore(dsl), new JooqWatchRunStore(dsl),
                // leases hold their own connection from the pool, outside any Spring transaction
                new JooqScopeLeases(org.jooq.impl.DSL.using(dataSource, org.jooq.SQLDialect.POSTGRES)), metrics, new WatchSettings(watch.maxConcurrentScopes(), watch.leaseTtl(),
                        watch.busyWait(), 1 << 20, holder));
    }
}
