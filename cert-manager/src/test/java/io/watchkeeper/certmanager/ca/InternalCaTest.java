package io.watchkeeper.certmanager.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.certmanager.testing.Openssl;
import io.watchkeeper.certmanager.x509.CertificateFacts;
import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.CertificateMetadata;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.RevokedSerial;
import io.watchkeeper.core.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Roots, intermediates, leaves and CRLs, checked by openssl. */
class InternalCaTest {

    @TempDir
    Path dir;

    private static final Instant NOW = Instant.now();
    private static final AuthorityPolicy POLICY = new AuthorityPolicy(Duration.ofDays(90), Duration.ofDays(30),
            List.of("example.com"), true, true, Set.of(), "http://crl.example.com/issuing.crl");

    private static CertificateRequest request(String cn, List<String> dns, List<String> ips, Duration validity) {
        return new CertificateRequest(cn, dns, ips, null, validity, Ownership.none());
    }

    private void write(String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void opensslVerifiesLeavesOfEveryKeyTypeThroughAnIntermediate(KeyType leafType) throws Exception {
        CaMaterial root = InternalCa.createRoot("Test Root", KeyType.EC_P384, Duration.ofDays(3650), NOW);
        CaMaterial intermediate = InternalCa.createIntermediate(root, "Test Issuing", KeyType.EC_P256,
                Duration.ofDays(1000), null, NOW);
        KeyPair pair = Keys.generate(leafType);
        X509Certificate leaf = InternalCa.issue(intermediate, POLICY,
                request("www.example.com", List.of("api.example.com"), List.of("127.0.0.1"), null), pair.getPublic(), NOW);
        write("root.pem", Pem.encode(root.certificate()));
        write("intermediate.pem", Pem.encode(intermediate.certificate()));
        write("leaf.pem", Pem.encode(leaf));
        Openssl.Result verify = Openssl.run(dir, "verify", "-CAfile", "root.pem", "-untrusted", "intermediate.pem",
                "-purpose", "sslserver", "leaf.pem");
        assertThat(verify.output()).contains("leaf.pem: OK");
        assertThat(verify.exit()).isZero();

        CertificateMetadata m = CertificateFacts.of(leaf);
        assertThat(m.commonName()).isEqualTo("www.example.com");
        assertThat(m.dnsNames()).containsExactly("www.example.com", "api.example.com");
        assertThat(m.ipAddresses()).containsExactly("127.0.0.1");
        assertThat(m.keyBits()).isEqualTo(leafType.bits());
        assertThat(m.ca()).isFalse();
        assertThat(Duration.between(m.notBefore(), m.notAfter())).isEqualTo(Duration.ofDays(30).plus(InternalCa.BACKDATE));
        assertThat(leaf.getSerialNumber().bitLength()).isBetween(100, 128);
        String text = Openssl.run(dir, "x509", "-in", "leaf.pem", "-noout", "-text").output();
        assertThat(text).contains("CA:FALSE", "TLS Web Server Authentication", "TLS Web Client Authentication",
                "Subject Key Identifier", "Authority Key Identifier", "http://crl.example.com/issuing.crl",
                "DNS:www.example.com", "IP Address:127.0.0.1", "Digital Signature");
        assertThat(Openssl.run(dir, "x509", "-in", "intermediate.pem", "-noout", "-text").output())
                .contains("CA:TRUE, pathlen:0", "Certificate Sign, CRL Sign");
    }

    @Test
    void rsaRootsSignToo() throws Exception {
        CaMaterial root = InternalCa.createRoot("RSA Root", KeyType.RSA_3072, Duration.ofDays(365), NOW);
        X509Certificate leaf = InternalCa.issue(root, POLICY, request("a.example.com", List.of(), List.of(), null),
                Keys.generate(KeyType.EC_P256).getPublic(), NOW);
        write("root.pem", Pem.encode(root.certificate()));
        write("leaf.pem", Pem.encode(leaf));
        assertThat(Openssl.run(dir, "verify", "-CAfile", "root.pem", "leaf.pem").output()).contains("leaf.pem: OK");
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withRSA");
    }

    @Test
    void policyLimitsRefuseBeforeSigning() {
        CaMaterial root = InternalCa.createRoot("Root", KeyType.EC_P256, Duration.ofDays(365), NOW);
        var key = Keys.generate(KeyType.EC_P256).getPublic();
        AuthorityPolicy strict = new AuthorityPolicy(Duration.ofDays(30), null, List.of("example.com"), false, false,
                Set.of(KeyType.EC_P256), null);
        assertThatThrownBy(() -> InternalCa.issue(root, strict, request("*.example.com", List.of(), List.of(), null), key, NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> InternalCa.issue(root, strict, request("www.evil.com", List.of(), List.of(), null), key, NOW))
                .hasMessageContaining("outside the domains");
        assertThatThrownBy(() -> InternalCa.issue(root, strict, request(null, List.of("notexample.com"), List.of(), null), key, NOW))
                .hasMessageContaining("outside the domains");
        assertThatThrownBy(() -> InternalCa.issue(root, strict, request("a.example.com", List.of(), List.of("10.0.0.1"), null), key, NOW))
                .hasMessageContaining("IP addresses");
        assertThatThrownBy(() -> InternalCa.issue(root, strict, request("a.example.com", List.of(), List.of(), Duration.ofDays(31)), key, NOW))
                .hasMessageContaining("exceeds this authority's maximum of 30 days");
        assertThatThrownBy(() -> InternalCa.issue(root, strict, request("a.example.com", List.of(), List.of(), null),
                Keys.generate(KeyType.RSA_2048).getPublic(), NOW)).hasMessageContaining("rsa-2048 is not allowed");
        assertThatThrownBy(() -> InternalCa.issue(root, POLICY, request("My Service", List.of(), List.of(), null), key, NOW))
                .hasMessageContaining("common name must be a DNS name");
        assertThatThrownBy(() -> InternalCa.issue(root, POLICY, request("a.example.com", List.of(), List.of("999.1.1.1"), null), key, NOW))
                .hasMessageContaining("invalid IP address");
        assertThatThrownBy(() -> InternalCa.issue(root, POLICY, request("a.example.com", List.of(), List.of("localhost"), null), key, NOW))
                .hasMessageContaining("invalid IP address");
        // wildcards allowed when the policy says so, one level below an allowed domain
        AuthorityPolicy wild = new AuthorityPolicy(Duration.ofDays(30), null, List.of("example.com"), true, false, Set.of(), null);
        assertThat(InternalCa.issue(root, wild, request("*.example.com", List.of(), List.of(), null), key, NOW)).isNotNull();
        // a leaf may not outlive its CA
        CaMaterial shortRoot = InternalCa.createRoot("Short", KeyType.EC_P256, Duration.ofDays(10), NOW);
        assertThatThrownBy(() -> InternalCa.issue(shortRoot, POLICY, request("a.example.com", List.of(), List.of(), Duration.ofDays(20)), key, NOW))
                .hasMessageContaining("outlive its authority");
    }

    @Test
    void malformedNamesAndAbsurdValuesAreRefused() {
        assertThatThrownBy(() -> request(null, List.of("a..example.com"), List.of(), null)).hasMessageContaining("label");
        assertThatThrownBy(() -> request(null, List.of("-a.example.com"), List.of(), null)).hasMessageContaining("label");
        assertThatThrownBy(() -> request(null, List.of("a.example.com\u001b[31m"), List.of(), null))
                .hasMessageNotContaining("\u001b");
        assertThatThrownBy(() -> request(null, List.of("x".repeat(300)), List.of(), null)).hasMessageContaining("253");
        assertThatThrownBy(() -> request(null, List.of("*.com"), List.of(), null)).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> request(null, List.of("a.*.example.com"), List.of(), null)).hasMessageContaining("label");
        assertThatThrownBy(() -> request(null, java.util.Collections.nCopies(101, "a.example.com"), List.of(), null))
                .hasMessageContaining("at most 100");
        assertThatThrownBy(() -> request("a.example.com", List.of(), List.of(), Duration.ofSeconds(1)))
                .hasMessageContaining("at least 5 minutes");
        assertThatThrownBy(() -> new AuthorityPolicy(Duration.ofDays(100_000), null, List.of(), false, false, Set.of(), null))
                .hasMessageContaining("3650 days");
        assertThatThrownBy(() -> new AuthorityPolicy(null, null, List.of(), false, false, Set.of(), "file:///etc/passwd"))
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> InternalCa.createRoot("Root", KeyType.EC_P256, Duration.ofDays(365 * 100), NOW))
                .hasMessageContaining("validity");
        assertThatThrownBy(() -> KeyType.fromId("rsa-1024")).hasMessageContaining("unsupported key type");
    }

    @Test
    void importedCasAreValidated() {
        CaMaterial root = InternalCa.createRoot("Root", KeyType.EC_P256, Duration.ofDays(365), NOW);
        CaMaterial intermediate = InternalCa.createIntermediate(root, "Issuing", KeyType.EC_P256, Duration.ofDays(100), null, NOW);
        String rootPem = Pem.encode(root.certificate());
        String intermediatePem = Pem.encode(intermediate.certificate());
        CaMaterial imported = InternalCa.importCa(intermediatePem + rootPem, Pem.encode(intermediate.key()), NOW);
        assertThat(imported.chain()).hasSize(1);
        assertThat(InternalCa.importCa(rootPem, Pem.encode(root.key()), NOW).chain()).isEmpty();

        assertThatThrownBy(() -> InternalCa.importCa(intermediatePem + rootPem, Pem.encode(root.key()), NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> InternalCa.importCa(intermediatePem, Pem.encode(intermediate.key()), NOW))
                .hasMessageContaining("not self-signed");
        assertThatThrownBy(() -> InternalCa.importCa(rootPem + intermediatePem, Pem.encode(root.key()), NOW))
                .hasMessageContaining("broken chain");
        KeyPair leafKey = Keys.generate(KeyType.EC_P256);
        X509Certificate leaf = InternalCa.issue(root, POLICY, request("a.example.com", List.of(), List.of(), null),
                leafKey.getPublic(), NOW);
        assertThatThrownBy(() -> InternalCa.importCa(Pem.encode(leaf) + rootPem, Pem.encode(leafKey.getPrivate()), NOW))
                .hasMessageContaining("not a CA certificate");
        // another root with the same name: the chain's signature does not verify
        CaMaterial impostor = InternalCa.createRoot("Root", KeyType.EC_P256, Duration.ofDays(365), NOW);
        assertThatThrownBy(() -> InternalCa.importCa(intermediatePem + Pem.encode(impostor.certificate()),
                Pem.encode(intermediate.key()), NOW)).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> InternalCa.importCa(rootPem, Pem.encode(root.key()), NOW.plus(Duration.ofDays(400))))
                .hasMessageContaining("expired");
    }

    @Test
    void crlsCarryReasonsAndVerifyWithOpenssl() throws Exception {
        CaMaterial root = InternalCa.createRoot("CRL Root", KeyType.EC_P256, Duration.ofDays(365), NOW);
        X509Certificate leaf = InternalCa.issue(root, POLICY, request("a.example.com", List.of(), List.of(), null),
                Keys.generate(KeyType.EC_P256).getPublic(), NOW);
        X509CRL crl = CrlBuilder.build(root, List.of(new RevokedSerial(leaf.getSerialNumber().toString(16), NOW,
                RevocationReason.KEY_COMPROMISE)), 5, NOW, Duration.ofDays(7));
        assertThat(crl.isRevoked(leaf)).isTrue();
        crl.verify(root.certificate().getPublicKey());
        write("root.pem", Pem.encode(root.certificate()));
        write("leaf.pem", Pem.encode(leaf));
        Files.write(dir.resolve("ca.crl"), CrlBuilder.der(crl));
        Openssl.Result text = Openssl.run(dir, "crl", "-inform", "DER", "-in", "ca.crl", "-CAfile", "root.pem", "-noout",
                "-text");
        assertThat(text.output()).contains("verify OK", "Key Compromise", "X509v3 CRL Number");
        Openssl.Result pem = Openssl.run(dir, "crl", "-inform", "DER", "-in", "ca.crl", "-out", "ca.crl.pem");
        assertThat(pem.exit()).isZero();
        Openssl.Result verify = Openssl.run(dir, "verify", "-crl_check", "-CAfile", "root.pem", "-CRLfile", "ca.crl.pem",
                "leaf.pem");
        assertThat(verify.output()).contains("certificate revoked");
    }
}
