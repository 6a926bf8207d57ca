package io.watchkeeper.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.watchkeeper.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Console and REST API under load: seeds a large estate in PostgreSQL with set-based SQL
 * (default 200,000 items and 1,000,000 findings), starts the real application jar against it,
 * and drives list, filter and detail requests from N concurrent clients for a fixed time. Also
 * measures the application's start time and idle RSS, on that database and on a fresh embedded one.
 *
 * <pre>
 * java -cp benchmarks/target/watchkeeper-benchmarks.jar io.watchkeeper.benchmarks.ConsoleBenchmark \
 *     [--items 200000] [--findings 1000000] [--clients 20] [--seconds 60] [--jar web/target/watchkeeper.jar]
 * </pre>
 * {@code --hold-seconds N} seeds and keeps the database up (its URL is printed) for EXPLAIN sessions;
 * {@code --database URL} measures against such a database again without seeding (the items option must match).
 */
public final class ConsoleBenchmark {

    private static final String PASSWORD = "benchmark-admin-password";
    private static final String TOKEN = "wkt_" + "b".repeat(43);
    private static final String[] TYPES = {"aws.s3.bucket", "aws.ec2.security-group", "aws.ec2.instance",
        "aws.iam.role", "aws.iam.user", "aws.kms.key", "aws.sqs.queue", "aws.sns.topic", "aws.lambda.function",
        "aws.rds.instance"};
    private static final String[] CHECKS = {"aws.s3.bucket/public-acl", "aws.s3.bucket/no-default-encryption",
        "aws.ec2.security-group/admin-port-open", "aws.ec2.instance/imdsv1", "aws.iam.role/cross-account-trust",
        "aws.iam.user/access-key-unused", "aws.kms.key/rotation-off", "aws.sqs.queue/public-policy",
        "aws.sns.topic/public-policy", "aws.lambda.function/public-url", "aws.rds.instance/public",
        "aws.iam.role/admin-policy"};

    private static long idleMillis = 30_000;

    private ConsoleBenchmark() {}

    /** One endpoint's latencies. */
    private record Sample(String name, List<Long> micros) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int items = Integer.parseInt(opts.getOrDefault("items", "200000"));
        int findings = Integer.parseInt(opts.getOrDefault("findings", "1000000"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "20"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        Path jar = Path.of(opts.getOrDefault("jar", "web/target/watchkeeper.jar"));
        Path out = Path.of(opts.getOrDefault("out", "benchmarks/target/console-results.md"));
        idleMillis = 1000L * Integer.parseInt(opts.getOrDefault("idle-seconds", "30"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no application jar at " + jar + ": ./mvnw -pl web -am package -DskipTests");
        }
        StringBuilder report = new StringBuilder();
        report.append("# Console and API benchmark\n\n");
        report.append(String.format("%d items, %d findings, %d clients, %d s measured, scheduler on the measured node: %s; "
                + "%d cores, JDK %s%n%n", items, findings, clients, seconds, opts.getOrDefault("scheduler", "false"),
                Runtime.getRuntime().availableProcessors(), Runtime.version()));

        if (!"false".equals(opts.get("embedded-starts"))) {
            report.append(embeddedStarts(jar));
        }
        if (opts.containsKey("database")) { // a database seeded earlier (by --hold-seconds), reused as it is
            report.append(measure(opts.get("database"), jar, opts, clients, seconds, items));
            write(out, report);
            return;
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "16MB")
                .setServerConfig("max_wal_size", "4GB").start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            long seedStart = System.nanoTime();
            seed(url, items, findings);
            report.append(String.format("Seeding: %.1f s (set-based SQL, ANALYZE included)%n%n",
                    (System.nanoTime() - seedStart) / 1e9));
            if (opts.containsKey("hold-seconds")) { // keep the seeded database up for EXPLAIN sessions
                System.out.println("seeded database: " + url);
                Thread.sleep(1000L * Integer.parseInt(opts.get("hold-seconds")));
                return;
            }
            report.append(measure(url, jar, opts, clients, seconds, items));
        }
        write(out, report);
    }

    private static void write(Path out, StringBuilder report) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Starts the application on a seeded database, waits until it is idle, and drives the load. */
    private static String measure(String url, Path jar, Map<String, String> opts, int clients, int seconds, int items)
            throws Exception {
        StringBuilder report = new StringBuilder();
        Path home = Files.createTempDirectory("wk-bench-home");
        int port = 18700 + ThreadLocalRandom.current().nextInt(200);
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g"));
        if (opts.containsKey("app-opts")) {
            command.addAll(List.of(opts.get("app-opts").split(" ")));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve", "--server.port=" + port,
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--watchkeeper.admin-password=" + PASSWORD, "--watchkeeper.home=" + home,
                "--logging.level.root=WARN",
                // a console node: the scheduled watches of 200 fictitious accounts (and the catalogue re-audit
                // of 200k items they trigger) would run on worker nodes; --scheduler true measures them together
                "--watchkeeper.scheduler.enabled=" + opts.getOrDefault("scheduler", "false")));
        Process app = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("app.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            waitHealthy(base, app);
            double startSeconds = (System.nanoTime() - start) / 1e9;
            insertToken(url);
            Thread.sleep(idleMillis);
            long idleRss = rssKb(app.pid());
            report.append(String.format("App start against the seeded database: %.1f s; RSS after %d s idle: %d MB%n%n",
                    startSeconds, idleMillis / 1000, idleRss / 1024));
            long postmaster = postmasterPid(url);
            report.append(load(base, clients, seconds, items, new long[] {app.pid(), postmaster}));
            report.append(String.format("%nRSS after the load: %d MB%n", rssKb(app.pid()) / 1024));
        } finally {
            app.destroy();
            app.waitFor();
        }
        return report.toString();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Cold start on a fresh embedded database (initdb included) and a warm restart on the same home. */
    private static String embeddedStarts(Path jar) throws Exception {
        Path home = Files.createTempDirectory("wk-bench-embedded");
        StringBuilder sb = new StringBuilder("App start on the embedded database:\n\n| start | seconds | RSS after idle |\n|---|---|---|\n");
        for (String kind : List.of("first start (initdb, migrations, admin)", "restart (existing data)")) {
            int port = 18500 + ThreadLocalRandom.current().nextInt(200);
            long start = System.nanoTime();
            Process app = new ProcessBuilder(java(), "-jar", jar.toString(), "serve", "--server.port=" + port,
                    "--watchkeeper.home=" + home, "--watchkeeper.admin-password=" + PASSWORD, "--logging.level.root=WARN")
                    .redirectErrorStream(true).redirectOutput(home.resolve("app-" + port + ".log").toFile()).start();
            try {
                waitHealthy("http://127.0.0.1:" + port, app);
                double seconds = (System.nanoTime() - start) / 1e9;
                Thread.sleep(idleMillis);
                long rss = 0;
                for (ProcessHandle h : List.of(app.toHandle())) {
                    rss += rssKb(h.pid());
                }
                long pgRss = app.toHandle().descendants().mapToLong(h -> rssKb(h.pid())).sum();
                sb.append(String.format("| %s | %.1f | %d MB (JVM) + %d MB (embedded PostgreSQL) |%n", kind, seconds,
                        rss / 1024, pgRss / 1024));
            } finally {
                app.destroy();
                app.waitFor();
            }
        }
        return sb.append('\n').toString();
    }

    private static void waitHealthy(String base, Process app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application exited with " + app.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the application did not become healthy in 300 s");
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static void seed(String url, int items, int findings) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            Migrations.migrate(ds);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO account (provider, name, external_id, regions) SELECT 'aws', 'acct-' || g, "
                        + "lpad(g::text, 12, '0'), '{us-east-1,eu-west-1,us-west-2,ap-southeast-2}' FROM generate_series(1, 200) g");
                s.execute("INSERT INTO item (account_id, resource_type, scope_region, region, resource_id, name, first_seen) "
                        + "SELECT 1 + (g % 200), (ARRAY" + sqlArray(TYPES) + ")[1 + (g % " + TYPES.length + ")], "
                        + "(ARRAY['us-east-1','eu-west-1','us-west-2','ap-southeast-2'])[1 + (g / 7 % 4)], "
                        + "(ARRAY['us-east-1','eu-west-1','us-west-2','ap-southeast-2'])[1 + (g / 7 % 4)], "
                        + "'arn:aws:bench:::res-' || g, 'res-' || md5(g::text) || '-' || g, now() - (g % 90) * interval '1 day' "
                        + "FROM generate_series(1, " + items + ") g");
                s.execute("INSERT INTO item_revision (item_id, revision_no, kind, config, durable_hash, full_hash, diff, observed_at) "
                        + "SELECT i.id, r, CASE WHEN r = 1 THEN 'created' ELSE 'changed' END, "
                        + "jsonb_build_object('name', i.name, 'arn', i.resource_id, 'revision', r, 'tags', "
                        + "jsonb_build_object('env', CASE WHEN i.id % 3 = 0 THEN 'prod' ELSE 'dev' END, 'team', 'team-' || (i.id % 40)), "
                        + "'policy', jsonb_build_object('Statement', jsonb_build_array(jsonb_build_object('Effect', 'Allow', "
                        + "'Action', 's3:GetObject', 'Resource', i.resource_id)))), md5(i.id::text || r), md5(i.id::text || r), "
                        + "CASE WHEN r = 1 THEN '[]'::jsonb ELSE ('[{\"op\":\"replace\",\"path\":\"/revision\",\"value\":' || r || '}]')::jsonb END, "
                        + "now() - (3 - r) * interval '7 days' - (i.id % 1000) * interval '1 minute' "
                        + "FROM item i CROSS JOIN LATERAL generate_series(1, 1 + (i.id % 3)) r");
                s.execute("INSERT INTO finding (fingerprint, check_id, account_id, item_id, resource_type, region, resource_id, "
                        + "resource_name, evidence_key, evidence, evidence_hash, message, severity, exposure, score, "
                        + "score_breakdown, controls, status, first_seen, status_changed_at) "
                        + "SELECT md5('f' || g), c.check_id, i.account_id, i.id, i.resource_type, i.region, i.resource_id, i.name, "
                        + "'k' || (g % 5), jsonb_build_object('detail', 'evidence ' || g), md5('e' || g), 'Benchmark finding ' || g, "
                        + "sev, 'INTERNET', s.score, jsonb_build_object('severity', sev, 'severityBase', 40, 'exposure', 'INTERNET', "
                        + "'exposureFactor', 1.0, 'contextFactor', 1.0, 'context', 'none', 'score', s.score), '{CIS-1.1}', "
                        + "CASE WHEN g % 10 = 0 THEN 'FIXED' WHEN g % 17 = 0 THEN 'REGRESSED' ELSE 'OPEN' END, "
                        + "now() - (g % 30) * interval '1 day', now() - (g % 30) * interval '1 day' "
                        + "FROM generate_series(1, " + findings + ") g "
                        + "JOIN item i ON i.id = 1 + (g % " + items + ") "
                        + "CROSS JOIN LATERAL (SELECT (ARRAY" + sqlArray(CHECKS) + ")[1 + (g / " + items + " + g) % "
                        + CHECKS.length + "] AS check_id) c "
                        + "CROSS JOIN LATERAL (SELECT (ARRAY['INFO','LOW','MEDIUM','MEDIUM','HIGH','HIGH','CRITICAL','LOW'])"
                        + "[1 + (g % 8)] AS sev) v "
                        + "CROSS JOIN LATERAL (SELECT ((g::bigint * 7919) % 101)::int AS score) s");
                s.execute("INSERT INTO finding_event (finding_id, at, event, actor) SELECT id, first_seen, 'opened', 'audit' FROM finding");
                s.execute("INSERT INTO finding_event (finding_id, at, event, actor) SELECT id, status_changed_at + interval '1 hour', "
                        + "'fixed', 'audit' FROM finding WHERE status = 'FIXED'");
                s.execute("ANALYZE");
            }
        }
    }

    private static String sqlArray(String[] values) {
        return "['" + String.join("','", values) + "']";
    }

    /** An admin token inserted directly: {@code secret_hash} is the SHA-256 hex of the whole secret. */
    private static void insertToken(String url) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(1);
        try (HikariDataSource ds = new HikariDataSource(config); Connection c = ds.getConnection();
             var exists = c.prepareStatement("SELECT 1 FROM api_token WHERE secret_hash = ?");
             var ps = c.prepareStatement("INSERT INTO api_token (user_id, name, token_prefix, secret_hash, role) "
                     + "SELECT id, 'benchmark', ?, ?, 'ADMIN' FROM app_user WHERE username = 'admin'")) {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(TOKEN.getBytes(StandardCharsets.US_ASCII)));
            exists.setString(1, hash);
            if (exists.executeQuery().next()) {
                return; // a reused database (--database) has it already
            }
            ps.setString(1, TOKEN.substring(0, 10));
            ps.setString(2, hash);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no admin user to own the benchmark token");
            }
        }
    }

    /**
     * A console session for one client: GET /login, POST the form with its CSRF token; returns the
     * session's {@code Cookie} header value.
     */
    private static String consoleSession(String base) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("console login failed: " + login.statusCode());
        }
        return cookies.getCookieStore().get(URI.create(base)).stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The PostgreSQL server process: the parent of this connection's backend. */
    private static long postmasterPid(String url) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", null);
             Statement st = c.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return ProcessCpu.parent(rs.getInt(1));
        }
    }

    /** CPU seconds of the application, PostgreSQL and this load generator at one moment. */
    private static double[] cpu(long[] pids) {
        return new double[] {ProcessCpu.treeSeconds(pids[0]), ProcessCpu.treeSeconds(pids[1]),
            ProcessCpu.processSeconds(ProcessHandle.current().pid())};
    }

    private static String load(String base, int clients, int seconds, int items, long[] pids) throws Exception {
        // cursors for "second page" requests come from real first pages
        HttpClient probe = HttpClient.newHttpClient();
        String itemsNext = field(get(probe, base + "/api/v1/items?limit=50", true), "next");
        String findingsNext = field(get(probe, base + "/api/v1/findings?limit=50", true), "next");
        Map<String, Supplier<String>> api = new LinkedHashMap<>();
        api.put("api items (first page)", () -> "/api/v1/items?limit=50");
        api.put("api items ?type=", () -> "/api/v1/items?limit=50&type=" + TYPES[ThreadLocalRandom.current().nextInt(TYPES.length)]);
        api.put("api items ?q= (name substring)", () -> "/api/v1/items?limit=50&q=" + Integer.toHexString(ThreadLocalRandom.current().nextInt(4096)));
        api.put("api items ?account=", () -> "/api/v1/items?limit=50&account=acct-" + (1 + ThreadLocalRandom.current().nextInt(200)));
        api.put("api items ?tag=env=prod", () -> "/api/v1/items?limit=50&tag=env%3Dprod");
        api.put("api items (next page)", () -> "/api/v1/items?limit=50&cursor=" + itemsNext);
        api.put("api findings (first page)", () -> "/api/v1/findings?limit=50");
        api.put("api findings ?severity=HIGH", () -> "/api/v1/findings?limit=50&severity=HIGH");
        api.put("api findings ?account=", () -> "/api/v1/findings?limit=50&account=acct-" + (1 + ThreadLocalRandom.current().nextInt(200)));
        api.put("api findings ?check=", () -> "/api/v1/findings?limit=50&check=" + CHECKS[ThreadLocalRandom.current().nextInt(CHECKS.length)]);
        api.put("api findings (next page)", () -> "/api/v1/findings?limit=50&cursor=" + findingsNext);
        api.put("api item detail", () -> "/api/v1/items/" + (1 + ThreadLocalRandom.current().nextInt(items)));
        api.put("api item revisions", () -> "/api/v1/items/" + (1 + ThreadLocalRandom.current().nextInt(items)) + "/revisions");
        api.put("api dashboard", () -> "/api/v1/dashboard");
        Map<String, Supplier<String>> pages = new LinkedHashMap<>();
        pages.put("page /items", () -> "/items");
        pages.put("page /items?q=", () -> "/items?q=" + Integer.toHexString(ThreadLocalRandom.current().nextInt(4096)));
        pages.put("page /findings", () -> "/findings");
        pages.put("page /findings?severity=HIGH", () -> "/findings?severity=HIGH");
        pages.put("page /items/{id}", () -> "/items/" + (1 + ThreadLocalRandom.current().nextInt(items)));
        pages.put("page / (dashboard)", () -> "/");
        List<String> names = new ArrayList<>(api.keySet());
        names.addAll(pages.keySet());
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        names.forEach(n -> latencies.put(n, Collections.synchronizedList(new ArrayList<>())));
        AtomicLong errors = new AtomicLong();
        List<String> errorSamples = new CopyOnWriteArrayList<>();
        // every client signs in first (a bcrypt check each): sign-ins must not run inside the measured window
        URI server = URI.create(base);
        List<LeanHttpClient[]> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            connections.add(new LeanHttpClient[] {
                    new LeanHttpClient(server.getHost(), server.getPort(), "Cookie: " + consoleSession(base)),
                    new LeanHttpClient(server.getHost(), server.getPort(), "Authorization: Bearer " + TOKEN)});
        }
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        double[][] cpuAtStart = new double[1][];
        threads.add(Thread.ofPlatform().name("cpu-meter").start(() -> {
            try {
                Thread.sleep(Math.max(0, (warmupEnd - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cpuAtStart[0] = cpu(pids);
        }));
        for (int c = 0; c < clients; c++) {
            LeanHttpClient session = connections.get(c)[0];
            LeanHttpClient apiClient = connections.get(c)[1];
            int offset = c;
            threads.add(Thread.ofPlatform().name("client-" + c).start(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    String name = names.get(i++ % names.size());
                    boolean isApi = api.containsKey(name);
                    String path = (isApi ? api.get(name) : pages.get(name)).get();
                    long t0 = System.nanoTime();
                    try {
                        int status = (isApi ? apiClient : session).get(path, 30_000);
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (status != 200) {
                            errors.incrementAndGet();
                            if (errorSamples.size() < 5) {
                                errorSamples.add(path + " → " + status);
                            }
                        } else if (t0 > warmupEnd) {
                            latencies.get(name).add(micros);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (errorSamples.size() < 5) {
                            errorSamples.add(path + " → " + e);
                        }
                    }
                }
                session.close();
                apiClient.close();
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double[] cpuAtEnd = cpu(pids);
        StringBuilder sb = new StringBuilder(String.format(
                "Load: %d clients, 10 s warm-up, %d s measured, each client cycling through every endpoint "
                + "(a blocking HTTP/1.1 client, one keep-alive connection per client for the API and one for the console).%n%n", clients, seconds));
        sb.append("| endpoint | requests | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        List<Long> all = new ArrayList<>();
        for (String name : names) {
            List<Long> l = new ArrayList<>(latencies.get(name));
            all.addAll(l);
            sb.append(row(name, l));
        }
        sb.append(row("**all**", all));
        sb.append(String.format("%nThroughput: %.0f requests/s; non-200 answers: %d %s%n", all.size() / (double) seconds,
                errors.get(), errorSamples));
        double requests = Math.max(1, all.size());
        sb.append(String.format("CPU per request (measured window, /proc): application %.2f ms, PostgreSQL %.2f ms, "
                + "load generator %.2f ms; machine CPU busy for these three: %.0f %% of %d cores%n",
                1000 * (cpuAtEnd[0] - cpuAtStart[0][0]) / requests, 1000 * (cpuAtEnd[1] - cpuAtStart[0][1]) / requests,
                1000 * (cpuAtEnd[2] - cpuAtStart[0][2]) / requests,
                100 * (cpuAtEnd[0] + cpuAtEnd[1] + cpuAtEnd[2] - cpuAtStart[0][0] - cpuAtStart[0][1] - cpuAtStart[0][2])
                        / seconds / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors()));
        if (errors.get() > 0) {
            System.err.println("ERRORS: " + errorSamples);
        }
        return sb.toString();
    }

    private static String row(String name, List<Long> micros) {
        if (micros.isEmpty()) {
            return "| " + name + " | 0 | | | | |\n";
        }
        Collections.sort(micros);
        return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, micros.size(), pct(micros, 50) / 1000.0,
                pct(micros, 95) / 1000.0, pct(micros, 99) / 1000.0, micros.getLast() / 1000.0);
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String get(HttpClient http, String url, boolean api) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (api) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no '" + name + "' in " + json.substring(0, Math.min(200, json.length())));
        }
        return m.group(1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }
}
