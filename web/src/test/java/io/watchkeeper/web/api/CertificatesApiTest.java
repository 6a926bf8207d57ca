package io.watchkeeper.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.certmanager.Authorities;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Certificates through the API: issue for yourself, never in another's name, revoke only your own. */
class CertificatesApiTest {

    private WebApp app;

    @BeforeEach
    void setUp() {
        app = WebApp.start();
        app.bean(Authorities.class).createRoot("api-root", "API Test Root", KeyType.EC_P256, Duration.ofDays(30),
                AuthorityPolicy.defaults(), "test");
        app.user("alice", Role.COMMENTER, Set.of());
        app.user("bob", Role.COMMENTER, Set.of());
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void ownersIssueAndRevokeTheirOwnCertificatesOnly() {
        WebApp.Session alice = app.session().bearer(app.token("alice", Role.COMMENTER));
        WebApp.Session bob = app.session().bearer(app.token("bob", Role.COMMENTER));
        HttpResponse<String> issued = alice.json("POST", "/api/v1/certificates",
                "{\"authority\":\"api-root\",\"commonName\":\"svc.example.test\",\"dnsNames\":[\"svc.example.test\"],"
                        + "\"validityDays\":7,\"idempotencyKey\":\"svc-1\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode cert = Json.parse(issued.body());
        assertThat(cert.get("owner").asString()).isEqualTo("alice");
        assertThat(issued.body()).doesNotContain("PRIVATE KEY");
        long id = cert.get("id").asLong();

        assertThat(alice.json("POST", "/api/v1/certificates", "{\"authority\":\"api-root\",\"commonName\":\"x.example.test\","
                + "\"dnsNames\":[\"x.example.test\"],\"owner\":\"bob\"}").statusCode()).isEqualTo(403);
        assertThat(bob.json("POST", "/api/v1/certificates/" + id + "/revoke", "{\"reason\":\"superseded\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> revoked = alice.json("POST", "/api/v1/certificates/" + id + "/revoke",
                "{\"reason\":\"key-compromise\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(Json.parse(revoked.body()).get("status").asString()).isEqualTo("REVOKED");
        // a name outside the rules is a clear 400 and stores nothing
        HttpResponse<String> bad = alice.json("POST", "/api/v1/certificates",
                "{\"authority\":\"api-root\",\"commonName\":\"bad name!\",\"dnsNames\":[\"bad name!\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.parse(alice.get("/api/v1/certificates").body()).get("items")).hasSize(1);
    }
}
