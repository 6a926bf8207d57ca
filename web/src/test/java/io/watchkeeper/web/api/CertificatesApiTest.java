package io.watchkeeper.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.cert.AuthorityAdmin;
import io.watchkeeper.web.cert.CertificateOperations;
import io.watchkeeper.web.cert.Teams;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.service.AccessAdmin;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Certificates through the API: ownership by user and team (never by a matching name), account
 * scope for certificates and authorities, the confirmation before a deployed certificate is taken
 * off its destinations, and the per-user issuance limit.
 */
class CertificatesApiTest {

    @TempDir
    Path dir;

    private WebApp app;
    private long prod;
    private long dev;

    @BeforeEach
    void setUp() {
        app = WebApp.start("--watchkeeper.certs.issuance-per-user-per-hour=3");
        prod = account("prod", "111111111111");
        dev = account("dev", "222222222222");
        app.bean(AuthorityAdmin.class).create(new AuthorityAdmin.NewAuthority("api-root", "API Test Root", null,
                io.watchkeeper.core.cert.KeyType.EC_P256, java.time.Duration.ofDays(30),
                new io.watchkeeper.core.cert.AuthorityPolicy(null, null, List.of("example.test"), false, false, Set.of(), null),
                false, List.of("prod")), WebApp.SYSTEM_ADMIN);
        app.user("alice", Role.COMMENTER, Set.of(prod));
        app.user("bob", Role.COMMENTER, Set.of(prod));
        app.user("carol", Role.COMMENTER, Set.of(dev));
        app.user("judy", Role.JUSTIFIER, Set.of(prod));
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private long account(String name, String external) {
        return app.db.dsl().fetchSingle("INSERT INTO account (provider, name, external_id) VALUES ('aws', ?, ?) RETURNING id",
                name, external).get(0, Long.class);
    }

    private WebApp.Session as(String user, Role role) {
        return app.session().bearer(token(user, role));
    }

    private String token(String user, Role role) {
        var owner = app.bean(AccessAdmin.class).users(WebApp.SYSTEM_ADMIN).stream().filter(u -> u.username().equals(user))
                .findFirst().orElseThrow();
        return app.bean(AccessAdmin.class).createToken("t-" + user, role, null, null,
                new Caller(user, owner.role(), owner.scope(), "password")).secret();
    }

    private static String issueBody(String cn, String extra) {
        return "{\"authority\":\"api-root\",\"commonName\":\"" + cn + "\",\"dnsNames\":[\"" + cn + "\"],\"validityDays\":7"
                + extra + "}";
    }

    private static long id(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }

    @Test
    void ownershipIsAUserOrTeamByIdNeverAMatchingName() {
        WebApp.Session admin = app.session().bearer(app.token("admin", Role.ADMIN));
        // a free-text owner that no user has is refused, so a user created later under that name owns nothing
        HttpResponse<String> forNobody = admin.json("POST", "/api/v1/certificates",
                issueBody("ghost.example.test", ",\"owner\":\"mallory\",\"account\":\"prod\""));
        assertThat(forNobody.statusCode()).as(forNobody.body()).isEqualTo(400);
        assertThat(forNobody.body()).contains("unknown user");
        assertThat(app.db.dsl().fetchCount(io.watchkeeper.db.jooq.Tables.CERTIFICATE)).isZero();

        WebApp.Session alice = as("alice", Role.COMMENTER);
        WebApp.Session bob = as("bob", Role.COMMENTER);
        long mine = id(alice.json("POST", "/api/v1/certificates", issueBody("svc.example.test", "")));
        JsonNode cert = Json.parse(alice.get("/api/v1/certificates/" + mine).body());
        assertThat(cert.get("ownership").get("user").asString()).isEqualTo("alice");
        assertThat(cert.get("ownership").get("account").asString()).isEqualTo("prod");
        assertThat(cert.toString()).doesNotContain("PRIVATE KEY");
        // nobody issues in another's name, or for a team they are not in; others of the account see but do not act
        assertThat(alice.json("POST", "/api/v1/certificates", issueBody("x.example.test", ",\"owner\":\"bob\""))
                .statusCode()).isEqualTo(403);
        app.bean(Teams.class).create("web", WebApp.SYSTEM_ADMIN);
        assertThat(alice.json("POST", "/api/v1/certificates", issueBody("x.example.test", ",\"team\":\"web\""))
                .statusCode()).isEqualTo(403);
        assertThat(bob.get("/api/v1/certificates/" + mine).statusCode()).isEqualTo(200);
        assertThat(bob.json("POST", "/api/v1/certificates/" + mine + "/renew", "{}").statusCode()).isEqualTo(403);
        assertThat(bob.json("POST", "/api/v1/certificates/" + mine + "/revoke", "{\"reason\":\"superseded\"}").statusCode())
                .isEqualTo(403);
        // a team member acts as an owner
        app.bean(Teams.class).addMember("web", "bob", WebApp.SYSTEM_ADMIN);
        long teams = id(admin.json("POST", "/api/v1/certificates",
                issueBody("team.example.test", ",\"owner\":\"alice\",\"team\":\"web\",\"account\":\"prod\"")));
        HttpResponse<String> renewed = bob.json("POST", "/api/v1/certificates/" + teams + "/renew", "{}");
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(Json.parse(renewed.body()).get("ownership").get("team").asString()).isEqualTo("web");
        HttpResponse<String> revoked = alice.json("POST", "/api/v1/certificates/" + mine + "/revoke",
                "{\"reason\":\"key-compromise\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(Json.parse(revoked.body()).get("certificate").get("status").asString()).isEqualTo("REVOKED");
        // a name outside the rules is a clear 400 and stores nothing
        int before = app.db.dsl().fetchCount(io.watchkeeper.db.jooq.Tables.CERTIFICATE);
        HttpResponse<String> bad = alice.json("POST", "/api/v1/certificates", issueBody("bad name!", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(app.db.dsl().fetchCount(io.watchkeeper.db.jooq.Tables.CERTIFICATE)).isEqualTo(before);
    }

    @Test
    void scopedUsersSeeOnlyTheCertificatesAndAuthoritiesOfTheirAccounts() {
        WebApp.Session alice = as("alice", Role.COMMENTER);
        WebApp.Session carol = as("carol", Role.COMMENTER);
        long inProd = id(alice.json("POST", "/api/v1/certificates", issueBody("p.example.test", "")));
        assertThat(carol.get("/api/v1/certificates/" + inProd).statusCode()).isEqualTo(404);
        assertThat(carol.get("/api/v1/certificates/" + inProd + "/deployments").statusCode()).isEqualTo(404);
        assertThat(carol.get("/api/v1/certificates/" + inProd + "/events").statusCode()).isEqualTo(404);
        assertThat(carol.json("POST", "/api/v1/certificates/" + inProd + "/renew", "{}").statusCode()).isEqualTo(404);
        assertThat(carol.json("POST", "/api/v1/certificates/" + inProd + "/revoke", "{}").statusCode()).isEqualTo(404);
        assertThat(Json.parse(carol.get("/api/v1/certificates").body()).get("items")).isEmpty();
        assertThat(Json.parse(carol.get("/api/v1/authorities").body())).isEmpty();
        HttpResponse<String> foreignCa = carol.json("POST", "/api/v1/certificates", issueBody("d.example.test", ""));
        assertThat(foreignCa.statusCode()).isEqualTo(400);
        assertThat(foreignCa.body()).contains("unknown authority 'api-root' (yours: )");
        // alice may not put a certificate into an account outside her scope
        assertThat(alice.json("POST", "/api/v1/certificates", issueBody("q.example.test", ",\"account\":\"dev\""))
                .statusCode()).isEqualTo(400);
        assertThat(Json.parse(alice.get("/api/v1/certificates").body()).get("items")).hasSize(1);
        assertThat(Json.parse(alice.get("/api/v1/authorities").body()).get(0).get("name").asString()).isEqualTo("api-root");
        // unrestricted users see everything; scoped admins do not manage authorities or teams
        WebApp.Session admin = app.session().bearer(app.token("admin", Role.ADMIN));
        assertThat(Json.parse(admin.get("/api/v1/certificates").body()).get("items")).hasSize(1);
        app.user("scoped-admin", Role.ADMIN, Set.of(prod));
        WebApp.Session scopedAdmin = as("scoped-admin", Role.ADMIN);
        assertThat(scopedAdmin.json("PUT", "/api/v1/authorities/api-root/accounts", "{\"accounts\":[\"prod\",\"dev\"]}")
                .statusCode()).isEqualTo(403);
        assertThat(scopedAdmin.json("POST", "/api/v1/teams", "{\"name\":\"ops\"}").statusCode()).isEqualTo(403);
        assertThat(admin.json("POST", "/api/v1/authorities", "{\"name\":\"open\",\"keyType\":\"ec-p256\"}").statusCode())
                .as("an internal CA names its domains or allows any domain explicitly").isEqualTo(400);
        HttpResponse<String> open = admin.json("POST", "/api/v1/authorities",
                "{\"name\":\"open\",\"keyType\":\"ec-p256\",\"allowAnyDomain\":true,\"accounts\":[\"dev\"]}");
        assertThat(open.statusCode()).as(open.body()).isEqualTo(201);
        assertThat(Json.parse(carol.get("/api/v1/authorities").body()).get(0).get("name").asString()).isEqualTo("open");
    }

    @Test
    void takingADeployedCertificateOffItsDestinationsNeedsAJustifierAndAConfirmation() throws Exception {
        WebApp.Session alice = as("alice", Role.COMMENTER);
        WebApp.Session judy = as("judy", Role.JUSTIFIER);
        long alices = id(alice.json("POST", "/api/v1/certificates", issueBody("a.example.test", "")));
        long judys = id(judy.json("POST", "/api/v1/certificates", issueBody("j.example.test", "")));
        CertificateOperations ops = app.bean(CertificateOperations.class);
        Caller admin = WebApp.SYSTEM_ADMIN;
        for (long id : List.of(alices, judys)) {
            assertThat(ops.deploy(id, new CertificateOperations.Destination(dir.resolve("tls/" + id).toString(), List.of(),
                    null, null, null, null), admin).verified()).isTrue();
        }
        // the owner is only a commenter: refused, nothing removed
        HttpResponse<String> commenter = alice.json("POST", "/api/v1/certificates/" + alices + "/revoke",
                "{\"reason\":\"superseded\",\"confirm\":\"" + alices + ":1\"}");
        assertThat(commenter.statusCode()).isEqualTo(403);
        assertThat(Files.exists(dir.resolve("tls/" + alices + ".crt"))).isTrue();
        // a justifier who is not the owner: refused too
        assertThat(judy.json("POST", "/api/v1/certificates/" + alices + "/revoke", "{\"confirm\":\"" + alices + ":1\"}")
                .statusCode()).isEqualTo(403);
        // the owner, a justifier, without the confirmation: 409 saying what would be removed, nothing done
        HttpResponse<String> unconfirmed = judy.json("POST", "/api/v1/certificates/" + judys + "/revoke",
                "{\"reason\":\"superseded\"}");
        assertThat(unconfirmed.statusCode()).as(unconfirmed.body()).isEqualTo(409);
        JsonNode problem = Json.parse(unconfirmed.body());
        assertThat(problem.get("confirm").asString()).isEqualTo(judys + ":1");
        assertThat(problem.get("wouldRemove").get(0).asString()).contains("pem-file", dir.resolve("tls/" + judys).toString());
        assertThat(Json.parse(judy.get("/api/v1/certificates/" + judys).body()).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(judy.json("POST", "/api/v1/certificates/" + judys + "/revoke", "{\"confirm\":\"" + judys + ":2\"}")
                .statusCode()).as("a confirmation naming another count").isEqualTo(409);
        assertThat(Files.exists(dir.resolve("tls/" + judys + ".crt"))).isTrue();
        HttpResponse<String> confirmed = judy.json("POST", "/api/v1/certificates/" + judys + "/revoke",
                "{\"reason\":\"superseded\",\"confirm\":\"" + judys + ":1\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(Files.exists(dir.resolve("tls/" + judys + ".crt"))).isFalse();
        assertThat(Json.parse(judy.get("/api/v1/certificates/" + judys + "/deployments").body()).get(0).get("status")
                .asString()).isEqualTo("SUPERSEDED");
        // revoke-and-replace keeps the service running: a commenter owner may do it, the replacement is redeployed
        HttpResponse<String> replaced = alice.json("POST", "/api/v1/certificates/" + alices + "/revoke-and-replace",
                "{\"reason\":\"key-compromise\"}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(Files.readString(dir.resolve("tls/" + alices + ".crt")))
                .contains(Json.parse(replaced.body()).get("certificatePem").asString().strip());
    }

    @Test
    void issuanceIsLimitedPerUserPerHourEvenUnderParallelRequests() throws Exception {
        WebApp.Session bob = as("bob", Role.COMMENTER);
        assertThat(bob.json("POST", "/api/v1/certificates", issueBody("bad name!", "")).statusCode()).isEqualTo(400);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String cn = "p" + i + ".example.test";
                all.add(pool.submit(() -> bob.json("POST", "/api/v1/certificates", issueBody(cn, "")).statusCode()));
            }
            for (Future<Integer> f : all) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).as("a failed request used no unit").filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(3);
        HttpResponse<String> limited = bob.json("POST", "/api/v1/certificates", issueBody("late.example.test", ""));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("issuance-per-user-per-hour");
        // another user has a count of their own
        assertThat(as("alice", Role.COMMENTER).json("POST", "/api/v1/certificates", issueBody("other.example.test", ""))
                .statusCode()).isEqualTo(201);
        assertThat(app.db.dsl().fetchCount(io.watchkeeper.db.jooq.Tables.CERTIFICATE)).isEqualTo(4);
        assertThat(AccountScope.of(Set.of(prod)).allows(dev)).isFalse();
    }
}
