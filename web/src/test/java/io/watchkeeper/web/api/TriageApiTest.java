package io.watchkeeper.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.Scanner;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Bulk justification and suppression through the API and the console: exact previews, tokens, stale
 * previews refused.
 */
class TriageApiTest {

    private final Moto moto = Moto.get();
    private WebApp app;
    private WebApp.Session api;
    private long accountId;

    @BeforeEach
    void setUp() {
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        for (String bucket : List.of("logs-a", "logs-b", "data-c")) {
            s3.createBucket(r -> r.bucket(bucket));
        }
        app = WebApp.start("--watchkeeper.aws.regions=us-east-1");
        var account = app.bean(AccountStore.class).add(new AccountSpec(Provider.AWS, "triage", Moto.ACCOUNT_ID,
                AccountAccess.NONE, List.of("us-east-1"), Map.of(), false));
        accountId = account.id();
        app.bean(Scanner.class).scan(new WatchRequest(List.of(account), Set.of(ResourceType.of("aws.s3.bucket")), Set.of(),
                "manual", "test", true), WatchProgress.NONE);
        api = app.session().bearer(app.token("admin", Role.ADMIN));
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private JsonNode findings(String query) {
        HttpResponse<String> r = api.get("/api/v1/findings?limit=500" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body()).get("items");
    }

    private static List<Long> ids(JsonNode findings, String resourcePrefix) {
        List<Long> ids = new ArrayList<>();
        findings.forEach(f -> {
            if (f.get("resourceId").asString().startsWith(resourcePrefix)) {
                ids.add(f.get("id").asLong());
            }
        });
        return ids;
    }

    @Test
    void suppressionPreviewListsExactlyWhatTheRuleHidesAndApplyDoesThat() {
        JsonNode open = findings("&check=aws.s3.bucket/*");
        List<Long> logs = ids(open, "arn:aws:s3:::logs-");
        List<Long> data = ids(open, "arn:aws:s3:::data-");
        assertThat(logs).isNotEmpty();
        assertThat(data).isNotEmpty();
        String body = "{\"check\":\"aws.s3.bucket/*\",\"accountId\":" + accountId + ",\"resource\":\"arn:aws:s3:::logs-*\","
                + "\"reason\":\"log buckets are private by design\"%s}";
        HttpResponse<String> preview = api.json("POST", "/api/v1/findings/suppress/preview", body.formatted(""));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode p = Json.parse(preview.body());
        List<Long> previewed = new ArrayList<>();
        p.get("changes").forEach(c -> previewed.add(c.get("findingId").asLong()));
        assertThat(previewed).containsExactlyInAnyOrderElementsOf(logs);
        String token = p.get("token").asString();

        assertThat(api.json("POST", "/api/v1/findings/suppress", body.formatted(",\"token\":\"bad\"")).statusCode())
                .isEqualTo(409);
        assertThat(findings("&status=SUPPRESSED")).isEmpty();

        HttpResponse<String> applied = api.json("POST", "/api/v1/findings/suppress", body.formatted(",\"token\":\"" + token + "\""));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(ids(findings("&status=SUPPRESSED"), "")).containsExactlyInAnyOrderElementsOf(logs);
        assertThat(ids(findings(""), "arn:aws:s3:::data-")).containsExactlyInAnyOrderElementsOf(data);
        JsonNode log = Json.parse(api.get("/api/v1/audit-log?action=suppression.").body()).get("items");
        assertThat(log).hasSize(1);
    }

    @Test
    void justificationNeedsAnExpiryAndAFreshPreview() {
        List<Long> data = ids(findings(""), "arn:aws:s3:::data-");
        String until = OffsetDateTime.now().plusDays(30).toString();
        String idList = data.toString();
        HttpResponse<String> noExpiry = api.json("POST", "/api/v1/findings/justify/preview",
                "{\"ids\":" + idList + ",\"reason\":\"accepted\"}");
        assertThat(noExpiry.statusCode()).isEqualTo(400);
        assertThat(noExpiry.body()).contains("expiry");

        String request = "{\"ids\":" + idList + ",\"reason\":\"accepted\",\"until\":\"" + until + "\"%s}";
        JsonNode p = Json.parse(api.json("POST", "/api/v1/findings/justify/preview", request.formatted("")).body());
        assertThat(p.get("changes")).hasSize(data.size());
        String token = p.get("token").asString();
        // one of them changes before the apply: the preview no longer describes what would happen
        long first = data.getFirst();
        String single = "{\"ids\":[" + first + "],\"reason\":\"other\",\"until\":\"" + until + "\"%s}";
        String singleToken = Json.parse(api.json("POST", "/api/v1/findings/justify/preview", single.formatted("")).body())
                .get("token").asString();
        assertThat(api.json("POST", "/api/v1/findings/justify", single.formatted(",\"token\":\"" + singleToken + "\""))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> stale = api.json("POST", "/api/v1/findings/justify", request.formatted(",\"token\":\"" + token + "\""));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(ids(findings("&status=JUSTIFIED"), "")).containsExactly(first);
    }

    @Test
    void theConsoleSuppressesByRuleFromItsOwnFormThroughTheSamePreview() {
        List<Long> logs = ids(findings("&check=aws.s3.bucket/*"), "arn:aws:s3:::logs-");
        assertThat(logs).isNotEmpty();
        WebApp.Session console = app.session();
        console.login("admin", WebApp.ADMIN_PASSWORD);
        HttpResponse<String> list = console.get("/findings?check=aws.s3.bucket/*");
        assertThat(list.body()).contains("id=\"suppress-link\"").doesNotContain("id=\"suppress\"");
        HttpResponse<String> form = console.get("/findings/suppress?check=aws.s3.bucket/*");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"aws.s3.bucket/*\"", "<option value=\"" + accountId + "\">triage</option>",
                "every account");

        Map<String, String> rule = Map.of("check", "aws.s3.bucket/*", "accountId", String.valueOf(accountId),
                "resource", "arn:aws:s3:::logs-*", "reason", "log buckets are private by design", "expires", "");
        HttpResponse<String> preview = console.post("/findings/suppress/preview", rule, true);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"")
                .matcher(preview.body());
        assertThat(token.find()).isTrue();
        assertThat(findings("&status=SUPPRESSED")).as("a preview changes nothing").isEmpty();
        Map<String, String> confirm = new java.util.HashMap<>(rule);
        confirm.put("token", token.group(1));
        HttpResponse<String> applied = console.post("/findings/suppress", confirm, true);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(302);
        assertThat(ids(findings("&status=SUPPRESSED"), "")).containsExactlyInAnyOrderElementsOf(logs);
        assertThat(Json.parse(api.get("/api/v1/audit-log?action=suppression.").body()).get("items")).hasSize(1);

        app.user("viewer", Role.VIEWER, Set.of(accountId));
        WebApp.Session viewer = app.session();
        viewer.login("viewer", WebApp.ADMIN_PASSWORD);
        assertThat(viewer.get("/findings/suppress").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/findings").body()).doesNotContain("suppress-link");
    }

    @Test
    void theItemPageShowsTheItemsFindingsAndRevisionsFromItsOneRead() {
        JsonNode finding = findings("&check=aws.s3.bucket/*").get(0);
        long itemId = finding.get("itemId").asLong();
        JsonNode expected = Json.parse(api.get("/api/v1/items/" + itemId + "/findings").body());
        JsonNode list = expected.has("items") ? expected.get("items") : expected;
        assertThat(list.size()).isPositive();
        WebApp.Session console = app.session();
        console.login("admin", WebApp.ADMIN_PASSWORD);
        HttpResponse<String> page = console.get("/items/" + itemId);
        assertThat(page.statusCode()).isEqualTo(200);
        String table = page.body().substring(page.body().indexOf("id=\"item-findings\""));
        List<Long> shown = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"/findings/(\\d+)\"").matcher(table);
        while (m.find()) {
            shown.add(Long.parseLong(m.group(1)));
        }
        List<Long> listed = new ArrayList<>();
        list.forEach(f -> listed.add(f.get("id").asLong()));
        assertThat(shown).as("same findings, same order (worst first)").isEqualTo(listed);
        list.forEach(f -> assertThat(table).contains(f.get("check").asString()));
        assertThat(page.body()).contains("id=\"revisions\"").contains("<td>1</td><td>created</td>");
        assertThat(console.get("/items/" + Long.MAX_VALUE).statusCode()).isEqualTo(404);
    }
}
