package io.watchkeeper.web.github;

import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.certmanager.keys.SealedAccountSecrets;
import io.watchkeeper.core.github.EtagCache;
import io.watchkeeper.core.github.GitHubAccessStore;
import io.watchkeeper.core.secret.AccountSecrets;
import io.watchkeeper.db.JooqAccountSecrets;
import io.watchkeeper.db.JooqEtagCache;
import io.watchkeeper.db.JooqGitHubAccessStore;
import io.watchkeeper.github.GitHubSessionFactory;
import io.watchkeeper.github.GitHubSettings;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires GitHub access: the sealed account secrets (envelope encryption of the certificate manager),
 * how each organisation is reached, the conditional-request cache, and the session factory the
 * watch pipeline uses for GitHub accounts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GitHubProperties.class)
public class GitHubConfiguration {

    @Bean
    AccountSecrets accountSecrets(DSLContext dsl) {
        return new JooqAccountSecrets(dsl);
    }

    @Bean
    SealedAccountSecrets sealedAccountSecrets(KeySealer sealer, AccountSecrets store) {
        return new SealedAccountSecrets(sealer, store);
    }

    @Bean
    GitHubAccessStore gitHubAccessStore(DSLContext dsl) {
        return new JooqGitHubAccessStore(dsl);
    }

    @Bean
    EtagCache etagCache(DSLContext dsl) {
        return new JooqEtagCache(dsl);
    }

    @Bean(destroyMethod = "close")
    GitHubSessionFactory gitHubSessionFactory(GitHubAccessStore access, SealedAccountSecrets secrets, EtagCache cache,
                                              GitHubProperties p) {
        return new GitHubSessionFactory(access, secrets, cache, new GitHubSettings(p.maxAttempts(), p.maxWait(),
                p.tokenRefreshMargin(), p.callTimeout(), p.cacheLifetime(), p.maxPages(), p.recheck()), Clock.systemUTC());
    }
}
