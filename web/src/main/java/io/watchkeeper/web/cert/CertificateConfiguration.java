package io.watchkeeper.web.cert;

import io.watchkeeper.certmanager.Authorities;
import io.watchkeeper.certmanager.CertificateImports;
import io.watchkeeper.certmanager.Issuance;
import io.watchkeeper.certmanager.KeyExport;
import io.watchkeeper.certmanager.Revocations;
import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.certmanager.keys.KeystoreKeyWrapper;
import io.watchkeeper.certmanager.keys.MasterKeyRotation;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.certmanager.acme.AcmeIssuers;
import io.watchkeeper.certmanager.acme.AcmeRegistration;
import io.watchkeeper.certmanager.acme.ChallTestSrvSolver;
import io.watchkeeper.certmanager.acme.ChallengeSolver;
import io.watchkeeper.certmanager.acme.WebrootSolver;
import io.watchkeeper.core.cert.AcmeAccountStore;
import io.watchkeeper.core.cert.AuthorityStore;
import io.watchkeeper.db.JooqAcmeAccounts;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.KeyVault;
import io.watchkeeper.db.JooqAuthorityStore;
import io.watchkeeper.db.JooqCertificateStore;
import io.watchkeeper.db.JooqKeyVault;
import io.watchkeeper.web.WatchkeeperProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the certificate manager: stores, the master keystore (opened only when a key is sealed or
 * opened), authorities, issuance, imports, revocation with CRLs, exports and master key rotation.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificateProperties.class)
public class CertificateConfiguration {

    @Bean
    AuthorityStore authorityStore(DSLContext dsl) {
        return new JooqAuthorityStore(dsl);
    }

    @Bean
    CertificateStore certificateStore(DSLContext dsl) {
        return new JooqCertificateStore(dsl);
    }

    @Bean
    KeyVault keyVault(DSLContext dsl) {
        return new JooqKeyVault(dsl);
    }

    @Bean
    io.watchkeeper.core.cert.TeamStore teamStore(DSLContext dsl) {
        return new io.watchkeeper.db.JooqTeamStore(dsl);
    }

    @Bean
    io.watchkeeper.core.cert.IssuanceQuota issuanceQuota(DSLContext dsl) {
        return new io.watchkeeper.db.JooqIssuanceQuota(dsl);
    }

    @Bean
    io.watchkeeper.core.cert.DeploymentStore deploymentStore(DSLContext dsl) {
        return new io.watchkeeper.db.JooqDeployments(dsl);
    }

    @Bean
    KeystoreKeyWrapper keystoreKeyWrapper(CertificateProperties certs, WatchkeeperProperties properties) {
        Path file = certs.masterKeystore() != null ? certs.masterKeystore() : home(properties).resolve("master-keys.p12");
        return new KeystoreKeyWrapper(file, certs.masterKeystorePasswordFile());
    }

    /**
     * The keystore wraps data keys by default; with {@code watchkeeper.certs.kms-key-id} AWS KMS does,
     * and keys wrapped by the keystore stay readable until {@code certs master-key rewrap} moves them.
     */
    @Bean
    KeySealer keySealer(KeystoreKeyWrapper wrapper, CertificateProperties certs, WatchkeeperProperties properties) {
        if (certs.kmsKeyId() == null || certs.kmsKeyId().isBlank()) {
            return new KeySealer(wrapper);
        }
        software.amazon.awssdk.services.kms.KmsClient kms = software.amazon.awssdk.services.kms.KmsClient.builder()
                .region(software.amazon.awssdk.regions.Region.of(properties.aws().homeRegion())).build();
        return new KeySealer(new io.watchkeeper.certmanager.keys.KmsKeyWrapper(kms, certs.kmsKeyId()), List.of(wrapper));
    }

    @Bean
    AcmeAccountStore acmeAccountStore(DSLContext dsl) {
        return new JooqAcmeAccounts(dsl);
    }

    @Bean
    Authorities authorities(AuthorityStore store, KeyVault vault, KeySealer sealer, AuditLog audit,
                            AcmeAccountStore acmeAccounts, CertificateProperties certs) {
        CertificateProperties.Acme acme = certs.acme();
        ChallengeSolver solver = acme.challtestsrv() != null
                ? ("dns-01".equals(acme.challenge()) ? ChallTestSrvSolver.dns01(acme.challtestsrv())
                        : ChallTestSrvSolver.http01(acme.challtestsrv()))
                : acme.webroot() != null ? new WebrootSolver(acme.webroot()) : null;
        return new Authorities(store, vault, sealer, audit, Clock.systemUTC(),
                new AcmeIssuers(acmeAccounts, vault, sealer, solver));
    }

    @Bean
    AcmeRegistration acmeRegistration(AuthorityStore store, AcmeAccountStore acmeAccounts, KeySealer sealer,
                                      AuditLog audit) {
        return new AcmeRegistration(store, acmeAccounts, sealer, audit);
    }

    @Bean
    Issuance issuance(Authorities authorities, CertificateStore store, KeySealer sealer, AuditLog audit) {
        return new Issuance(authorities, store, sealer, audit);
    }

    @Bean
    CertificateImports certificateImports(CertificateStore store, KeySealer sealer, AuditLog audit) {
        return new CertificateImports(store, sealer, audit, Clock.systemUTC());
    }

    @Bean
    Revocations revocations(Authorities authorities, AuthorityStore authorityStore, CertificateStore store, AuditLog audit,
                            CertificateProperties certs, WatchkeeperProperties properties) {
        Path crl = certs.crlDirectory() != null ? certs.crlDirectory() : home(properties).resolve("crl");
        return new Revocations(authorities, authorityStore, store, audit, crl, certs.crlLifetime(), Clock.systemUTC());
    }

    @Bean
    io.watchkeeper.certmanager.destination.Deployments deployments(io.watchkeeper.core.cert.DeploymentStore deploymentStore,
                                                                   CertificateStore store, KeyVault vault,
                                                                   KeySealer sealer, AuditLog audit,
                                                                   io.watchkeeper.aws.AwsSessionFactory aws,
                                                                   io.watchkeeper.core.model.AccountStore accounts) {
        // one session per account (its clients are reused), opened through the account's role like the watchers
        java.util.Map<String, io.watchkeeper.aws.AwsSession> sessions = new java.util.concurrent.ConcurrentHashMap<>();
        return new io.watchkeeper.certmanager.destination.Deployments(deploymentStore, store,
                vault, sealer, audit, new io.watchkeeper.certmanager.destination.Deployments.AwsClients() {
                    @Override
                    public software.amazon.awssdk.services.acm.AcmClient acm(String account, String region) {
                        return sessions.computeIfAbsent(account, name -> aws.open(accounts.require(name))).acm(region);
                    }

                    @Override
                    public software.amazon.awssdk.services.iam.IamClient iam(String account) {
                        return sessions.computeIfAbsent(account, name -> aws.open(accounts.require(name))).iam();
                    }
                });
    }

    @Bean
    io.watchkeeper.certmanager.rotation.Renewals renewals(CertificateStore store, AuthorityStore authorityStore,
                                                          Issuance issuance, Revocations revocations, AuditLog audit,
                                                          io.watchkeeper.certmanager.destination.Deployments deployments) {
        return new io.watchkeeper.certmanager.rotation.Renewals(store, authorityStore, issuance, revocations, audit,
                Clock.systemUTC(), deployments);
    }

    @Bean
    io.watchkeeper.certmanager.Discovery discovery(CertificateStore store, AuditLog audit) {
        return new io.watchkeeper.certmanager.Discovery(store, audit);
    }

    @Bean
    io.watchkeeper.certmanager.ExpiryDigest expiryDigest(CertificateStore store) {
        return new io.watchkeeper.certmanager.ExpiryDigest(store, Clock.systemUTC());
    }

    @Bean
    KeyExport keyExport(CertificateStore store, KeyVault vault, KeySealer sealer, AuditLog audit) {
        return new KeyExport(store, vault, sealer, audit);
    }

    @Bean
    MasterKeyRotation masterKeyRotation(KeySealer sealer, KeyVault vault,
                                        java.util.List<io.watchkeeper.certmanager.keys.SealedSecretSet> sealedSecrets) {
        // account secrets (GitHub tokens, App keys) and the GitHub webhook secret
        return new MasterKeyRotation(sealer, vault, sealedSecrets);
    }

    private static Path home(WatchkeeperProperties properties) {
        return properties.home() != null ? properties.home() : Path.of(System.getProperty("user.home"), ".watchkeeper");
    }
}
