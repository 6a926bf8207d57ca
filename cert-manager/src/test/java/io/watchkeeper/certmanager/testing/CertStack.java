package io.watchkeeper.certmanager.testing;

import io.watchkeeper.certmanager.Authorities;
import io.watchkeeper.certmanager.CertificateImports;
import io.watchkeeper.certmanager.Issuance;
import io.watchkeeper.certmanager.KeyExport;
import io.watchkeeper.certmanager.Revocations;
import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.certmanager.keys.KeystoreKeyWrapper;
import io.watchkeeper.certmanager.keys.MasterKeyRotation;
import io.watchkeeper.db.JooqAuditLog;
import io.watchkeeper.db.JooqAuthorityStore;
import io.watchkeeper.db.JooqCertificateStore;
import io.watchkeeper.db.JooqKeyVault;
import io.watchkeeper.db.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import java.time.Clock;
import java.time.Duration;

/** The certificate manager wired on a fresh real database, as the application wires it. */
public final class CertStack {

    public final TestDatabase db = TestDatabase.fresh();
    public final DSLContext dsl;
    public final JooqAuthorityStore authorityStore;
    public final JooqCertificateStore certificates;
    public final JooqKeyVault vault;
    public final JooqAuditLog audit;
    public final KeystoreKeyWrapper wrapper;
    public final KeySealer sealer;
    public final Authorities authorities;
    public final Issuance issuance;
    public final CertificateImports imports;
    public final Revocations revocations;
    public final KeyExport export;
    public final MasterKeyRotation rotation;

    public CertStack(Path home) {
        this(home, false);
    }

    /**
     * @param keptConnection use one open connection (as a pool would) instead of one connection per
     *        statement; single-threaded use only (the benchmark)
     */
    public CertStack(Path home, boolean keptConnection) {
        try {
            dsl = keptConnection ? DSL.using(db.dataSource().getConnection(), SQLDialect.POSTGRES) : db.dsl();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        authorityStore = new JooqAuthorityStore(dsl);
        certificates = new JooqCertificateStore(dsl);
        vault = new JooqKeyVault(dsl);
        audit = new JooqAuditLog(dsl);
        Clock clock = Clock.systemUTC();
        wrapper = new KeystoreKeyWrapper(home.resolve("master-keys.p12"), null);
        sealer = new KeySealer(wrapper);
        authorities = new Authorities(authorityStore, vault, sealer, audit, clock);
        issuance = new Issuance(authorities, certificates, sealer, audit);
        imports = new CertificateImports(certificates, sealer, audit, clock);
        revocations = new Revocations(authorities, authorityStore, certificates, audit, home.resolve("crl"),
                Duration.ofDays(7), clock);
        export = new KeyExport(certificates, vault, sealer, audit);
        rotation = new MasterKeyRotation(sealer, vault);
    }
}
