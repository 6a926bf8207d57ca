package io.watchkeeper.certmanager;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static io.watchkeeper.db.jooq.Tables.CERTIFICATE;
import static io.watchkeeper.db.jooq.Tables.CERT_AUTHORITY;
import static io.watchkeeper.db.jooq.Tables.ISSUANCE_REQUEST;
import static io.watchkeeper.db.jooq.Tables.PRIVATE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.certmanager.ca.CaMaterial;
import io.watchkeeper.certmanager.ca.InternalCa;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.testing.CertStack;
import io.watchkeeper.certmanager.testing.Openssl;
import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authorities, issuance, import, revocation, export and master key rotation on a real PostgreSQL. */
class CertificateLifecycleTest {

    @TempDir
    Path home;

    private static final AuthorityPolicy POLICY = new AuthorityPolicy(Duration.ofDays(90), Duration.ofDays(30),
            List.of("example.com"), false, true, Set.of(), "http://crl.example.com/issuing.crl");

    private static CertificateRequest request(String cn) {
        return new CertificateRequest(cn, List.of(), List.of(), null, null, Ownership.none());
    }

    private record Pki(CertStack stack, Authority root, Authority issuing) {}

    private Pki pki() {
        CertStack stack = new CertStack(home);
        Authority root = stack.authorities.createRoot("root", "Watchkeeper Test Root", KeyType.EC_P384,
                Duration.ofDays(3650), AuthorityPolicy.defaults(), true, "cli:admin");
        Authority issuing = stack.authorities.createIntermediate("issuing", "root", "Watchkeeper Test Issuing",
                KeyType.EC_P256, Duration.ofDays(365), POLICY, false, "cli:admin");
        return new Pki(stack, root, issuing);
    }

    @Test
    void issuedCertificatesVerifyAndTheirKeysAreNeverStoredInPlaintext() throws Exception {
        Pki pki = pki();
        CertStack s = pki.stack();
        StoredCertificate cert = s.issuance.request("issuing", request("www.example.com"),
                new KeySource.Generate(KeyType.EC_P256), "req-1", null, "cli:alice").certificate();
        assertThat(cert.hasPrivateKey()).isTrue();
        assertThat(cert.chainPem()).hasSize(2);
        assertThat(cert.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(pki.issuing().parentId()).isEqualTo(pki.root().id());

        Files.writeString(home.resolve("root.pem"), pki.root().certificatePem());
        Files.writeString(home.resolve("intermediate.pem"), pki.issuing().certificatePem());
        Files.writeString(home.resolve("leaf.pem"), cert.certificatePem());
        assertThat(Openssl.run(home, "verify", "-CAfile", "root.pem", "-untrusted", "intermediate.pem", "leaf.pem").output())
                .contains("leaf.pem: OK");

        // the key, opened through an audited PEM export, is the certificate's key...
        byte[] pem = s.export.export(cert.id(), ExportFormat.PEM, true, null, "test", "cli:alice");
        PrivateKey key = Pem.privateKey(new String(pem, StandardCharsets.US_ASCII).substring(
                new String(pem, StandardCharsets.US_ASCII).indexOf("-----BEGIN PRIVATE KEY")), "export");
        X509Certificate leaf = Pem.certificates(cert.certificatePem(), "leaf").getFirst();
        assertThat(Keys.matches(key, leaf.getPublicKey())).isTrue();
        // ...and appears nowhere in the database: not as PEM, base64 or hex, in any table
        String keyBase64 = Base64.getEncoder().encodeToString(key.getEncoded());
        String keyHex = java.util.HexFormat.of().formatHex(key.getEncoded());
        String everything = dumpDatabase(s);
        assertThat(everything).contains(cert.metadata().serial());
        assertThat(everything).doesNotContain("PRIVATE KEY", keyBase64.substring(0, 40), keyBase64.substring(40, 80),
                keyHex.substring(0, 60), keyHex.substring(keyHex.length() - 60));
        assertThat(s.db.dsl().fetchCount(PRIVATE_KEY)).isEqualTo(3); // two CAs and the leaf
        assertThat(s.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("certificate.key.export"))).isEqualTo(1);
        assertThat(s.certificates.events(cert.id())).extracting(e -> e.event()).containsExactly("issued", "key-exported");
    }

    private static String dumpDatabase(CertStack s) {
        StringBuilder sb = new StringBuilder();
        for (var table : List.of(PRIVATE_KEY, CERTIFICATE, CERT_AUTHORITY, ISSUANCE_REQUEST, AUDIT_LOG)) {
            s.db.dsl().resultQuery("select row_to_json(t)::text from " + table.getName() + " t")
                    .fetch().forEach(r -> sb.append(r.get(0, String.class)).append('\n'));
        }
        return sb.toString();
    }

    @Test
    void anIdempotencyKeyIssuesOnce() {
        Pki pki = pki();
        CertStack s = pki.stack();
        Issuance.Result first = s.issuance.request("issuing", request("a.example.com"),
                new KeySource.Generate(KeyType.EC_P256), "same-key", null, "cli:alice");
        Issuance.Result retry = s.issuance.request("issuing", request("a.example.com"),
                new KeySource.Generate(KeyType.EC_P256), "same-key", null, "cli:alice");
        assertThat(first.alreadyIssued()).isFalse();
        assertThat(retry.alreadyIssued()).isTrue();
        assertThat(retry.certificate().id()).isEqualTo(first.certificate().id());
        assertThat(s.db.dsl().fetchCount(CERTIFICATE)).isEqualTo(1);
    }

    @Test
    void csrRequestsKeepTheKeyWithTheRequester() throws Exception {
        Pki pki = pki();
        KeyPair pair = Keys.generate(KeyType.RSA_2048);
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=svc.example.com"),
                pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
        StoredCertificate cert = pki.stack().issuance.request("issuing", request("svc.example.com"),
                new KeySource.Csr(csr), "csr-1", null, "cli:alice").certificate();
        assertThat(cert.hasPrivateKey()).isFalse();
        assertThat(cert.metadata().keyAlgorithm()).isEqualTo("RSA");
        assertThat(Pem.certificates(cert.certificatePem(), "x").getFirst().getPublicKey()).isEqualTo(pair.getPublic());
        assertThatThrownBy(() -> pki.stack().export.export(cert.id(), ExportFormat.PKCS12, true, "password1".toCharArray(),
                "x", "cli:alice")).hasMessageContaining("does not hold the private key");

        // a CSR signed by another key is refused, nothing stored
        KeyPair other = Keys.generate(KeyType.EC_P256);
        byte[] tampered = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=svc.example.com"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(other.getPrivate())).getEncoded();
        assertThatThrownBy(() -> pki.stack().issuance.request("issuing", request("svc.example.com"),
                new KeySource.Csr(new PKCS10CertificationRequest(tampered)), "csr-2", null, "cli:alice"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("signature does not verify");
        // a CSR with a key the authority cannot issue for (RSA 1024) is refused
        java.security.KeyPairGenerator weak = java.security.KeyPairGenerator.getInstance("RSA");
        weak.initialize(1024);
        KeyPair weakPair = weak.generateKeyPair();
        PKCS10CertificationRequest weakCsr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=svc.example.com"),
                weakPair.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(weakPair.getPrivate()));
        assertThatThrownBy(() -> pki.stack().issuance.request("issuing", request("svc.example.com"),
                new KeySource.Csr(weakCsr), "csr-3", null, "cli:alice")).hasMessageContaining("unsupported key RSA 1024");
        assertThatThrownBy(() -> Pem.csr("-----BEGIN CERTIFICATE REQUEST-----\nnot base64!\n-----END CERTIFICATE REQUEST-----\n",
                "CSR")).isInstanceOf(InvalidInputException.class).hasMessageContaining("malformed PEM");
        assertThat(pki.stack().db.dsl().fetchCount(CERTIFICATE)).isEqualTo(1);
    }

    @Test
    void internalAuthoritiesNameTheirDomainsOrAllowAnyDomainExplicitly() {
        CertStack s = new CertStack(home);
        assertThatThrownBy(() -> s.authorities.createRoot("open", "Open Root", KeyType.EC_P256, Duration.ofDays(30),
                AuthorityPolicy.defaults(), false, "cli:admin"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--allow-any-domain");
        assertThatThrownBy(() -> s.authorities.createRoot("both", "Both Root", KeyType.EC_P256, Duration.ofDays(30),
                POLICY, true, "cli:admin")).isInstanceOf(InvalidInputException.class).hasMessageContaining("not both");
        assertThat(s.authorityStore.list()).isEmpty();
        Authority limited = s.authorities.createRoot("limited", "Limited Root", KeyType.EC_P256, Duration.ofDays(30),
                POLICY, false, "cli:admin");
        assertThat(limited.policy().allowedDomains()).containsExactly("example.com");
        assertThatThrownBy(() -> s.authorities.createIntermediate("sub", "limited", "Sub", KeyType.EC_P256,
                Duration.ofDays(10), AuthorityPolicy.defaults(), false, "cli:admin"))
                .hasMessageContaining("--allow-any-domain");
        assertThat(s.authorities.createRoot("any", "Any Root", KeyType.EC_P256, Duration.ofDays(30),
                AuthorityPolicy.defaults(), true, "cli:admin").policy().allowedDomains()).isEmpty();
    }

    @Test
    void hostileRequestsStoreNothing() {
        Pki pki = pki();
        CertStack s = pki.stack();
        KeySource ec = new KeySource.Generate(KeyType.EC_P256);
        List<Runnable> attempts = List.of(
                () -> s.issuance.request("issuing", request("*.example.com"), ec, "h1", null, "cli:x"),
                () -> s.issuance.request("issuing", request("www.example.org"), ec, "h2", null, "cli:x"),
                () -> s.issuance.request("issuing", new CertificateRequest("a.example.com", List.of(), List.of(), null,
                        Duration.ofDays(365), Ownership.none()), ec, "h3", null, "cli:x"),
                () -> s.issuance.request("nope", request("a.example.com"), ec, "h4", null, "cli:x"),
                () -> s.issuance.request("issuing", request("a.example.com"), ec, "bad key with spaces", null, "cli:x"),
                () -> s.imports.importChain("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", null,
                        Ownership.none(), "cli:x"),
                () -> s.imports.importChain("x".repeat(Pem.MAX_CHARS + 1), null, Ownership.none(), "cli:x"),
                () -> s.imports.importChain("just text", null, Ownership.none(), "cli:x"));
        for (Runnable attempt : attempts) {
            assertThatThrownBy(attempt::run).isInstanceOf(InvalidInputException.class);
        }
        assertThat(s.db.dsl().fetchCount(CERTIFICATE)).isZero();
        assertThat(s.db.dsl().fetchCount(ISSUANCE_REQUEST)).isZero();
        assertThat(s.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.like("certificate.%"))).isZero();
    }

    @Test
    void importsAreValidatedAndKeepTheirKeySealed() throws Exception {
        CertStack s = new CertStack(home);
        Instant now = Instant.now();
        CaMaterial otherRoot = InternalCa.createRoot("Elsewhere Root", KeyType.RSA_2048, Duration.ofDays(100), now);
        CaMaterial otherIssuing = InternalCa.createIntermediate(otherRoot, "Elsewhere Issuing", KeyType.EC_P256,
                Duration.ofDays(50), null, now);
        KeyPair pair = Keys.generate(KeyType.EC_P256);
        X509Certificate leaf = InternalCa.issue(otherIssuing, POLICY, request("imported.example.com"), pair.getPublic(), now);
        String chain = Pem.encode(leaf) + Pem.encode(otherIssuing.certificate()) + Pem.encode(otherRoot.certificate());

        assertThatThrownBy(() -> s.imports.importChain(chain, Pem.encode(Keys.generate(KeyType.EC_P256).getPrivate()),
                Ownership.none(), "cli:bob")).hasMessageContaining("key/certificate mismatch");
        assertThatThrownBy(() -> s.imports.importChain(Pem.encode(leaf) + Pem.encode(otherRoot.certificate()), null,
                Ownership.none(), "cli:bob")).hasMessageContaining("broken chain");
        // an expired chain, and a weak (RSA 1024) leaf key
        X509Certificate expiring = io.watchkeeper.certmanager.ca.CertificateSigner.leaf(otherIssuing,
                new io.watchkeeper.certmanager.ca.NamePolicy.CheckedNames("old.example.com", List.of("old.example.com"),
                        List.of()), pair.getPublic(), now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), null);
        assertThatThrownBy(() -> s.imports.importChain(Pem.encode(expiring) + Pem.encode(otherIssuing.certificate()), null,
                Ownership.none(), "cli:bob")).hasMessageContaining("expired");
        java.security.KeyPairGenerator weak = java.security.KeyPairGenerator.getInstance("RSA");
        weak.initialize(1024);
        X509Certificate weakLeaf = io.watchkeeper.certmanager.ca.CertificateSigner.leaf(otherIssuing,
                new io.watchkeeper.certmanager.ca.NamePolicy.CheckedNames("weak.example.com", List.of("weak.example.com"),
                        List.of()), weak.generateKeyPair().getPublic(), now, now.plus(Duration.ofDays(1)), null);
        assertThatThrownBy(() -> s.imports.importChain(Pem.encode(weakLeaf) + Pem.encode(otherIssuing.certificate()), null,
                Ownership.none(), "cli:bob")).hasMessageContaining("RSA key of 1024 bits");
        assertThatThrownBy(() -> s.imports.importChain(chain, null, new Ownership(null, null, null, null, null, null,
                "bob\u0007"), "cli:bob")).hasMessageContaining("owner note");
        assertThat(s.db.dsl().fetchCount(CERTIFICATE)).isZero();

        StoredCertificate imported = s.imports.importChain(chain, Pem.encode(pair.getPrivate()), Ownership.none(),
                "cli:bob");
        assertThat(imported.metadata().dnsNames()).containsExactly("imported.example.com");
        assertThat(imported.chainPem()).hasSize(2);
        assertThat(imported.hasPrivateKey()).isTrue();
        assertThat(imported.authorityId()).isNull();
        assertThatThrownBy(() -> s.imports.importChain(chain, null, Ownership.none(), "cli:mallory"))
                .hasMessageContaining("already stored as certificate " + imported.id());
        // revocation is for certificates our authorities issued
        assertThatThrownBy(() -> s.revocations.revoke(imported.id(), RevocationReason.KEY_COMPROMISE, "cli:bob"))
                .hasMessageContaining("revoke it at the CA");

        byte[] p12 = s.export.export(imported.id(), ExportFormat.PKCS12, true, "s3cret-pass".toCharArray(), "deploy", "cli:bob");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(p12), "s3cret-pass".toCharArray());
        assertThat(ks.getCertificateChain("certificate-" + imported.id())).hasSize(3);
        Files.write(home.resolve("export.p12"), p12);
        Files.writeString(home.resolve("pass.txt"), "s3cret-pass");
        assertThat(Openssl.run(home, "pkcs12", "-in", "export.p12", "-passin", "file:pass.txt", "-nokeys").output())
                .contains("BEGIN CERTIFICATE");
        byte[] jks = s.export.export(imported.id(), ExportFormat.JKS, true, "s3cret-pass".toCharArray(), "deploy", "cli:bob");
        KeyStore j = KeyStore.getInstance("JKS");
        j.load(new ByteArrayInputStream(jks), "s3cret-pass".toCharArray());
        assertThat(j.getKey("certificate-" + imported.id(), "s3cret-pass".toCharArray()).getEncoded())
                .isEqualTo(pair.getPrivate().getEncoded());
        assertThatThrownBy(() -> s.export.export(imported.id(), ExportFormat.JKS, true, "short".toCharArray(), "x", "cli:bob"))
                .hasMessageContaining("at least 8");
        assertThat(s.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("certificate.key.export"))).isEqualTo(2);
    }

    @Test
    void revocationPublishesASignedCrl() throws Exception {
        Pki pki = pki();
        CertStack s = pki.stack();
        StoredCertificate keep = s.issuance.request("issuing", request("keep.example.com"),
                new KeySource.Generate(KeyType.EC_P256), "k1", null, "cli:alice").certificate();
        StoredCertificate gone = s.issuance.request("issuing", request("gone.example.com"),
                new KeySource.Generate(KeyType.EC_P256), "k2", null, "cli:alice").certificate();
        Revocations.PublishedCrl published = s.revocations.revoke(gone.id(), RevocationReason.KEY_COMPROMISE, "cli:alice");
        X509CRL crl = published.crl();
        assertThat(crl.isRevoked(Pem.certificates(gone.certificatePem(), "x").getFirst())).isTrue();
        assertThat(crl.isRevoked(Pem.certificates(keep.certificatePem(), "x").getFirst())).isFalse();
        assertThat(published.number()).isEqualTo(1);
        assertThat(published.file()).exists().hasFileName("issuing.crl");
        assertThat(s.certificates.require(gone.id()).status()).isEqualTo(CertificateStatus.REVOKED);
        assertThatThrownBy(() -> s.revocations.revoke(gone.id(), RevocationReason.SUPERSEDED, "cli:alice"))
                .hasMessageContaining("already revoked");
        assertThat(s.revocations.publish(pki.issuing(), "cli:alice").number()).isEqualTo(2);

        Files.writeString(home.resolve("root.pem"), pki.root().certificatePem());
        Files.writeString(home.resolve("issuing.pem"), pki.issuing().certificatePem());
        Files.writeString(home.resolve("gone.pem"), gone.certificatePem());
        Files.writeString(home.resolve("issuing.crl.pem"), Pem.encode(crl));
        Openssl.Result verify = Openssl.run(home, "verify", "-crl_check", "-CAfile", "root.pem", "-untrusted",
                "issuing.pem", "-CRLfile", "issuing.crl.pem", "gone.pem");
        assertThat(verify.output()).contains("certificate revoked");
    }

    @Test
    void masterKeyRotationRewrapsEveryKeyAndKeepsThemReadable() {
        Pki pki = pki();
        CertStack s = pki.stack();
        StoredCertificate cert = s.issuance.request("issuing", request("r.example.com"),
                new KeySource.Generate(KeyType.RSA_2048), "r1", null, "cli:alice").certificate();
        byte[] ciphertextBefore = s.vault.find(KeyOwner.certificate(cert.id())).orElseThrow().ciphertext();
        var result = s.rotation.rotate();
        assertThat(result.version()).isEqualTo("2");
        assertThat(result.rewrapped()).isEqualTo(3);
        assertThat(result.failed()).isEmpty();
        assertThat(s.vault.versions()).extracting(v -> v.version() + "=" + v.keys()).containsExactly("2=3");
        assertThat(s.vault.find(KeyOwner.certificate(cert.id())).orElseThrow().ciphertext()).isEqualTo(ciphertextBefore);
        // the CA still signs and the leaf key still exports after rotation
        assertThat(s.issuance.request("issuing", request("r2.example.com"), new KeySource.Generate(KeyType.EC_P256), "r2",
                null, "cli:alice").certificate().hasPrivateKey()).isTrue();
        assertThat(s.export.export(cert.id(), ExportFormat.PEM, true, null, "x", "cli:alice")).isNotEmpty();
        assertThat(s.rotation.rewrapAll().rewrapped()).isZero();
    }
}
