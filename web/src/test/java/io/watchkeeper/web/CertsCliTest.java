package io.watchkeeper.web;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;
import static io.watchkeeper.db.jooq.Tables.CERTIFICATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.testing.CliHarness;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code authorities} and {@code certs} through the real CLI on a real database, checked with openssl. */
class CertsCliTest {

    @TempDir
    static Path dir;

    private static CliHarness cli;

    @BeforeAll
    static void start() {
        cli = new CliHarness("--watchkeeper.certs.master-keystore=" + dir.resolve("keys/master-keys.p12"),
                "--watchkeeper.certs.crl-directory=" + dir.resolve("crl"));
        try {
            Files.createDirectories(dir.resolve("keys"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    private static CliHarness.Run ok(String... args) {
        CliHarness.Run run = cli.run(args);
        assertThat(run.exit()).as(String.join(" ", args) + "\n" + run.out() + run.err()).isZero();
        return run;
    }

    private static String openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void createIssueExportRevokeAndRotate() throws Exception {
        ok("authorities", "create", "cli-root", "--key-type", "ec-p384", "--max-validity", "3650d", "--allow-any-domain");
        cli.bean(io.watchkeeper.web.service.AccessAdmin.class).createUser("alice", null, io.watchkeeper.core.access.Role.COMMENTER,
                java.util.Set.of(), "correct horse battery staple", io.watchkeeper.web.testing.WebApp.SYSTEM_ADMIN);
        ok("teams", "create", "web");
        ok("teams", "add-member", "web", "alice");
        ok("authorities", "create", "cli-issuing", "--parent", "cli-root", "--key-type", "ec-p256",
                "--allow-domain", "example.com", "--allow-ip", "--crl-url", "http://crl.example.com/cli-issuing.crl");
        JsonNode authorities = Json.parse(ok("authorities", "list", "--format", "json").out());
        assertThat(authorities.findValuesAsString("name")).contains("cli-issuing", "cli-root");

        CliHarness.Run issued = ok("certs", "request", "--authority", "cli-issuing", "--cn", "www.example.com",
                "--san", "api.example.com,127.0.0.1", "--key-type", "rsa-2048", "--validity", "30d", "--owner", "alice",
                "--team", "web", "--idempotency-key", "cli-test-1");
        assertThat(issued.out()).startsWith("issued certificate ").contains("key sealed in Watchkeeper");
        String id = issued.out().split(" ")[2];
        assertThat(ok("certs", "request", "--authority", "cli-issuing", "--cn", "www.example.com", "--owner", "alice",
                "--idempotency-key", "cli-test-1").out()).startsWith("already issued: certificate " + id);

        JsonNode shown = Json.parse(ok("certs", "show", id, "--format", "json", "--pem").out());
        assertThat(shown.get("owner").asString()).isEqualTo("alice");
        assertThat(shown.get("team").asString()).isEqualTo("web");
        assertThat(shown.get("dnsNames").toString()).contains("www.example.com", "api.example.com");
        assertThat(shown.get("privateKeyHeld").asBoolean()).isTrue();
        assertThat(shown.toString()).doesNotContain("PRIVATE KEY");
        assertThat(Json.parse(ok("certs", "list", "--owner", "alice", "--format", "json").out()).size()).isEqualTo(1);
        assertThat(Json.parse(ok("certs", "list", "--team", "web", "--format", "json").out()).size()).isEqualTo(1);
        assertThat(Json.parse(ok("certs", "list", "--owner", "bob", "--format", "json").out()).size()).isZero();
        assertThat(ok("certs", "list").out()).contains("www.example.com", "cli-issuing");

        // export: certificate only, then with key (0600, audited), then PKCS#12 with a password file
        ok("certs", "export", id, "--out", dir.resolve("bundle.pem").toString());
        assertThat(Files.readString(dir.resolve("bundle.pem"))).doesNotContain("PRIVATE KEY");
        ok("certs", "export", id, "--with-key", "--out", dir.resolve("with-key.pem").toString(), "--reason", "nginx");
        assertThat(Files.readString(dir.resolve("with-key.pem"))).contains("BEGIN PRIVATE KEY");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("with-key.pem"))))
                .isEqualTo("rw-------");
        Files.writeString(dir.resolve("pass.txt"), "correct horse battery\n");
        ok("certs", "export", id, "--format", "pkcs12", "--password-file", dir.resolve("pass.txt").toString(),
                "--out", dir.resolve("cert.p12").toString());
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("cert.p12"))), "correct horse battery".toCharArray());
        assertThat(p12.getCertificateChain("certificate-" + id)).hasSize(3);
        ok("certs", "export", id, "--format", "jks", "--password-file", dir.resolve("pass.txt").toString(),
                "--out", dir.resolve("cert.jks").toString());
        assertThat(cli.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("certificate.key.export"))).isEqualTo(3);
        CliHarness.Run again = cli.run("certs", "export", id, "--with-key", "--out", dir.resolve("with-key.pem").toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
        assertThat(cli.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("certificate.key.export"))).isEqualTo(3);

        // the exported chain verifies with openssl
        Files.writeString(dir.resolve("root.pem"), Json.parse(ok("certs", "show", id, "--format", "json", "--pem").out())
                .get("chainPem").get(1).asString());
        Files.writeString(dir.resolve("issuing.pem"), shown.get("chainPem").get(0).asString());
        Files.writeString(dir.resolve("leaf.pem"), shown.get("certificatePem").asString());
        assertThat(openssl("verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "leaf.pem")).contains("leaf.pem: OK");

        // revoke: reason recorded, CRL regenerated and published
        assertThat(ok("certs", "revoke", id, "--reason", "key-compromise").out()).contains("CRL number 1");
        assertThat(Files.exists(dir.resolve("crl/cli-issuing.crl"))).isTrue();
        assertThat(openssl("crl", "-inform", "DER", "-in", "crl/cli-issuing.crl", "-noout", "-text"))
                .contains("Key Compromise", shown.get("serial").asString().toUpperCase());
        assertThat(Json.parse(ok("certs", "show", id, "--format", "json").out()).get("status").asString()).isEqualTo("revoked");
        assertThat(ok("authorities", "crl", "cli-issuing").out()).contains("BEGIN X509 CRL");

        // master key: rotation rewraps the three keys, which still work
        assertThat(ok("certs", "master-key", "rotate").out()).containsPattern("version 2: \\d+ data key\\(s\\) rewrapped");
        assertThat(ok("certs", "master-key", "status").out()).containsPattern("^keystore version 2: \\d+ key\\(s\\)\n$");
        ok("certs", "export", id, "--with-key", "--out", dir.resolve("after-rotation.pem").toString());
        assertThat(cli.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.in("certificate.issue", "certificate.revoke")
                .and(AUDIT_LOG.TARGET.eq("certificate:" + id)))).isEqualTo(2);
        assertThat(cli.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.in("authority.create", "authority.crl.publish")
                .and(AUDIT_LOG.TARGET.in("authority:cli-root", "authority:cli-issuing")))).isEqualTo(4);
        assertThat(cli.db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("master-key.rotate"))).isEqualTo(1);
    }

    @Test
    void importsWhatOpensslMade() throws Exception {
        // a CA made by openssl (SEC1 "EC PRIVATE KEY"), imported with its key, then issuing
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ossl-ca.key");
        openssl("req", "-x509", "-new", "-key", "ossl-ca.key", "-subj", "/CN=OpenSSL Made CA", "-days", "365",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-out", "ossl-ca.pem");
        ok("authorities", "import", "ossl-ca", "--cert", dir.resolve("ossl-ca.pem").toString(),
                "--key", dir.resolve("ossl-ca.key").toString(), "--allow-domain", "ossl.example");
        CliHarness.Run issued = ok("certs", "request", "--authority", "ossl-ca", "--cn", "svc.ossl.example",
                "--out", dir.resolve("svc-chain.pem").toString());
        assertThat(openssl("verify", "-CAfile", "ossl-ca.pem", "svc-chain.pem")).contains("svc-chain.pem: OK");
        assertThat(issued.out()).contains("svc.ossl.example");

        // a CSR made by openssl: the key never reaches Watchkeeper
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "csr.key", "-subj", "/CN=csr.ossl.example",
                "-addext", "subjectAltName=DNS:csr.ossl.example,DNS:www.csr.ossl.example", "-out", "app.csr");
        CliHarness.Run fromCsr = ok("certs", "request", "--authority", "ossl-ca", "--csr", dir.resolve("app.csr").toString(),
                "--out", dir.resolve("app-chain.pem").toString());
        assertThat(fromCsr.out()).contains("csr.ossl.example,www.csr.ossl.example", "(your CSR key)");
        assertThat(openssl("x509", "-in", "app-chain.pem", "-noout", "-pubkey"))
                .isEqualTo(openssl("pkey", "-in", "csr.key", "-pubout"));

        // a leaf and key made by openssl, imported into the inventory; a mismatched key is refused
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes", "-keyout", "leaf.key",
                "-subj", "/CN=leaf.other.example", "-days", "30", "-addext", "subjectAltName=DNS:leaf.other.example",
                "-out", "ossl-leaf.pem");
        CliHarness.Run mismatch = cli.run("certs", "import", "--cert", dir.resolve("ossl-leaf.pem").toString(),
                "--key", dir.resolve("csr.key").toString());
        assertThat(mismatch.exit()).isEqualTo(2);
        assertThat(mismatch.err()).contains("key/certificate mismatch");
        CliHarness.Run imported = ok("certs", "import", "--cert", dir.resolve("ossl-leaf.pem").toString(),
                "--key", dir.resolve("leaf.key").toString());
        String importedId = imported.out().split(" ")[2];
        JsonNode shown = Json.parse(ok("certs", "show", importedId, "--format", "json").out());
        assertThat(shown.get("keyBits").asInt()).isEqualTo(384);
        assertThat(shown.get("source").asString()).isEqualTo("imported");
        assertThat(shown.get("privateKeyHeld").asBoolean()).isTrue();
    }

    @Test
    void badInputIsOneLineAndStoresNothing() throws Exception {
        ok("authorities", "create", "strict", "--key-type", "ec-p256", "--allow-domain", "corp.example", "--max-validity", "30d",
                "--allow-key-type", "ec-p256");
        int before = cli.db.dsl().fetchCount(CERTIFICATE);
        Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\n%%%%\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("csr.pem"), "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n");
        Files.write(dir.resolve("huge.pem"), new byte[300 * 1024]);
        String[][] bad = {
            {"certs", "request", "--authority", "strict", "--cn", "*.corp.example"},
            {"certs", "request", "--authority", "strict", "--cn", "www.other.example"},
            {"certs", "request", "--authority", "strict", "--cn", "a.corp.example", "--validity", "400d"},
            {"certs", "request", "--authority", "strict", "--cn", "a.corp.example", "--key-type", "rsa-2048"},
            {"certs", "request", "--authority", "strict", "--cn", "a.corp.example", "--key-type", "rsa-1024"},
            {"certs", "request", "--authority", "strict", "--cn", "a.corp.example", "--san", "10.0.0.1"},
            {"certs", "request", "--authority", "strict", "--cn", "bad_name.corp.example"},
            {"certs", "request", "--authority", "strict", "--cn", "a.corp.example", "--validity", "forever"},
            {"certs", "request", "--authority", "strict", "--csr", dir.resolve("csr.pem").toString()},
            {"certs", "request", "--authority", "nope", "--cn", "a.corp.example"},
            {"certs", "import", "--cert", dir.resolve("garbage.pem").toString()},
            {"certs", "import", "--cert", dir.resolve("huge.pem").toString()},
            {"certs", "import", "--cert", dir.resolve("missing.pem").toString()},
            {"certs", "show", "x; rm -rf /"},
            {"certs", "revoke", "999", "--reason", "because"},
            {"authorities", "create", "bad name"},
            {"authorities", "create", "x", "--crl-url", "gopher://10.0.0.1/", "--allow-any-domain"},
            {"authorities", "create", "open-to-all"},
            {"authorities", "create", "both", "--allow-any-domain", "--allow-domain", "corp.example"},
            {"certs", "request", "--authority", "strict", "--cn", "a.corp.example", "--owner", "nobody-by-that-name"},
            {"certs", "request", "--authority", "strict", "--cn", "a.corp.example", "--team", "no-such-team"},
        };
        for (String[] args : bad) {
            CliHarness.Run run = cli.run(args);
            assertThat(run.exit()).as(String.join(" ", args) + " -> " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).startsWith("error: ").doesNotContain("Exception").hasLineCount(1);
        }
        assertThat(cli.db.dsl().fetchCount(CERTIFICATE)).isEqualTo(before);
    }
}
