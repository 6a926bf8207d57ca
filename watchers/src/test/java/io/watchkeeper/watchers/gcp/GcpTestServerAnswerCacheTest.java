package io.watchkeeper.watchers.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.GcpTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test server's answer cache (the GCP benchmark's): a repeated read is answered from kept bytes, and every change
 * to the world — through the server's own mutators or a remediation's write — is seen by the next read.
 */
class GcpTestServerAnswerCacheTest {

    private static final String FIREWALLS = "/compute/v1/projects/p1/global/firewalls";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private GcpTestServer server;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new GcpTestServer();
        server.answerCache(true);
        server.listener((method, path) -> {
            synchronized (seen) {
                seen.add(method + " " + path);
            }
        });
        server.collection(FIREWALLS, "items");
        server.put(FIREWALLS, rule("allow-ssh", "v0"));
        server.document("POST /v1/projects/p1:getIamPolicy", Json.parse("{\"version\":1,\"etag\":\"e0\",\"bindings\":[]}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void repeatedReadsAreAnsweredAgainAndCounted() throws Exception {
        String first = get(FIREWALLS + "?maxResults=500").body();
        String second = get(FIREWALLS + "?maxResults=500").body();

        assertThat(second).isEqualTo(first).contains("\"description\":\"v0\"");
        assertThat(seen).containsExactly("GET " + FIREWALLS, "GET " + FIREWALLS);
    }

    @Test
    void everyChangeToTheWorldIsSeenByTheNextRead() throws Exception {
        assertThat(get(FIREWALLS).body()).contains("\"v0\"");
        server.modify(FIREWALLS, "allow-ssh", n -> n.put("description", "v1"));
        assertThat(get(FIREWALLS).body()).contains("\"v1\"").doesNotContain("\"v0\"");

        server.put(FIREWALLS, rule("allow-rdp", "v0"));
        assertThat(get(FIREWALLS).body()).contains("allow-rdp");
        server.remove(FIREWALLS, "allow-rdp");
        assertThat(get(FIREWALLS).body()).doesNotContain("allow-rdp");

        assertThat(post("/v1/projects/p1:getIamPolicy", "{}").body()).contains("\"e0\"");
        server.modifyDocument("POST /v1/projects/p1:getIamPolicy", d -> d.put("etag", "e1"));
        assertThat(post("/v1/projects/p1:getIamPolicy", "{}").body()).contains("\"e1\"").doesNotContain("\"e0\"");
    }

    @Test
    void aRemediationsWriteIsSeenByTheNextRead() throws Exception {
        assertThat(get(FIREWALLS + "/allow-ssh").body()).contains("\"disabled\":false");
        HttpResponse<String> patch = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + FIREWALLS + "/allow-ssh"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"disabled\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(patch.statusCode()).isEqualTo(200);

        assertThat(get(FIREWALLS + "/allow-ssh").body()).contains("\"disabled\":true");
    }

    @Test
    void faultsAndMissingResourcesAreNotCachedAway() throws Exception {
        assertThat(get(FIREWALLS).statusCode()).isEqualTo(200);
        server.fail("GET", FIREWALLS, 429, 1);
        assertThat(get(FIREWALLS).statusCode()).isEqualTo(429);
        assertThat(get(FIREWALLS).statusCode()).isEqualTo(200);

        assertThat(get(FIREWALLS + "/allow-web").statusCode()).isEqualTo(404);
        server.put(FIREWALLS, rule("allow-web", "v0"));
        assertThat(get(FIREWALLS + "/allow-web").statusCode()).isEqualTo(200);
    }

    @Test
    void primingBuildsTheDroppedAnswersFromTheChangedWorldExactlyAsARequestWould() throws Exception {
        get(FIREWALLS + "?maxResults=500");
        get(FIREWALLS + "/allow-ssh");
        post("/v1/projects/p1:getIamPolicy", "{}");
        server.modify(FIREWALLS, "allow-ssh", n -> n.put("description", "v1"));
        server.modifyDocument("POST /v1/projects/p1:getIamPolicy", d -> d.put("etag", "e1"));
        assertThat(server.answerCacheBytes()).isZero();

        assertThat(server.primeAnswerCache()).isEqualTo(3);
        assertThat(server.answerCacheBytes()).isPositive();
        assertThat(server.primeAnswerCache()).as("nothing dropped since").isZero();

        String list = get(FIREWALLS + "?maxResults=500").body();
        String one = get(FIREWALLS + "/allow-ssh").body();
        String policy = post("/v1/projects/p1:getIamPolicy", "{}").body();
        assertThat(list).contains("\"v1\"").doesNotContain("\"v0\"");
        assertThat(policy).contains("\"e1\"");
        server.answerCache(false); // built per request again: the primed bytes were the same
        assertThat(get(FIREWALLS + "?maxResults=500").body()).isEqualTo(list);
        assertThat(get(FIREWALLS + "/allow-ssh").body()).isEqualTo(one);
        assertThat(post("/v1/projects/p1:getIamPolicy", "{}").body()).isEqualTo(policy);
    }

    private static ObjectNode rule(String name, String description) {
        ObjectNode rule = Json.object();
        rule.put("name", name);
        rule.put("description", description);
        rule.put("disabled", false);
        return rule;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
