package io.watchkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemReader;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.testing.Moto;
import io.watchkeeper.web.schedule.WatchScheduling;
import io.watchkeeper.web.schedule.WatchTaskData;
import io.watchkeeper.web.testing.CliHarness;
import io.watchkeeper.web.testing.InProcessCli;
import io.watchkeeper.web.testing.WebApp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Against moto (account 123456789012): an account whose credentials reach another account fails
 * clearly and writes nothing; a third-party account is never watched — not by the CLI, the API, the
 * console, the scheduler or the pipeline itself.
 */
class AccountIdentityTest {

    private static final Moto MOTO = Moto.get();
    private static WebApp app;

    @BeforeAll
    static void start() {
        MOTO.reset();
        Moto.pointProductAt(MOTO.endpoint());
        S3Client s3 = MOTO.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("hub-own-bucket"));
        app = WebApp.start("--watchkeeper.aws.regions=us-east-1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static CliHarness.Run cli(String... args) {
        return InProcessCli.run(app.context, args);
    }

    private static List<ItemSummary> items(String account) {
        return app.bean(ItemReader.class).list(new ItemFilter(account, null, null, null, true, null, 100));
    }

    @Test
    void anAccountReachedWithAnotherAccountsCredentialsFailsNamingBothIdsAndWritesNothing() {
        assertThat(cli("accounts", "add", "aws", "--name", "mislabelled", "--account-id", "111111111111",
                "--regions", "us-east-1").exit()).isZero();
        long id = app.bean(AccountStore.class).require("mislabelled").id();
        // something stored earlier for the account: a failed identity check must not mark it deleted
        app.db.dsl().execute("INSERT INTO item (account_id, resource_type, scope_region, region, resource_id, name) "
                + "VALUES (?, 'aws.s3.bucket', 'global', 'us-east-1', 'arn:aws:s3:::earlier', 'earlier')", id);
        app.db.dsl().execute("INSERT INTO item_revision (item_id, revision_no, kind, config) SELECT id, 1, 'created', "
                + "'{\"name\":\"earlier\"}'::jsonb FROM item WHERE account_id = ?", id);
        try {
            CliHarness.Run watch = cli("watch", "--account", "mislabelled", "--type", "aws.s3.bucket");
            assertThat(watch.exit()).as(watch.out() + watch.err()).isEqualTo(1);
            assertThat(watch.out()).contains("FAILED").contains("111111111111").contains(Moto.ACCOUNT_ID)
                    .contains("0 scopes ok, 1 failed");
            List<ItemSummary> stored = items("mislabelled");
            assertThat(stored).extracting(ItemSummary::name).containsExactly("earlier");
            assertThat(stored.getFirst().deleted()).isFalse();
            assertThat(stored.getFirst().revisions()).isEqualTo(1);

            CliHarness.Run scan = cli("scan", "--account", "mislabelled", "--type", "aws.s3.bucket");
            assertThat(scan.exit()).isEqualTo(1);
            assertThat(items("mislabelled")).extracting(ItemSummary::name).containsExactly("earlier");
        } finally {
            cli("accounts", "disable", "mislabelled");
        }
    }

    @Test
    void aRoleInAnotherAccountThanTheRegisteredOneFailsToo() {
        assertThat(cli("accounts", "add", "aws", "--name", "wrong-role", "--account-id", "333333333333",
                "--role-arn", "arn:aws:iam::444444444444:role/watchkeeper", "--regions", "us-east-1").exit()).isZero();
        try {
            CliHarness.Run watch = cli("watch", "--account", "wrong-role", "--type", "aws.s3.bucket", "--format", "json");
            assertThat(watch.exit()).isEqualTo(1);
            String message = Json.parse(watch.out()).at("/scopes/0/message").asString();
            assertThat(message).contains("333333333333").contains("444444444444")
                    .contains("arn:aws:iam::444444444444:role/watchkeeper");
            assertThat(items("wrong-role")).isEmpty();
            // the connection test says the same
            long id = app.bean(AccountStore.class).require("wrong-role").id();
            HttpResponse<String> test = app.session().bearer(app.token("admin", Role.ADMIN))
                    .json("POST", "/api/v1/accounts/" + id + "/test", null);
            assertThat(Json.parse(test.body()).get("ok").asBoolean()).isFalse();
            assertThat(Json.parse(test.body()).get("error").asString()).contains("444444444444");
        } finally {
            cli("accounts", "disable", "wrong-role");
        }
    }

    @Test
    void thirdPartyAccountsAreNeverWatched() {
        assertThat(cli("accounts", "add", "aws", "--name", "own", "--account-id", Moto.ACCOUNT_ID,
                "--regions", "us-east-1").exit()).isZero();
        CliHarness.Run add = cli("accounts", "add", "aws", "--name", "vendor", "--account-id", "999999999999",
                "--third-party");
        assertThat(add.exit()).as(add.err()).isZero();
        Account vendor = app.bean(AccountStore.class).require("vendor");

        // the command line: a scan over every account skips it and says so; asking for it is bad input
        CliHarness.Run scan = cli("scan", "--type", "aws.s3.bucket");
        assertThat(scan.exit()).as(scan.out() + scan.err()).isZero();
        assertThat(scan.out()).contains("vendor").contains("third-party");
        CliHarness.Run watch = cli("watch", "--account", "vendor");
        assertThat(watch.exit()).isEqualTo(2);
        assertThat(watch.err()).startsWith("error: ").contains("vendor").contains("third-party");
        assertThat(items("own")).extracting(ItemSummary::name).contains("hub-own-bucket");
        assertThat(items("vendor")).isEmpty();

        // the API and the console's scan button
        WebApp.Session api = app.session().bearer(app.token("admin", Role.ADMIN));
        HttpResponse<String> named = api.json("POST", "/api/v1/scans", "{\"accountIds\":[" + vendor.id() + "]}");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(400);
        assertThat(named.body()).contains("third-party");
        HttpResponse<String> all = api.json("POST", "/api/v1/scans", "{}");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(202);
        assertThat(Json.parse(all.body()).get("accounts").toString()).contains("own").doesNotContain("vendor");
        assertThat(Json.parse(all.body()).get("skipped").toString()).contains("vendor");

        // the scheduler plans no watch for it
        SchedulerClient client = app.bean(SchedulerClient.class);
        app.bean(WatchScheduling.class).reconcile(client);
        List<Long> scheduled = client.getScheduledExecutionsForTask(WatchScheduling.WATCH_TASK, WatchTaskData.class)
                .stream().map(ScheduledExecution::getData).map(WatchTaskData::accountId).distinct().toList();
        assertThat(scheduled).contains(app.bean(AccountStore.class).require("own").id()).doesNotContain(vendor.id());

        // and the pipeline refuses it even when asked directly: skipped, never opened
        RunSummary direct = app.bean(Scanner.class).watch(new WatchRequest(List.of(vendor),
                Set.of(ResourceType.of("aws.s3.bucket")), Set.of(), "manual", "test", true), WatchProgress.NONE).watch();
        assertThat(direct.scopes()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(ScopeStatus.SKIPPED);
            assertThat(s.message()).contains("third-party");
        });
        assertThat(items("vendor")).isEmpty();
    }
}
