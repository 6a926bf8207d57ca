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
import java.time.Clock;
import java.time.Duration;

/** The certificate manager wired on a fresh real database, as the application wires it. */
public final class CertStack {

    public final TestDatabase db = TestDatabase.fresh();
    public final JooqAuthorityStore authorityStore = new JooqAuthorityStore(db.dsl());
    public final JooqCertificateStore certificates = new JooqCertificateStore(db.dsl());
    public final JooqKeyVault vault = new JooqKeyVault(db.dsl());
    public final JooqAuditLog audit = new JooqAuditLog(db.dsl());
    public final KeystoreKeyWrapper wrapper;
    public final KeySealer sealer;
    public final Authorities authorities;
    public final Issuance issuance;
    public final CertificateImports imports;
    public final Revocations revocations;
    public final KeyExport export;
    public final MasterKeyRotation rotation;

    public CertStack(Path home) {
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
