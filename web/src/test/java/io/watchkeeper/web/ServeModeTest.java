package io.watchkeeper.web;

import static io.watchkeeper.db.jooq.Tables.WATCH_RUN;
import static io.watchkeeper.db.jooq.Tables.WATCH_SCOPE_RESULT;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.watchers.testing.Moto;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code serve}: health, Prometheus metrics, the front page, and scheduled watching of a new account. */
class ServeModeTest {

    @Test
    void servesHealthMetricsAndWatchesOnSchedule() throws Exception {
        Moto moto = Moto.get();
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("scheduled-bucket"));
        TestDatabase db = TestDatabase.fresh();
        try (ConfigurableApplicationContext app = WatchkeeperApplication.serve(new String[] {
                "--server.port=0", "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=postgres",
                "--watchkeeper.scheduler.polling-interval=200ms", "--watchkeeper.scheduler.reconcile-interval=1s",
                "--watchkeeper.aws.regions=us-east-1", "--watchkeeper.admin-password=" + io.watchkeeper.web.testing.WebApp.ADMIN_PASSWORD,
                "--watchkeeper.home=" + java.nio.file.Files.createTempDirectory("wk-serve")})) {
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> front = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(front.statusCode()).isEqualTo(302);
            assertThat(front.headers().firstValue("Location").orElse("")).endsWith("/login");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("Watchkeeper").contains("name=\"_csrf\"");

            app.getBean(AccountStore.class).add(new AccountSpec(Provider.AWS, "scheduled", Moto.ACCOUNT_ID,
                    AccountAccess.NONE, List.of("us-east-1"), Map.of(), false));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            var bucketWatched = WATCH_SCOPE_RESULT.RESOURCE_TYPE.eq("aws.s3.bucket").and(WATCH_SCOPE_RESULT.STATUS.eq("OK"));
            while (db.dsl().fetchCount(WATCH_SCOPE_RESULT, bucketWatched) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(db.dsl().fetchCount(WATCH_SCOPE_RESULT, bucketWatched)).isEqualTo(1);
            assertThat(db.dsl().fetchCount(WATCH_RUN, WATCH_RUN.TRIGGER.eq("schedule"))).isGreaterThanOrEqualTo(1);

            URI prometheus = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
            assertThat(http.send(HttpRequest.newBuilder(prometheus).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).as("metrics need a token").isEqualTo(401);
            String token = app.getBean(io.watchkeeper.web.service.AccessAdmin.class).createToken("prometheus",
                    io.watchkeeper.core.access.Role.VIEWER, null, null, io.watchkeeper.web.testing.WebApp.SYSTEM_ADMIN).secret();
            String metrics = http.send(HttpRequest.newBuilder(prometheus).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("watchkeeper_watch_scope_duration_seconds_count")
                    .contains("watchkeeper_provider_api_calls_total")
                    .contains("watchkeeper_watch_items_changed_total{change=\"created\",type=\"aws.s3.bucket\"");
        }
    }
}
