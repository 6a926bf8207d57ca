package io.watchkeeper.watchers.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.gcp.GcpCredentialsRef;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.gcp.GcpSessionFactory;
import io.watchkeeper.gcp.GcpSettings;
import io.watchkeeper.watchers.gcp.compute.FirewallWatcher;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpTestServer;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a project's credential is found and used: none, a key file (owner-only), impersonation. */
class GcpCredentialsTest {

    private static final String SA = "watchkeeper@cloud-custodian.iam.gserviceaccount.com";

    @TempDir
    Path dir;
    private GcpTestServer server;
    private GcpSessionFactory factory;

    @BeforeEach
    void start() {
        server = GcpTestServer.withOrganisation();
        factory = new GcpSessionFactory(GcpWatcherTestSupport.settings(server), WatchMetrics.NONE);
    }

    @AfterEach
    void stop() {
        factory.close();
        server.close();
    }

    private static Account project(String credentialsRef, String impersonate) {
        return new Account(1, Provider.GCP, "p", GcpTestOrg.PROJECT, new AccountAccess(impersonate, null, credentialsRef),
                List.of(), Map.of(), true, false);
    }

    private void watchFirewalls(GcpSession session) {
        new FirewallWatcher().observe(new io.watchkeeper.core.watch.WatchScope(session.account(), "global",
                io.watchkeeper.core.model.ResourceType.of("gcp.compute.firewall")), session);
    }

    @Test
    void noneSendsNoAuthorizationAndIsRefusedWithoutAnEndpoint() {
        try (GcpSession session = factory.open(project("none", null))) {
            watchFirewalls(session);
        }
        assertThat(server.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).isNull());
        try (GcpSessionFactory google = new GcpSessionFactory(GcpSettings.defaults(), WatchMetrics.NONE)) {
            assertThatThrownBy(() -> google.open(project("none", null)))
                    .isInstanceOfSatisfying(WatchkeeperException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
                        assertThat(e.getMessage()).contains("only with a GCP endpoint");
                    });
        }
    }

    @Test
    void aKeyFileIsUsedOnlyWhenItsOwnerAloneCanReadIt() throws Exception {
        Path key = keyFile();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> factory.open(project("file:" + key, null)))
                .isInstanceOfSatisfying(WatchkeeperException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.DENIED);
                    assertThat(e.getMessage()).contains("readable by its owner only");
                });
        assertThatThrownBy(() -> GcpCredentialsRef.reference(key.toString())).isInstanceOf(InvalidInputException.class);
        assertThat(server.requests()).as("nothing was sent with a refused key").isEmpty();

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(GcpCredentialsRef.reference(key.toString())).isEqualTo("file:" + key);
        try (GcpSession session = factory.open(project("file:" + key, null))) {
            watchFirewalls(session);
        }
        assertThat(server.requests().getFirst().path()).isEqualTo("/token");
        assertThat(server.requests().getFirst().body()).contains("grant_type=urn");
        assertThat(server.requests().subList(1, server.requests().size()))
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + GcpTestServer.SOURCE_TOKEN));
    }

    @Test
    void impersonationAsksIamCredentialsForATokenWithTheSourceCredential() throws Exception {
        Path key = keyFile();
        try (GcpSession session = factory.open(project("file:" + key, SA))) {
            watchFirewalls(session);
        }
        var generate = server.requests().stream().filter(r -> r.path().endsWith(":generateAccessToken")).toList();
        assertThat(generate).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/projects/-/serviceAccounts/" + SA + ":generateAccessToken");
            assertThat(r.authorization()).isEqualTo("Bearer " + GcpTestServer.SOURCE_TOKEN);
            assertThat(r.body()).contains("https://www.googleapis.com/auth/cloud-platform").contains("3600s");
        });
        assertThat(server.requests()).filteredOn(r -> r.path().startsWith("/compute/") || r.path().startsWith("/v3/"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + GcpTestServer.IMPERSONATED_TOKEN));
    }

    @Test
    void aRefusedImpersonationFailsTheProjectBeforeAnyRead() throws Exception {
        Path key = keyFile();
        server.fail("POST", ".*:generateAccessToken", 403, 10);
        assertThatThrownBy(() -> factory.open(project("file:" + key, SA)))
                .isInstanceOfSatisfying(WatchkeeperException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.DENIED);
                    assertThat(e.getMessage()).contains("could not impersonate " + SA);
                });
        assertThat(server.requests()).noneMatch(r -> r.path().startsWith("/v3/") || r.path().startsWith("/compute/"));
    }

    /** A service-account key file with a fresh RSA key whose token URI is Google's (sent to the test server). */
    private Path keyFile() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        // the PEM as a JSON string: line breaks written as \n escapes
        String pem = ("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n").replace("\n", "\\n");
        Path key = dir.resolve("key.json");
        Files.writeString(key, """
                {"type": "service_account", "project_id": "cloud-custodian", "private_key_id": "k1",
                 "private_key": "%s", "client_email": "%s", "client_id": "1",
                 "token_uri": "https://oauth2.googleapis.com/token"}""".formatted(pem, SA));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return key;
    }
}
