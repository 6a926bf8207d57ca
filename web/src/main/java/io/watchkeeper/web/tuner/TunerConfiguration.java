package io.watchkeeper.web.tuner;

import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.db.JooqChangeAttributions;
import io.watchkeeper.db.JooqEvidenceStore;
import io.watchkeeper.db.JooqTrailLogStore;
import io.watchkeeper.db.JooqTunerChangeStore;
import io.watchkeeper.db.JooqTunerNoticeStore;
import io.watchkeeper.db.JooqTunerPlanStore;
import io.watchkeeper.db.JooqTunerSettingsStore;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.evidence.CloudTrailMapping;
import io.watchkeeper.iamtuner.evidence.CloudTrailReader;
import io.watchkeeper.iamtuner.evidence.LastAccessedCollector;
import io.watchkeeper.iamtuner.lifecycle.ChangeRunner;
import io.watchkeeper.iamtuner.lifecycle.DeniedWatch;
import io.watchkeeper.iamtuner.lifecycle.EvidenceCollector;
import io.watchkeeper.iamtuner.lifecycle.PlanMaker;
import io.watchkeeper.iamtuner.lifecycle.TunerDefaults;
import io.watchkeeper.iamtuner.plan.Planner;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import io.watchkeeper.web.WatchkeeperProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the IAM tuner over PostgreSQL. The action catalogue (22,000 actions) loads on first use, so
 * commands that never tune do not pay for it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TunerNoticeProperties.class)
public class TunerConfiguration {

    /** Not lazy: a bad owner mapping (an http webhook, a bad address) stops start-up with an error naming the setting. */
    @Bean
    OwnerDirectory tunerOwnerDirectory(TunerNoticeProperties properties) {
        return new OwnerDirectory(properties);
    }

    @Bean
    @Lazy
    TunerService tunerService(DSLContext dsl, AccountStore accounts, AwsSessionFactory aws, AuditLog audit,
                              PlatformTransactionManager transactions, TunerNoticeProperties noticeProperties,
                              OwnerDirectory owners, WatchkeeperProperties properties) {
        ActionCatalog catalog = ActionCatalog.preferring(catalogueFile(properties));
        CloudTrailMapping mapping = CloudTrailMapping.load(catalog);
        Clock clock = Clock.systemUTC();
        var evidence = new JooqEvidenceStore(dsl);
        var trails = new JooqTrailLogStore(dsl);
        var plans = new JooqTunerPlanStore(dsl);
        var changes = new JooqTunerChangeStore(dsl);
        var settings = new JooqTunerSettingsStore(dsl);
        TunerDefaults defaults = TunerDefaults.standard();
        PlanMaker planner = new PlanMaker(catalog, new Planner(catalog, mapping), evidence, trails, plans, settings, defaults, clock);
        ChangeRunner runner = new ChangeRunner(catalog, plans, changes, evidence, defaults, clock);
        EvidenceCollector collector = new EvidenceCollector(new CloudTrailReader(trails, evidence, mapping,
                CloudTrailReader.Settings.defaults(), clock),
                new LastAccessedCollector(evidence, clock, Duration.ofMinutes(2), Duration.ofSeconds(2)));
        var noticeStore = new JooqTunerNoticeStore(dsl);
        WatchkeeperProperties.Email e = properties.notifications().email();
        var mail = e.host() == null || e.host().isBlank() ? null : PlanNotices.smtp(e.host(), e.port(), e.startTls(),
                e.username(), e.password(), e.from(), noticeProperties.timeout());
        PlanNotices notices = new PlanNotices(owners, mail, noticeStore,
                properties.notifications().consoleUrl(), clock);
        return new TunerService(planner, runner, collector, plans, changes, settings, defaults, accounts, aws, audit,
                new TransactionTemplate(transactions), clock, notices, noticeStore, new JooqChangeAttributions(dsl));
    }

    /** A refreshed catalogue ({@code tuner catalogue refresh}) lives in the data folder and wins over the bundled one. */
    static java.nio.file.Path catalogueFile(WatchkeeperProperties properties) {
        java.nio.file.Path home = properties.home() != null ? properties.home()
                : java.nio.file.Path.of(System.getProperty("user.home"), ".watchkeeper");
        return home.resolve("iam-catalog.tsv");
    }

    @Bean
    CatalogueRefresh tunerCatalogueRefresh(WatchkeeperProperties properties, AuditLog audit) {
        java.nio.file.Path file = catalogueFile(properties);
        return new CatalogueRefresh(file, () -> ActionCatalog.preferring(file), audit);
    }

    @Bean
    @Lazy
    TunerJob tunerJob(TunerService service, DSLContext dsl, AccountStore accounts, AuditLog audit,
                      @Value("${watchkeeper.tuner.last-accessed:true}") boolean lastAccessed) {
        Clock clock = Clock.systemUTC();
        var changes = new JooqTunerChangeStore(dsl);
        return new TunerJob(service, new DeniedWatch(changes, new JooqEvidenceStore(dsl), clock), new JooqTunerPlanStore(dsl),
                new JooqTunerSettingsStore(dsl), TunerDefaults.standard(), accounts, audit, clock, lastAccessed);
    }
}
