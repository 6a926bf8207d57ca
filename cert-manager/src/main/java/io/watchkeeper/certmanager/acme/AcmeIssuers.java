package io.watchkeeper.certmanager.acme;

import io.watchkeeper.certmanager.keys.KeySealer;
import io.watchkeeper.core.cert.AcmeAccount;
import io.watchkeeper.core.cert.AcmeAccountStore;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.KeyVault;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.io.IOException;
import java.io.StringReader;
import java.security.KeyPair;
import java.security.PublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Opens the {@link AcmeIssuer} of an ACME authority: its account, its unsealed account key, the solver. */
public final class AcmeIssuers {

    private final AcmeAccountStore accounts;
    private final KeyVault vault;
    private final KeySealer sealer;
    private final ChallengeSolver solver;

    private final AcmeAddressGuard.Network network;

    public AcmeIssuers(AcmeAccountStore accounts, KeyVault vault, KeySealer sealer, ChallengeSolver solver) {
        this(accounts, vault, sealer, solver, AcmeAddressGuard.Network.SYSTEM);
    }

    public AcmeIssuers(AcmeAccountStore accounts, KeyVault vault, KeySealer sealer, ChallengeSolver solver,
                       AcmeAddressGuard.Network network) {
        this.network = network;
        this.accounts = accounts;
        this.vault = vault;
        this.sealer = sealer;
        this.solver = solver;
    }

    public AcmeIssuer open(Authority authority) {
        AcmeAccount account = accounts.find(authority.id()).orElseThrow(() -> new WatchkeeperException(
                ErrorCategory.INTERNAL, "ACME authority '" + authority.name() + "' has no account"));
        if (solver == null) {
            throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, "no ACME challenge solver is configured "
                    + "(watchkeeper.certs.acme.webroot or watchkeeper.certs.acme.challtestsrv)");
        }
        KeyOwner owner = KeyOwner.authority(authority.id());
        var sealed = vault.find(owner).orElseThrow(() -> new WatchkeeperException(ErrorCategory.INTERNAL,
                "the account key of ACME authority '" + authority.name() + "' is missing"));
        KeyPair key = new KeyPair(publicKey(account.accountPublicKeyPem()), sealer.open(sealed, owner));
        return new AcmeIssuer(authority, account, key, solver, network);
    }

    private static PublicKey publicKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaPEMKeyConverter().getPublicKey((SubjectPublicKeyInfo) parser.readObject());
        } catch (IOException | ClassCastException e) {
            throw new WatchkeeperException(ErrorCategory.INTERNAL, "stored ACME account key is unreadable", e);
        }
    }
}
