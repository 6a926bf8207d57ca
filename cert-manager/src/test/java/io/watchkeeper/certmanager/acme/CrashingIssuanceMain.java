package io.watchkeeper.certmanager.acme;

import io.watchkeeper.certmanager.Authorities;
import io.watchkeeper.certmanager.Issuance;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.certmanager.keys.KeystoreKeyWrapper;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.db.JooqAcmeAccounts;
import io.watchkeeper.db.JooqAuditLog;
import io.watchkeeper.db.JooqAuthorityStore;
import io.watchkeeper.db.JooqCertificateStore;
import io.watchkeeper.db.JooqKeyVault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.shredzone.acme4j.challenge.Challenge;

/**
 * A separate process that starts an ACME issuance and is killed ({@code Runtime.halt}: no finally
 * blocks, no shutdown hooks) as soon as the order exists — the crash test's victim.
 * Arguments: jdbc url, master keystore path, challenge server management URL, authority, idempotency key.
 */
public final class CrashingIssuanceMain {

    private CrashingIssuanceMain() {}

    public static void main(String[] args) throws Exception {
        DSLContext dsl = DSL.using(java.sql.DriverManager.getConnection(args[0], "postgres", ""), SQLDialect.POSTGRES);
        KeySealer sealer = new KeySealer(new KeystoreKeyWrapper(Path.of(args[1]), null));
        ChallengeSolver real = ChallTestSrvSolver.http01(URI.create(args[2]));
        ChallengeSolver killing = new ChallengeSolver() {
            @Override
            public String type() {
                return real.type();
            }

            @Override
            public void present(String domain, Challenge challenge) {
                Runtime.getRuntime().halt(137); // killed between order and storage
            }

            @Override
            public void cleanup(String domain, Challenge challenge) {
            }
        };
        JooqKeyVault vault = new JooqKeyVault(dsl);
        JooqAuditLog audit = new JooqAuditLog(dsl);
        Authorities authorities = new Authorities(new JooqAuthorityStore(dsl), vault, sealer, audit, Clock.systemUTC(),
                new AcmeIssuers(new JooqAcmeAccounts(dsl), vault, sealer, killing));
        new Issuance(authorities, new JooqCertificateStore(dsl), sealer, audit).request(args[3],
                new CertificateRequest(null, List.of("killed.example.test"), List.of(), KeyType.EC_P256, null, Ownership.none()),
                new KeySource.Generate(KeyType.EC_P256), args[4], null, "victim");
        System.exit(3); // not reached when the kill works
    }
}
