package io.watchkeeper.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.Scanner;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Attacker-controlled text from the cloud (an IAM role's name-free fields: its description, tags
 * and the text of its policies) reaches every page and API answer escaped, never as markup.
 */
class HostileDataTest {

    private static final String PAYLOAD = "</pre><script>alert(1)</script><img src=x onerror=alert(2)>";
    private final Moto moto = Moto.get();
    private WebApp app;

    @BeforeEach
    void setUp() {
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        IamClient iam = moto.client(IamClient.builder());
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\""
                + PAYLOAD.replace("\"", "\\\"") + "\"}}}]}";
        iam.createRole(r -> r.roleName("hostile-role").assumeRolePolicyDocument(trust).description(PAYLOAD)
                .tags(t -> t.key("owner").value(PAYLOAD)));
        app = WebApp.start("--watchkeeper.aws.regions=us-east-1");
        var account = app.bean(AccountStore.class).add(new AccountSpec(Provider.AWS, "hostile", Moto.ACCOUNT_ID,
                AccountAccess.NONE, List.of("us-east-1"), Map.of(), false));
        var types = Set.of(io.watchkeeper.core.model.ResourceType.of("aws.iam.role"));
        app.bean(Scanner.class).scan(new WatchRequest(List.of(account), types, Set.of(), "manual", "test", true),
                WatchProgress.NONE);
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void hostileTextIsEscapedOnEveryPageAndInTheApi() {
        WebApp.Session session = app.session();
        session.login("admin", WebApp.ADMIN_PASSWORD);
        long itemId = app.db.dsl().fetchSingle("SELECT id FROM item WHERE name = 'hostile-role'").get(0, Long.class);
        List<String> pages = new java.util.ArrayList<>(List.of("/", "/items", "/items?q=hostile", "/items/" + itemId,
                "/findings", "/audit-log", "/compliance", "/compliance/cis-aws-3.0", "/compliance/cis-aws-3.0/report.html"));
        app.db.dsl().fetch("SELECT id FROM finding WHERE item_id = ?", itemId).forEach(r -> pages.add("/findings/" + r.get(0)));
        assertThat(pages).as("the open trust policy makes findings").hasSizeGreaterThan(9);
        boolean seenEscaped = false;
        for (String page : pages) {
            HttpResponse<String> response = session.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .doesNotContain("</pre><script>");
            seenEscaped |= response.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        assertThat(seenEscaped).as("the payload is shown, as text").isTrue();
        // literal substitutions (|…|) render as the old concatenations did
        assertThat(session.get("/").body()).containsPattern("viewBox=\"0 0 \\d+ \\d+\"");
        assertThat(session.get("/findings").body()).containsPattern("id=\"pick-\\d+\"");

        String token = app.token("admin", Role.VIEWER);
        HttpResponse<String> api = app.session().bearer(token).get("/api/v1/items/" + itemId);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(api.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(api.body()).contains("alert(1)");
    }
}
