package io.watchkeeper.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import io.watchkeeper.benchmarks.SyntheticOrg.Kind;
import io.watchkeeper.benchmarks.SyntheticOrg.Sizes;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeCounts;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqScopeLeases;
import io.watchkeeper.db.JooqSnapshotStore;
import io.watchkeeper.db.JooqWatchRunStore;
import io.watchkeeper.db.Migrations;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatchSettings;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.aws.AwsSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The watch pipeline benchmark: the real pipeline (watcher registry, AWS sessions with role
 * assumption, jOOQ snapshot store on PostgreSQL) against {@link AwsWireStub} on loopback and a
 * fresh embedded PostgreSQL. Three runs: a full first watch, a watch after a fraction of the
 * items changed, and a watch with nothing changed. Stops by itself; nothing leaves loopback.
 */
public final class WatchBenchmark {

    private static final String USAGE = """
            Usage: java -Xmx512m -jar watchkeeper-benchmarks.jar [options]
              --accounts N            member accounts (default 200)
              --regions N             regions per account, 1..17 (default 4)
              --latency-ms N          latency the stub adds to every request (default 30)
              --change-fraction F     fraction of items changed before the second run (default 0.01)
              --max-scopes N          scopes watched at once (default 256, the product default)
              --calls-per-account N   API calls in flight per account (AwsSettings, default 10)
              --max-connections N     HTTP connections shared by all clients (AwsSettings, default 512)
              --db-pool N             PostgreSQL connections (HikariCP; the server's default is 20)
              --sync-commit on|off    PostgreSQL synchronous_commit (default on, as in production)
              --list-regions          register the regions on each account instead of discovering them
              --seed N                seed of the changes (default 42)
              --roles N --users N --groups N --policies N --buckets N --security-groups N --instances N
                                      per-account (and per-region) sizes (defaults 60 20 5 10 10 30 15)
              --types old|all|both    old: the nine types watched before issue 14; all: every type the stub
                                      serves (adds the issue-14 types); both (default): old, then all, each on a
                                      fresh stub and database, reported side by side
              --out FILE              also write the results as a markdown table
            """;

    /** Types of the organisation; the run asks for exactly these. */
    static Set<ResourceType> types(Sizes sizes) {
        return Arrays.stream(Kind.values()).filter(sizes::includes).map(k -> ResourceType.of(k.type))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Which type sets a benchmark run watches. */
    enum TypeSets {
        OLD(false), ALL(true), BOTH(false, true);

        final List<Boolean> extended;

        TypeSets(Boolean... extended) {
            this.extended = List.of(extended);
        }
    }

    record Options(Sizes sizes, Duration latency, double changeFraction, int maxScopes, int callsPerAccount,
                   int maxConnections, int dbPool, boolean syncCommit, boolean listRegions, long seed, Path out,
                   TypeSets types) {

        static Options parse(String[] args) {
            Map<String, String> v = new LinkedHashMap<>();
            Set<String> flags = Set.of("--list-regions", "--help", "-h");
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (flags.contains(a)) {
                    v.put(a, "true");
                } else if (a.startsWith("--") && a.contains("=")) {
                    v.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                } else if (a.startsWith("--") && i + 1 < args.length) {
                    v.put(a, args[++i]);
                } else {
                    throw new IllegalArgumentException("unexpected argument '" + a + "'");
                }
            }
            if (v.containsKey("--help") || v.containsKey("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            Set<String> known = Set.of("--accounts", "--regions", "--latency-ms", "--change-fraction", "--max-scopes",
                    "--calls-per-account", "--max-connections", "--db-pool", "--sync-commit", "--list-regions", "--seed",
                    "--roles", "--users", "--groups", "--policies", "--buckets", "--security-groups", "--instances", "--out",
                    "--types");
            for (String k : v.keySet()) {
                if (!known.contains(k)) {
                    throw new IllegalArgumentException("unknown option " + k);
                }
            }
            Sizes d = Sizes.defaults(1, 1);
            Sizes sizes = new Sizes(integer(v, "--accounts", 200), integer(v, "--regions", 4),
                    integer(v, "--roles", d.roles()), integer(v, "--users", d.users()), integer(v, "--groups", d.groups()),
                    integer(v, "--policies", d.policies()), integer(v, "--buckets", d.buckets()),
                    integer(v, "--security-groups", d.securityGroups()), integer(v, "--instances", d.instances()));
            int latency = integer(v, "--latency-ms", 30);
            double fraction = Double.parseDouble(v.getOrDefault("--change-fraction", "0.01"));
            if (latency < 0 || latency > 10_000 || fraction < 0 || fraction > 1) {
                throw new IllegalArgumentException("--latency-ms 0..10000 and --change-fraction 0..1");
            }
            String sync = v.getOrDefault("--sync-commit", "on");
            if (!sync.equals("on") && !sync.equals("off")) {
                throw new IllegalArgumentException("--sync-commit on|off");
            }
            return new Options(sizes, Duration.ofMillis(latency), fraction, integer(v, "--max-scopes", 256),
                    integer(v, "--calls-per-account", 10), integer(v, "--max-connections", 512),
                    integer(v, "--db-pool", 20), sync.equals("on"), v.containsKey("--list-regions"),
                    Long.parseLong(v.getOrDefault("--seed", "42")),
                    v.containsKey("--out") ? Path.of(v.get("--out")) : null, typeSets(v.getOrDefault("--types", "both")));
        }

        private static TypeSets typeSets(String value) {
            return switch (value) {
                case "old" -> TypeSets.OLD;
                case "all" -> TypeSets.ALL;
                case "both" -> TypeSets.BOTH;
                default -> throw new IllegalArgumentException("--types old|all|both");
            };
        }

        private static int integer(Map<String, String> v, String key, int fallback) {
            return v.containsKey(key) ? Integer.parseInt(v.get(key)) : fallback;
        }
    }

    /** Connection-pool waits and hold times, from HikariCP's metrics hook. */
    static final class PoolMetrics implements IMetricsTracker {
        final LongAdder acquisitions = new LongAdder();
        final LongAdder acquireNanos = new LongAdder();
        final AtomicLong maxAcquireNanos = new AtomicLong();
        final LongAdder usageMillis = new LongAdder();

        @Override
        public void recordConnectionAcquiredNanos(long nanos) {
            acquisitions.increment();
            acquireNanos.add(nanos);
            maxAcquireNanos.accumulateAndGet(nanos, Math::max);
        }

        @Override
        public void recordConnectionUsageMillis(long millis) {
            usageMillis.add(millis);
        }

        long[] snapshot() {
            return new long[] {acquisitions.sum(), acquireNanos.sum(), usageMillis.sum()};
        }
    }

    /** Everything measured about one run. */
    record Run(String label, RunSummary summary, Duration planning, Map<String, Long> requests, Map<String, Long> errors,
               HeapSampler.Peak heap, double pgCpuSeconds, Map<String, Long> rows, long[] pool, int stubPeakInFlight,
               Map<Kind, Integer> mutated, String loadBefore, String loadAfter) {

        ScopeCounts counts() {
            return summary.counts();
        }

        long items() {
            return counts().total();
        }

        double seconds() {
            return summary.duration().toNanos() / 1e9;
        }

        /** After planning: from the first scope started to the end of the run. */
        double scopeSeconds() {
            return (summary.duration().toNanos() - planning.toNanos()) / 1e9;
        }

        long requestsTotal() {
            return requests.values().stream().mapToLong(Long::longValue).sum();
        }

        long requests(String servicePrefix) {
            return requests.entrySet().stream().filter(e -> e.getKey().startsWith(servicePrefix))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        long itemsOf(String... types) {
            Set<String> wanted = Set.of(types);
            return summary.scopes().stream().filter(s -> wanted.contains(s.scope().type().id()))
                    .mapToLong(s -> s.counts().total()).sum();
        }

        long failed() {
            return summary.count(ScopeStatus.FAILED) + summary.count(ScopeStatus.PARTIAL);
        }

        long rowsOf(String... tables) {
            Set<String> wanted = Set.of(tables);
            return rows.entrySet().stream().filter(e -> wanted.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        }

        long rowsTotal() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        long iamPrincipals() {
            return itemsOf("aws.iam.role", "aws.iam.user", "aws.iam.group", "aws.iam.policy");
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Report report = new WatchBenchmark(options).run();
        System.exit(report.runs().stream().anyMatch(r -> r.failed() > 0) ? 1 : 0);
    }

    private final Options options;

    WatchBenchmark(Options options) {
        this.options = options;
    }

    /** Runs the three watches per type set and returns the report (also printed, and written to --out). */
    Report run() throws IOException {
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String loadAtStart = loadAverage();
        List<Phase> phases = new ArrayList<>();
        for (boolean extended : options.types().extended) {
            Sizes sizes = options.sizes().withExtended(extended);
            phases.add(new Phase(extended ? "all" : "old", sizes, runPhase(sizes, extended ? "all " : "old ")));
        }
        Report report = new Report(options, phases, started + "; load average " + loadAtStart + " at start");
        System.out.println();
        System.out.println(report.text());
        if (options.out() != null) {
            Files.writeString(options.out(), report.markdown());
            log("results written to %s", options.out());
        }
        return report;
    }

    /** One type set watched three times, on its own stub and database. */
    record Phase(String name, Sizes sizes, List<Run> runs) {}

    private List<Run> runPhase(Sizes sizes, String label) throws IOException {
        SyntheticOrg org = new SyntheticOrg(sizes);
        log("organisation (%stypes): %d accounts x %d regions, %,d items; stub latency %d ms per request", label,
                sizes.accounts(), sizes.regions(), sizes.total(), options.latency().toMillis());
        List<Run> runs = new ArrayList<>();
        try (AwsWireStub stub = AwsWireStub.start(org, options.latency());
             HeapSampler heap = new HeapSampler();
             EmbeddedPostgres pg = EmbeddedPostgres.builder()
                     .setServerConfig("synchronous_commit", options.syncCommit() ? "on" : "off")
                     .setServerConfig("max_connections", String.valueOf(Math.max(100, options.dbPool() + 20)))
                     .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                     .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                     .start()) {
            pointProductAt(stub.endpoint().toString());
            log("AWS stub on %s, PostgreSQL on port %d", stub.endpoint(), pg.getPort());
            PoolMetrics poolMetrics = new PoolMetrics();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(options.dbPool());
            config.setPoolName("watchkeeper-bench");
            config.setMetricsTrackerFactory((name, stats) -> poolMetrics);
            try (HikariDataSource ds = new HikariDataSource(config)) {
                Migrations.migrate(ds);
                DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
                List<Account> accounts = register(dsl, org);
                PgProbe probe = new PgProbe(pg.getPostgresDatabase(), pg.getPort());
                AwsSettings aws = new AwsSettings(List.of(), "us-east-1", options.callsPerAccount(),
                        options.maxConnections(), Duration.ofMinutes(2), 8);
                try (AwsSessionFactory sessions = new AwsSessionFactory(aws, WatchMetrics.NONE)) {
                    WatchRunner runner = new WatchRunner(WatcherRegistry.discover(), List.of(sessions),
                            new JooqSnapshotStore(dsl), new JooqWatchRunStore(dsl), new JooqScopeLeases(dsl),
                            WatchMetrics.NONE, new WatchSettings(options.maxScopes(), Duration.ofMinutes(30),
                                    Duration.ofMinutes(2), 1 << 20, "benchmark"));
                    WatchRequest request = new WatchRequest(accounts, types(sizes), Set.of(), "manual", "benchmark", true);
                    Measure measure = new Measure(stub, heap, probe, ds, poolMetrics, runner, request);

                    runs.add(measure.run(label + "1 full", Map.of()));
                    Map<Kind, Integer> mutated = stub.mutate(options.changeFraction(), options.seed());
                    log("changed %,d items (%s)", mutated.values().stream().mapToInt(Integer::intValue).sum(), mutated);
                    runs.add(measure.run(label + "2 after changes", mutated));
                    runs.add(measure.run(label + "3 no changes", Map.of()));
                }
            }
        }
        return runs;
    }

    /** The standard settings the SDK's default credential chain and endpoint resolution read. */
    static void pointProductAt(String endpoint) {
        System.setProperty("aws.endpointUrl", endpoint);
        System.setProperty("aws.accessKeyId", "AKIAWKBENCHHUB000001");
        System.setProperty("aws.secretAccessKey", "benchmark-hub-secret-not-a-real-key-0000");
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    private List<Account> register(DSLContext dsl, SyntheticOrg org) {
        JooqAccountStore store = new JooqAccountStore(dsl);
        List<Account> accounts = new ArrayList<>();
        for (int a = 0; a < org.sizes().accounts(); a++) {
            accounts.add(store.add(new AccountSpec(Provider.AWS, String.format("bench-%05d", a), org.accountId(a),
                    new AccountAccess(org.roleArn(a), "watchkeeper-benchmark", null),
                    options.listRegions() ? org.regions() : List.of(), Map.of("benchmark", "true"), false)));
        }
        return accounts;
    }

    /** Runs the pipeline once and measures around it. */
    private final class Measure {
        private final AwsWireStub stub;
        private final HeapSampler heap;
        private final PgProbe probe;
        private final HikariDataSource ds;
        private final PoolMetrics poolMetrics;
        private final WatchRunner runner;
        private final WatchRequest request;

        Measure(AwsWireStub stub, HeapSampler heap, PgProbe probe, HikariDataSource ds, PoolMetrics poolMetrics,
                WatchRunner runner, WatchRequest request) {
            this.stub = stub;
            this.heap = heap;
            this.probe = probe;
            this.ds = ds;
            this.poolMetrics = poolMetrics;
            this.runner = runner;
            this.request = request;
        }

        Run run(String label, Map<Kind, Integer> mutated) {
            evictIdleConnections();
            Map<String, Long> rowsBefore = probe.rowsWritten();
            double pgCpuBefore = probe.cpuSeconds();
            System.gc();
            long[] pool0 = poolMetrics.snapshot();
            String loadBefore = loadAverage();
            stub.resetCounts();
            heap.reset();
            log("run %s: started", label);
            long t0 = System.nanoTime();
            AtomicLong plannedAt = new AtomicLong();
            AtomicInteger planned = new AtomicInteger();
            AtomicInteger finished = new AtomicInteger();
            AtomicLong items = new AtomicLong();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                    .daemon().name("progress").unstarted(r));
            ticker.scheduleAtFixedRate(() -> log("run %s: %5.1f s, %,d/%,d scopes, %,d items, %,d requests", label,
                    (System.nanoTime() - t0) / 1e9, finished.get(), planned.get(), items.get(), stub.totalRequests()),
                    5, 5, TimeUnit.SECONDS);
            RunSummary summary;
            try {
                summary = runner.run(request, new WatchProgress() {
                    @Override
                    public void planned(int scopes) {
                        plannedAt.set(System.nanoTime());
                        planned.addAndGet(scopes); // once per account: the run's total is their sum
                    }

                    @Override
                    public void scopeFinished(ScopeResult result) {
                        finished.incrementAndGet();
                        items.addAndGet(result.counts().total());
                    }
                });
            } finally {
                ticker.shutdownNow();
            }
            HeapSampler.Peak peak = heap.peak();
            Map<String, Long> requests = stub.requestCounts();
            Map<String, Long> errors = stub.errorCounts();
            int stubPeak = stub.peakInFlight();
            long[] pool1 = poolMetrics.snapshot();
            String loadAfter = loadAverage();
            evictIdleConnections();
            Map<String, Long> rowsAfter = probe.rowsWritten();
            double pgCpuAfter = probe.cpuSeconds();
            Run run = new Run(label, summary, Duration.ofNanos(plannedAt.get() - t0), requests, errors, peak,
                    pgCpuBefore < 0 || pgCpuAfter < 0 ? -1 : pgCpuAfter - pgCpuBefore,
                    PgProbe.delta(rowsBefore, rowsAfter),
                    new long[] {pool1[0] - pool0[0], pool1[1] - pool0[1], pool1[2] - pool0[2]}, stubPeak, mutated,
                    loadBefore, loadAfter);
            log("run %s: %.1f s, %,d items (%,d created, %,d changed, %,d unchanged), %d failed scopes", label,
                    run.seconds(), run.items(), run.counts().created(), run.counts().changed(), run.counts().unchanged(),
                    run.failed());
            summary.scopes().stream().filter(ScopeResult::failed).limit(5).forEach(s ->
                    log("  failed %s: %s %s", s.scope(), s.errorCategory(), s.message()));
            return run;
        }

        /**
         * Closes the pool's idle connections: a PostgreSQL backend publishes its table statistics
         * when it exits, so the row counts then include everything the run wrote.
         */
        private void evictIdleConnections() {
            var pool = ds.getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        }
    }

    /** The 1-minute load average of the machine (other builds share it), or "n/a". */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }

    /** The results as text and markdown. */
    static final class Report {
        private final Options options;
        private final List<Phase> phases;
        private final List<Run> runs;
        private final String started;

        Report(Options options, List<Phase> phases, String started) {
            this.options = options;
            this.phases = List.copyOf(phases);
            this.runs = phases.stream().flatMap(p -> p.runs().stream()).toList();
            this.started = started;
        }

        /** Every run, phase after phase. */
        List<Run> runs() {
            return runs;
        }

        List<Phase> phases() {
            return phases;
        }

        private static String mb(long bytes) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
        }

        private static String n(long v) {
            return String.format(Locale.ROOT, "%,d", v);
        }

        private static String f(double v, int decimals) {
            return String.format(Locale.ROOT, "%,." + decimals + "f", v);
        }

        private static String ratio(long a, long b) {
            return b == 0 ? "n/a" : f(a / (double) b, 3);
        }

        /** Rows of the main table: metric, then one value per run. */
        List<List<String>> table() {
            List<List<String>> rows = new ArrayList<>();
            row(rows, "wall time", r -> f(r.seconds(), 1) + " s");
            row(rows, "  of which until the last account was opened (AssumeRole + DescribeRegions)",
                    r -> f(r.planning().toNanos() / 1e9, 1) + " s");
            row(rows, "scopes (failed / partial)", r -> n(r.summary().scopes().size()) + " ("
                    + r.summary().count(ScopeStatus.FAILED) + " / " + r.summary().count(ScopeStatus.PARTIAL) + ")");
            row(rows, "items observed", r -> n(r.items()));
            row(rows, "items/s", r -> f(r.items() / r.seconds(), 0));
            row(rows, "items/s after planning (scope phase only)", r -> f(r.items() / r.scopeSeconds(), 0));
            row(rows, "created / changed / ephemeral / deleted / unchanged", r -> n(r.counts().created()) + " / "
                    + n(r.counts().changed()) + " / " + n(r.counts().ephemeral()) + " / " + n(r.counts().deleted())
                    + " / " + n(r.counts().unchanged()));
            row(rows, "items changed in the stub", r -> r.mutated().isEmpty() ? "0"
                    : n(r.mutated().values().stream().mapToInt(Integer::intValue).sum()));
            row(rows, "API requests (stub count, incl. STS)", r -> n(r.requestsTotal()));
            row(rows, "API requests counted by the product (in scopes)", r -> n(r.summary().apiCalls()));
            row(rows, "API requests per item", r -> ratio(r.requestsTotal(), r.items()));
            row(rows, "IAM requests / IAM principals (role+user+group+policy)", r -> n(r.requests("iam:")) + " / "
                    + n(r.iamPrincipals()) + " = " + ratio(r.requests("iam:"), r.iamPrincipals()));
            row(rows, "peak requests in flight at the stub", r -> n(r.stubPeakInFlight()));
            row(rows, "rows written: item_revision", r -> n(r.rowsOf("item_revision")));
            row(rows, "rows written: item", r -> n(r.rowsOf("item")));
            row(rows, "rows written: bookkeeping (watch_run, watch_scope_result, scope_lease)",
                    r -> n(r.rowsOf("watch_run", "watch_scope_result", "scope_lease")));
            row(rows, "rows written: other tables", r -> n(r.rowsTotal()
                    - r.rowsOf("item_revision", "item", "watch_run", "watch_scope_result", "scope_lease")));
            row(rows, "rows(item + item_revision) / changed items", r -> r.counts().changed() == 0 ? "n/a"
                    : ratio(r.rowsOf("item", "item_revision"), r.counts().changed()));
            row(rows, "peak heap used (sampled every 20 ms)", r -> mb(r.heap().sampledBytes()));
            row(rows, "peak heap (sum of heap pools' peaks, an upper bound)", r -> mb(r.heap().poolPeakSumBytes()));
            row(rows, "largest heap left after a GC", r -> mb(r.heap().afterGcBytes()));
            row(rows, "GC collections / time", r -> r.heap().gcCount() + " / " + f(r.heap().gcMillis() / 1000.0, 1) + " s");
            row(rows, "JVM CPU time (product + stub)", r -> f(r.heap().cpuNanos() / 1e9, 1) + " s");
            row(rows, "PostgreSQL CPU time", r -> r.pgCpuSeconds() < 0 ? "n/a" : f(r.pgCpuSeconds(), 1) + " s");
            row(rows, "machine load average (1 min) before / after", r -> r.loadBefore() + " / " + r.loadAfter());
            row(rows, "DB connections taken / mean wait / mean hold", r -> n(r.pool()[0]) + " / "
                    + (r.pool()[0] == 0 ? "-" : f(r.pool()[1] / 1e6 / r.pool()[0], 2) + " ms") + " / "
                    + (r.pool()[0] == 0 ? "-" : f(r.pool()[2] / (double) r.pool()[0], 2) + " ms"));
            return rows;
        }

        private void row(List<List<String>> rows, String metric, java.util.function.Function<Run, String> value) {
            List<String> row = new ArrayList<>();
            row.add(metric);
            runs.forEach(r -> row.add(value.apply(r)));
            rows.add(row);
        }

        /** Requests per service:Action per run. */
        List<List<String>> requestTable() {
            Set<String> keys = new TreeSet<>();
            runs.forEach(r -> keys.addAll(r.requests().keySet()));
            List<List<String>> rows = new ArrayList<>();
            for (String key : keys) {
                List<String> row = new ArrayList<>();
                row.add(key);
                runs.forEach(r -> row.add(n(r.requests().getOrDefault(key, 0L))));
                rows.add(row);
            }
            return rows;
        }

        /** Per resource type in the first run of the last type set: scopes, items, API calls, mean and max scope time. */
        List<List<String>> typeTable() {
            Run first = phases.getLast().runs().getFirst();
            Map<String, List<ScopeResult>> byType = new TreeMap<>();
            first.summary().scopes().forEach(s -> byType.computeIfAbsent(s.scope().type().id(), k -> new ArrayList<>()).add(s));
            List<List<String>> rows = new ArrayList<>();
            byType.forEach((type, scopes) -> rows.add(List.of(type, n(scopes.size()),
                    n(scopes.stream().mapToLong(s -> s.counts().total()).sum()),
                    n(scopes.stream().mapToLong(ScopeResult::apiCalls).sum()),
                    f(scopes.stream().mapToLong(s -> s.duration().toMillis()).average().orElse(0), 0) + " ms",
                    n(scopes.stream().mapToLong(s -> s.duration().toMillis()).max().orElse(0)) + " ms")));
            return rows;
        }

        /** Goal checks per type set: description, measured, verdict. */
        List<List<String>> goals() {
            List<List<String>> out = new ArrayList<>();
            for (Phase phase : phases) {
                goals(phase, out);
            }
            return out;
        }

        private void goals(Phase phase, List<List<String>> out) {
            String p = phase.name() + " types: ";
            Run full = phase.runs().get(0);
            Run changed = phase.runs().get(1);
            Run none = phase.runs().get(2);
            long maxHeap = phase.runs().stream().mapToLong(r -> Math.max(r.heap().sampledBytes(), 0)).max().orElse(0);
            double rate = full.items() / full.seconds();
            double perPrincipal = full.requests("iam:") / (double) Math.max(1, full.iamPrincipals());
            long written = changed.rowsOf("item", "item_revision");
            long changedItems = changed.counts().changed();
            String ms = options.latency().toMillis() + " ms per call";
            out.add(List.of(p + "first watch >= 2,500 items/s at " + ms, f(rate, 0) + " items/s",
                    rate >= 2500 ? "met" : "MISSED"));
            for (Run repeat : List.of(changed, none)) {
                double r = repeat.items() / repeat.seconds();
                out.add(List.of(p + "repeat watch (" + repeat.label().substring(phase.name().length() + 3) + ") >= 4,000 items/s at "
                        + ms, f(r, 0) + " items/s", r >= 4000 ? "met" : "MISSED"));
            }
            out.add(List.of(p + "<= 0.2 API calls per IAM principal", f(perPrincipal, 3), perPrincipal <= 0.2 ? "met" : "MISSED"));
            out.add(List.of(p + "second run writes <= 1.1 x changed items (+ bookkeeping)",
                    n(written) + " rows for " + n(changedItems) + " changed items",
                    changedItems > 0 && written <= 1.1 * changedItems ? "met" : "MISSED"));
            out.add(List.of(p + "no-change run writes bookkeeping only", n(none.rowsOf("item", "item_revision"))
                    + " item/item_revision rows", none.rowsOf("item", "item_revision") == 0 ? "met" : "MISSED"));
            out.add(List.of(p + "peak heap <= 512 MB (sampled)", mb(maxHeap), maxHeap <= 512L * 1024 * 1024 ? "met" : "MISSED"));
            long failed = phase.runs().stream().mapToLong(Run::failed).sum();
            out.add(List.of(p + "no failed scopes", n(failed), failed == 0 ? "met" : "MISSED"));
            long expected = phase.sizes().total();
            out.add(List.of(p + "every item of the organisation observed", n(full.items()) + " of " + n(expected),
                    full.items() == expected ? "met" : "MISSED"));
            long mutatedCount = changed.mutated().values().stream().mapToInt(Integer::intValue).sum();
            out.add(List.of(p + "changed items reported = items changed in the stub", n(changedItems) + " of "
                    + n(mutatedCount), changedItems == mutatedCount ? "met" : "MISSED"));
        }

        String environment() {
            Runtime rt = Runtime.getRuntime();
            long ram = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getTotalMemorySize() : -1;
            return String.format(Locale.ROOT, "%s; %d CPUs; %.1f GB RAM; JDK %s (%s); max heap %s; %s",
                    started, rt.availableProcessors(), ram / (1024.0 * 1024 * 1024), System.getProperty("java.version"),
                    System.getProperty("java.vm.name"), mb(rt.maxMemory()), System.getProperty("os.name") + " "
                            + System.getProperty("os.version"));
        }

        String settings() {
            Sizes sizes = phases.getLast().sizes();
            StringBuilder added = new StringBuilder();
            if (sizes.extended()) {
                for (Kind k : Kind.values()) {
                    if (k.added) {
                        added.append(added.isEmpty() ? "" : ", ").append(sizes.count(k)).append(' ').append(k.type)
                                .append(k.regional() ? "/region" : "/account");
                    }
                }
            }
            return String.format(Locale.ROOT, "%d accounts x %d regions; per account %d roles, %d users, %d groups, "
                            + "%d policies, 1 password policy, %d buckets, 1 account public-access block; per region %d "
                            + "security groups, %d instances (+1 terminated)%s. Type sets: %s; items: %s. Stub latency %d ms. "
                            + "max-scopes %d, calls-per-account %d, HTTP connections %d, DB pool %d, synchronous_commit %s, "
                            + "regions %s, change fraction %s (seed %d).",
                    sizes.accounts(), sizes.regions(), sizes.roles(), sizes.users(), sizes.groups(), sizes.policies(),
                    sizes.buckets(), sizes.securityGroups(), sizes.instances(),
                    added.isEmpty() ? "" : "; types added with issue 14 (\"all\" only): " + added,
                    phases.stream().map(p -> p.name() + " (" + types(p.sizes()).size() + " types)")
                            .collect(Collectors.joining(", ")),
                    phases.stream().map(p -> p.name() + " " + n(p.sizes().total())).collect(Collectors.joining(", ")),
                    options.latency().toMillis(), options.maxScopes(), options.callsPerAccount(),
                    options.maxConnections(), options.dbPool(), options.syncCommit() ? "on" : "off",
                    options.listRegions() ? "registered on each account" : "discovered (DescribeRegions)",
                    options.changeFraction(), options.seed());
        }

        String text() {
            StringBuilder s = new StringBuilder();
            s.append("Watch pipeline benchmark\n").append(environment()).append('\n').append(settings()).append("\n\n");
            List<String> header = new ArrayList<>(List.of("metric"));
            runs.forEach(r -> header.add("run " + r.label()));
            s.append(plain(header, table())).append('\n');
            List<String> reqHeader = new ArrayList<>(List.of("requests by service:Action"));
            runs.forEach(r -> reqHeader.add(String.join(" ", Arrays.copyOf(r.label().split(" "), 2))));
            s.append(plain(reqHeader, requestTable())).append('\n');
            s.append(plain(List.of("first run by type", "scopes", "items", "API calls", "mean scope", "max scope"),
                    typeTable())).append('\n');
            s.append(plain(List.of("goal", "measured", "verdict"), goals()));
            Map<String, Long> errors = new TreeMap<>();
            runs.forEach(r -> r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum)));
            if (!errors.isEmpty()) {
                s.append("\nerror answers (all runs; the \"not found\" ones are part of the organisation): ").append(errors);
            }
            return s.toString();
        }

        String markdown() {
            StringBuilder s = new StringBuilder();
            s.append("Machine: ").append(environment()).append("\n\n").append("Settings: ").append(settings()).append("\n\n");
            List<String> header = new ArrayList<>(List.of("metric"));
            runs.forEach(r -> header.add("run " + r.label()));
            s.append(md(header, table())).append('\n');
            List<String> reqHeader = new ArrayList<>(List.of("requests by service:Action"));
            runs.forEach(r -> reqHeader.add(String.join(" ", Arrays.copyOf(r.label().split(" "), 2))));
            s.append(md(reqHeader, requestTable())).append('\n');
            s.append(md(List.of("first run by type", "scopes", "items", "API calls", "mean scope", "max scope"),
                    typeTable())).append('\n');
            s.append(md(List.of("goal", "measured", "verdict"), goals()));
            return s.toString();
        }

        private static String md(List<String> header, List<List<String>> rows) {
            StringBuilder s = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
            header.forEach(h -> s.append("---|"));
            s.append('\n');
            rows.forEach(r -> s.append("| ").append(String.join(" | ", r)).append(" |\n"));
            return s.toString();
        }

        private static String plain(List<String> header, List<List<String>> rows) {
            int[] widths = new int[header.size()];
            List<List<String>> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (List<String> r : all) {
                for (int i = 0; i < r.size(); i++) {
                    widths[i] = Math.max(widths[i], r.get(i).length());
                }
            }
            StringBuilder s = new StringBuilder();
            for (List<String> r : all) {
                for (int i = 0; i < r.size(); i++) {
                    String cell = r.get(i);
                    s.append(i == 0 ? String.format("%-" + widths[i] + "s", cell) : String.format("  %" + widths[i] + "s", cell));
                }
                s.append('\n');
                if (r == header) {
                    s.append("-".repeat(Arrays.stream(widths).sum() + 2 * (widths.length - 1))).append('\n');
                }
            }
            return s.toString();
        }
    }
}
