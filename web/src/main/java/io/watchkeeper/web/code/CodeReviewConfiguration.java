package io.watchkeeper.web.code;

import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.codescanner.CodeScanner;
import io.watchkeeper.codescanner.ScanOptions;
import io.watchkeeper.core.secrets.SecretHasher;
import io.watchkeeper.core.secrets.SecretDetector;
import io.watchkeeper.core.secrets.SecretRules;
import io.watchkeeper.core.code.CodeReviewStore;
import io.watchkeeper.core.inventory.AccessKeyDirectory;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.db.JooqCodeReviewStore;
import io.watchkeeper.github.GitHubSessionFactory;
import io.watchkeeper.web.WatchkeeperProperties;
import io.watchkeeper.web.service.CodeReviews;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires pull-request scanning: the store, the sealed webhook secret, the queue (worked on by every
 * server node), the fetcher and the scanner (same rules and hash key as {@code code scan}, secrets and IaC
 * judged by the checks of live configuration).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CodeReviewProperties.class)
public class CodeReviewConfiguration {

    @Bean
    CodeReviewStore codeReviewStore(DSLContext dsl) {
        return new JooqCodeReviewStore(dsl);
    }

    @Bean
    WebhookSecrets webhookSecrets(CodeReviewStore store, KeySealer sealer) {
        return new WebhookSecrets(store, sealer);
    }

    @Bean
    WebhookIntake webhookIntake(CodeReviewStore store, PlatformTransactionManager transactions,
                                ObjectProvider<CodeJobWorker> worker) {
        return new WebhookIntake(store, transactions, () -> worker.ifAvailable(CodeJobWorker::nudge));
    }

    @Bean
    GitHubAccountsByOrg gitHubAccountsByOrg(AccountStore accounts, GitHubSessionFactory sessions) {
        return new GitHubAccountsByOrg(accounts, sessions);
    }

    @Bean
    PullRequestReviewer pullRequestReviewer(CodeReviewStore store, GitHubAccountsByOrg accounts,
                                            WatchkeeperProperties properties, CodeReviewProperties review,
                                            AccessKeyDirectory inventory,
                                            io.watchkeeper.core.inventory.LiveConfigDirectory liveConfigs) {
        Path home = properties.home();
        // built at the first pull request: command-line runs never make the hash key or compile the rules
        java.util.function.Supplier<CodeScanner> scanner = new java.util.function.Supplier<>() {
            private CodeScanner built;

            @Override
            public synchronized CodeScanner get() {
                if (built == null) {
                    built = CodeScanner.builder(new SecretDetector(SecretRules.builtIn(), 4096),
                                    SecretHasher.fromFile(home.resolve(SecretHasher.KEY_FILE), true),
                                    ScanOptions.defaults().withThreads(Math.max(1, Math.min(4,
                                            Runtime.getRuntime().availableProcessors()))))
                            .inventory(inventory)
                            .iac(new io.watchkeeper.codescanner.iac.IacAnalyzer(io.watchkeeper.auditors.CheckRegistry.discover(),
                                    liveConfigs))
                            // Java vulnerabilities too: flows the pull request adds, with their source-to-sink path
                            .taint(new io.watchkeeper.codescanner.taint.JavaTaintAnalyzer(io.watchkeeper.codescanner.taint.TaintModel.builtIn(),
                                    io.watchkeeper.codescanner.taint.JavaTaintAnalyzer.Limits.DEFAULT))
                            .build();
                }
                return built;
            }
        };
        return new PullRequestReviewer(store, accounts, new RepoFetcher(home.resolve("code-repos"), review.cloneUrl(),
                review.maxFetchBytes(), review.fetchTimeout()),
                scanner, review, properties.notifications().consoleUrl());
    }

    @Bean
    CommentCommands commentCommands(CodeReviewStore store, GitHubAccountsByOrg accounts, CodeReviews reviews,
                                    CodeReviewProperties review, WatchkeeperProperties properties) {
        return new CommentCommands(store, accounts, reviews, review.roles());
    }

    @Bean
    Rejudger rejudger(CodeReviewStore store, GitHubAccountsByOrg accounts, CodeReviewProperties review,
                      WatchkeeperProperties properties, io.watchkeeper.core.audit.AuditLog audit) {
        return new Rejudger(store, accounts, new CheckConclusions(store, review, properties.notifications().consoleUrl()),
                audit);
    }

    @Bean
    @ConditionalOnWebApplication
    CodeJobWorker codeJobWorker(CodeReviewStore store, PullRequestReviewer reviewer, CommentCommands commands,
                                Rejudger rejudger, CodeReviewProperties review) {
        return new CodeJobWorker(store, job -> {
            switch (job.kind()) {
                case "pull-request" -> reviewer.review(Json.read(job.payload(), WebhookEvent.PullRequestEvent.class));
                case "command" -> commands.handle(Json.read(job.payload(), WebhookEvent.CommandEvent.class));
                case RejudgeJob.KIND -> rejudger.run(Json.read(job.payload(), RejudgeJob.class));
                default -> throw new IllegalStateException("unknown job kind " + job.kind());
            }
        }, ManagementFactory.getRuntimeMXBean().getName(), review.threads(), review.poll(), review.stale(),
                review.maxAttempts());
    }
}
