package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditLogReader;
import io.watchkeeper.core.audit.AuditRecord;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.testing.CliHarness;
import io.watchkeeper.web.testing.InProcessCli;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * One write path: the same action done from the command line and through the API is recorded once,
 * with the same action, the same target format and the same fields — the CLI goes through the
 * services the API and the console use.
 */
class WritePathParityTest {

    private static final Moto MOTO = Moto.get();
    private static final String CHECK = "aws.s3.bucket/public-acl";
    private static final String OTHER_CHECK = "aws.s3.bucket/versioning-off";
    private static WebApp app;
    private static WebApp.Session api;
    private static long accountId;

    @BeforeAll
    static void start() {
        MOTO.reset();
        Moto.pointProductAt(MOTO.endpoint());
        S3Client s3 = MOTO.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("parity-a"));
        s3.createBucket(r -> r.bucket("parity-b"));
        app = WebApp.start("--watchkeeper.aws.regions=us-east-1");
        CliHarness.Run add = cli("accounts", "add", "aws", "--name", "parity", "--account-id", Moto.ACCOUNT_ID,
                "--regions", "us-east-1");
        assertThat(add.exit()).as(add.err()).isZero();
        accountId = app.bean(AccountStore.class).require("parity").id();
        CliHarness.Run scan = cli("scan", "--account", "parity", "--type", "aws.s3.bucket");
        assertThat(scan.exit()).as(scan.out() + scan.err()).isZero();
        api = app.session().bearer(app.token("admin", Role.ADMIN));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static CliHarness.Run cli(String... args) {
        return InProcessCli.run(app.context, args);
    }

    /** The one entry of {@code action} written by the command line, and the one written through the API. */
    private static AuditRecord[] cliAndApi(String action) {
        List<AuditRecord> all = app.bean(AuditLogReader.class).list(null, action, null, null, 500).stream()
                .filter(r -> r.action().equals(action)).toList();
        List<AuditRecord> fromCli = all.stream().filter(r -> r.actor().startsWith("cli:")).toList();
        List<AuditRecord> fromApi = all.stream().filter(r -> r.actor().startsWith("admin (token ")).toList();
        assertThat(fromCli).as("%s from the CLI, written once: %s", action, all).hasSize(1);
        assertThat(fromApi).as("%s through the API, written once: %s", action, all).hasSize(1);
        return new AuditRecord[] {fromCli.getFirst(), fromApi.getFirst()};
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> names.add(e.getKey()));
        }
        return names;
    }

    private static void sameShape(AuditRecord fromCli, AuditRecord fromApi) {
        assertThat(fields(fromCli.before())).as("fields before").isEqualTo(fields(fromApi.before()));
        assertThat(fields(fromCli.after())).as("fields after").isEqualTo(fields(fromApi.after()));
    }

    @Test
    void justifyingAFindingIsRecordedAlikeFromBothPaths() {
        List<FindingView> open = new ArrayList<>(app.bean(FindingReader.class).list(FindingFilter.open()).stream()
                .filter(f -> f.account().equals("parity")).toList());
        assertThat(open).hasSizeGreaterThanOrEqualTo(2);
        FindingView viaCli = open.get(0);
        FindingView viaApi = open.get(1);

        CliHarness.Run justify = cli("findings", "justify", viaCli.fingerprint(), "--reason", "accepted for now", "--days", "30");
        assertThat(justify.exit()).as(justify.err()).isZero();
        String request = "{\"ids\":[" + viaApi.id() + "],\"reason\":\"accepted for now\",\"until\":\""
                + OffsetDateTime.now().plusDays(30) + "\"%s}";
        HttpResponse<String> preview = api.json("POST", "/api/v1/findings/justify/preview", request.formatted(""));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        String token = Json.parse(preview.body()).get("token").asString();
        HttpResponse<String> applied = api.json("POST", "/api/v1/findings/justify",
                request.formatted(",\"token\":\"" + token + "\""));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);

        AuditRecord[] entries = cliAndApi("finding.justify");
        assertThat(entries[0].target()).isEqualTo("finding:" + viaCli.id());
        assertThat(entries[1].target()).isEqualTo("finding:" + viaApi.id());
        sameShape(entries[0], entries[1]);
        assertThat(entries[0].after().get("status").asString()).isEqualTo("JUSTIFIED");
    }

    @Test
    void aCheckOverrideIsRecordedAlikeFromBothPaths() {
        CliHarness.Run disable = cli("checks", "disable", CHECK, "--account", "parity");
        assertThat(disable.exit()).as(disable.err()).isZero();
        HttpResponse<String> put = api.json("PUT", "/api/v1/checks/" + OTHER_CHECK + "/settings",
                "{\"accountId\":" + accountId + ",\"enabled\":true,\"severity\":\"LOW\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        AuditRecord[] entries = cliAndApi("check.override");
        assertThat(entries[0].target()).isEqualTo("check:" + CHECK + "@" + accountId);
        assertThat(entries[1].target()).isEqualTo("check:" + OTHER_CHECK + "@" + accountId);
        sameShape(entries[0], entries[1]);
        assertThat(entries[0].after().get("enabled").asBoolean()).isFalse();
        assertThat(entries[1].after().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void addingAnAccountIsRecordedAlikeFromBothPaths() {
        CliHarness.Run add = cli("accounts", "add", "aws", "--name", "cli-added", "--account-id", "111111111111");
        assertThat(add.exit()).as(add.err()).isZero();
        HttpResponse<String> post = api.json("POST", "/api/v1/accounts",
                "{\"name\":\"api-added\",\"accountId\":\"222222222222\"}");
        assertThat(post.statusCode()).as(post.body()).isEqualTo(201);

        List<AuditRecord> adds = app.bean(AuditLogReader.class).list(null, "account.add", null, null, 500);
        AuditRecord fromCli = adds.stream().filter(r -> r.target().equals("account:cli-added")).findFirst().orElseThrow();
        AuditRecord fromApi = adds.stream().filter(r -> r.target().equals("account:api-added")).findFirst().orElseThrow();
        assertThat(adds.stream().filter(r -> r.target().endsWith("-added"))).hasSize(2);
        assertThat(fromCli.actor()).startsWith("cli:");
        assertThat(fromApi.actor()).startsWith("admin (token ");
        sameShape(fromCli, fromApi);
        assertThat(fromCli.after().get("accountId").asString()).isEqualTo("111111111111");
    }

    @Test
    void assigningAnOwnerIsRecordedAlikeFromBothPaths() {
        List<FindingView> open = app.bean(FindingReader.class).list(FindingFilter.open()).stream()
                .filter(f -> f.account().equals("parity")).toList();
        FindingView viaCli = open.getLast();
        FindingView viaApi = open.get(open.size() - 2);
        CliHarness.Run owner = cli("findings", "owner", Long.toString(viaCli.id()), "team-storage");
        assertThat(owner.exit()).as(owner.err()).isZero();
        HttpResponse<String> post = api.json("POST", "/api/v1/findings/" + viaApi.id() + "/owner", "{\"owner\":\"team-web\"}");
        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);

        AuditRecord[] entries = cliAndApi("finding.assign");
        assertThat(entries[0].target()).isEqualTo("finding:" + viaCli.id());
        assertThat(entries[1].target()).isEqualTo("finding:" + viaApi.id());
        sameShape(entries[0], entries[1]);
        assertThat(app.bean(FindingReader.class).find(Long.toString(viaCli.id())).orElseThrow().owner())
                .isEqualTo("team-storage");
    }

    @Test
    void aSuppressionFromTheCliAppliesAtOnceAndIsRemovedThroughTheService() {
        CliHarness.Run suppress = cli("findings", "suppress", "--check", "aws.s3.bucket/*", "--account", "parity",
                "--resource", "arn:aws:s3:::parity-b", "--reason", "test bucket");
        assertThat(suppress.exit()).as(suppress.err()).isZero();
        List<FindingView> suppressed = app.bean(FindingReader.class).list(new FindingFilter(
                Set.of(io.watchkeeper.core.finding.FindingStatus.SUPPRESSED), "parity", null, null, null, null, null,
                null, null, 100));
        assertThat(suppressed).as("suppressed at once, not at the next audit").isNotEmpty()
                .allSatisfy(f -> assertThat(f.resourceId()).isEqualTo("arn:aws:s3:::parity-b"));
        assertThat(suppress.out()).contains(suppressed.size() + " finding(s) suppressed now");
        JsonNode rules = Json.parse(api.get("/api/v1/findings/suppressions").body());
        assertThat(rules).hasSize(1);
        long ruleId = rules.get(0).get("id").asLong();
        List<AuditRecord> added = app.bean(AuditLogReader.class).list(null, "suppression.add", null, null, 10);
        assertThat(added).hasSize(1);
        assertThat(added.getFirst().target()).isEqualTo("suppression:" + ruleId);
        assertThat(fields(added.getFirst().after())).containsExactly("account", "check", "findings", "resource");

        CliHarness.Run unsuppress = cli("findings", "unsuppress", Long.toString(ruleId));
        assertThat(unsuppress.exit()).as(unsuppress.err()).isZero();
        assertThat(app.bean(FindingReader.class).list(new FindingFilter(
                Set.of(io.watchkeeper.core.finding.FindingStatus.SUPPRESSED), "parity", null, null, null, null, null,
                null, null, 100))).as("reopened at once").isEmpty();
        assertThat(app.bean(AuditLogReader.class).list(null, "suppression.remove", null, null, 10))
                .singleElement().satisfies(r -> assertThat(r.target()).isEqualTo("suppression:" + ruleId));
        CliHarness.Run again = cli("findings", "unsuppress", Long.toString(ruleId));
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("error: no active suppression rule " + ruleId + System.lineSeparator());
    }

    @Test
    void settingAWatchIntervalIsRecordedAlikeFromBothPaths() {
        CliHarness.Run set = cli("intervals", "set", "--account", "parity", "--type", "aws.s3.bucket", "--minutes", "15");
        assertThat(set.exit()).as(set.err()).isZero();
        HttpResponse<String> put = api.json("PUT", "/api/v1/watch-intervals",
                "{\"accountId\":" + accountId + ",\"type\":\"aws.iam.role\",\"minutes\":20}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        AuditRecord[] entries = cliAndApi("watch.interval.set");
        assertThat(entries[0].target()).isEqualTo("interval:" + accountId + ":aws.s3.bucket");
        assertThat(entries[1].target()).isEqualTo("interval:" + accountId + ":aws.iam.role");
        sameShape(entries[0], entries[1]);
        assertThat(entries[0].after().get("minutes").asInt()).isEqualTo(15);
    }
}
