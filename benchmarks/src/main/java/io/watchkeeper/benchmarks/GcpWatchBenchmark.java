package io.watchkeeper.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqScopeLeases;
import io.watchkeeper.db.JooqSnapshotStore;
import io.watchkeeper.db.JooqWatchRunStore;
import io.watchkeeper.db.Migrations;
import io.watchkeeper.gcp.GcpSessionFactory;
import io.watchkeeper.gcp.GcpSettings;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatchSettings;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.watchers.testing.GcpTestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The GCP watch benchmark: the real pipeline (watcher registry, {@link GcpSessionFactory} with its
 * per-project call cap and backoff, jOOQ store on PostgreSQL) against the watchers' loopback
 * {@link GcpTestServer} serving {@link GcpBenchOrg} with a fixed latency per request. Three runs: a
 * full first watch, a watch after a fraction of the items changed, a watch with nothing changed.
 */
public final class GcpWatchBenchmark {

    private static final String USAGE = """
            Usage: java -Xmx512m -cp watchkeeper-benchmarks.jar io.watchkeeper.benchmarks.GcpWatchBenchmark [options]
              --projects N            projects (default 200)
              --latency-ms N          latency the server adds to every request (default 30)
              --change-fraction F     fraction of the items changed before the second run (default 0.01)
              --max-scopes N          scopes watched at once (WatchSettings, default 256 as the product)
              --calls-per-project N   API calls in flight per project (GcpSettings, default 10)
              --kms-locations N       locations Cloud KMS reports per project (default 40, as Google today)
              --db-pool N             PostgreSQL connections (default 20)
              --seed N                seed of the changes (default 42)
              --out FILE              also write the results as markdown
            """;

    record Options(int projects, Duration latency, double changeFraction, int maxScopes, int callsPerProject,
                   int kmsLocations, int dbPool, long seed, Path out) {

        static Options parse(String[] args) {
            Map<String, String> v = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help") || args[i].equals("-h")) {
                    System.out.print(USAGE);
                    System.exit(0);
                }
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                }
                v.put(args[i], args[++i]);
            }
            Set<String> known = Set.of("--projects", "--latency-ms", "--change-fraction", "--max-scopes",
                    "--calls-per-project", "--kms-locations", "--db-pool", "--seed", "--out");
            v.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown option " + k);
            });
            double fraction = Double.parseDouble(v.getOrDefault("--change-fraction", "0.01"));
            int latency = integer(v, "--latency-ms", 30);
            if (fraction < 0 || fraction > 1 || latency < 0 || latency > 10_000) {
                throw new IllegalArgumentException("--latency-ms 0..10000 and --change-fraction 0..1");
            }
            return new Options(integer(v, "--projects", 200), Duration.ofMillis(latency), fraction,
                    integer(v, "--max-scopes", 256), integer(v, "--calls-per-project", 10), integer(v, "--kms-locations", 40),
                    integer(v, "--db-pool", 20), Long.parseLong(v.getOrDefault("--seed", "42")),
                    v.containsKey("--out") ? Path.of(v.get("--out")) : null);
        }

        private static int integer(Map<String, String> v, String key, int fallback) {
            return v.containsKey(key) ? Integer.parseInt(v.get(key)) : fallback;
        }
    }

    /** One measured watch. */
    record Run(String label, RunSummary summary, Map<String, Long> requests, HeapSampler.Peak heap,
               Map<String, Long> rows, Map<String, Integer> mutated, int peakInFlight, String load, double pgCpuSeconds,
               long serverCacheBytes) {

        long items() {
            return summary.counts().total();
        }

        double seconds() {
            return summary.duration().toNanos() / 1e9;
        }

        long requestsTotal() {
            return requests.values().stream().mapToLong(Long::longValue).sum();
        }

        long failed() {
            return summary.count(ScopeStatus.FAILED) + summary.count(ScopeStatus.PARTIAL);
        }

        long rowsOf(String... tables) {
            Set<String> wanted = Set.of(tables);
            return rows.entrySet().stream().filter(e -> wanted.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        }

        int mutatedTotal() {
            return mutated.values().stream().mapToInt(Integer::intValue).sum();
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
        List<Run> runs = new GcpWatchBenchmark(options).run();
        System.exit(runs.stream().anyMatch(r -> r.failed() > 0) ? 1 : 0);
    }

    private final Options options;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    GcpWatchBenchmark(Options options) {
        this.options = options;
    }

    List<Run> run() throws IOException {
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "; load average "
                + WatchBenchmark.loadAverage() + " at start";
        List<Run> runs = new ArrayList<>();
        GcpBenchOrg.Sizes sizes;
        try (GcpTestServer server = new GcpTestServer();
             HeapSampler heap = new HeapSampler();
             EmbeddedPostgres pg = EmbeddedPostgres.builder()
                     .setServerConfig("synchronous_commit", "on")
                     .setServerConfig("max_connections", String.valueOf(Math.max(100, options.dbPool() + 20)))
                     .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                     .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                     .start()) {
            server.recording(false);
            server.answerCache(true);
            server.listener((method, path) -> counts.computeIfAbsent(label(method, path), k -> new LongAdder()).increment());
            GcpBenchOrg org = new GcpBenchOrg(GcpBenchOrg.Sizes.defaults(options.projects(), options.kmsLocations()), server);
            sizes = org.sizes();
            server.latency(options.latency());
            WatchBenchmark.log("GCP organisation: %d projects, %,d items; latency %d ms per request; server %s",
                    sizes.projects(), sizes.total(), options.latency().toMillis(), server.endpoint());
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(options.dbPool());
            config.setPoolName("watchkeeper-gcp-bench");
            try (HikariDataSource ds = new HikariDataSource(config)) {
                Migrations.migrate(ds);
                DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
                List<Account> accounts = register(dsl, sizes);
                PgProbe probe = new PgProbe(pg.getPostgresDatabase(), pg.getPort());
                GcpSettings settings = new GcpSettings(URI.create(server.endpoint()), Map.of(), options.callsPerProject(), 6,
                        Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
                try (GcpSessionFactory sessions = new GcpSessionFactory(settings, WatchMetrics.NONE)) {
                    WatchRunner runner = new WatchRunner(WatcherRegistry.discover(), List.of(sessions),
                            new JooqSnapshotStore(dsl), new JooqWatchRunStore(dsl), new JooqScopeLeases(dsl),
                            WatchMetrics.NONE, new WatchSettings(options.maxScopes(), Duration.ofMinutes(30),
                                    Duration.ofMinutes(2), 1 << 20, "benchmark"));
                    Set<ResourceType> types = WatcherRegistry.discover().forProvider(Provider.GCP).stream()
                            .map(w -> w.type())
                            .collect(Collectors.toCollection(java.util.TreeSet::new));
                    WatchRequest request = new WatchRequest(accounts, types, Set.of(), "manual", "benchmark", true);
                    Function<String, Run> measure = label -> measure(label, runner, request, server, heap, probe, ds, Map.of());
                    runs.add(measure.apply("1 full"));
                    Map<String, Integer> mutated = org.mutate(options.changeFraction(), options.seed());
                    WatchBenchmark.log("changed %,d items %s", mutated.values().stream().mapToInt(Integer::intValue).sum(),
                            mutated);
                    // the in-process server builds the answers the change dropped now, as a remote API has its
                    // answers ready: the next watch is charged for the product's work, not the server's JSON
                    WatchBenchmark.log("test server: %,d answers built again after the change", server.primeAnswerCache());
                    runs.add(measure("2 after changes", runner, request, server, heap, probe, ds, mutated));
                    runs.add(measure.apply("3 no changes"));
                }
            }
        }
        String report = report(started, sizes, runs);
        System.out.println();
        System.out.println(report);
        if (options.out() != null) {
            Files.writeString(options.out(), report);
            WatchBenchmark.log("results written to %s", options.out());
        }
        return runs;
    }

    private List<Account> register(DSLContext dsl, GcpBenchOrg.Sizes sizes) {
        JooqAccountStore store = new JooqAccountStore(dsl);
        List<Account> accounts = new ArrayList<>();
        for (int p = 0; p < sizes.projects(); p++) {
            accounts.add(store.add(new AccountSpec(Provider.GCP, GcpBenchOrg.projectId(p), GcpBenchOrg.projectId(p),
                    new AccountAccess(null, null, "none"), List.of(), Map.of("benchmark", "true"), false)));
        }
        return accounts;
    }

    private Run measure(String label, WatchRunner runner, WatchRequest request, GcpTestServer server, HeapSampler heap,
                        PgProbe probe, HikariDataSource ds, Map<String, Integer> mutated) {
        evict(ds);
        Map<String, Long> rowsBefore = probe.rowsWritten();
        System.gc();
        String load = WatchBenchmark.loadAverage();
        counts.clear();
        heap.reset();
        double pgBefore = probe.cpuSeconds();
        WatchBenchmark.log("run %s: started", label);
        RunSummary summary = runner.run(request, WatchProgress.NONE);
        HeapSampler.Peak peak = heap.peak();
        double pgCpu = probe.cpuSeconds() - pgBefore;
        Map<String, Long> requests = new TreeMap<>();
        counts.forEach((k, v) -> requests.put(k, v.sum()));
        load = load + " / " + WatchBenchmark.loadAverage();
        evict(ds);
        Run run = new Run(label, summary, requests, peak, PgProbe.delta(rowsBefore, probe.rowsWritten()), mutated,
                server.maxInFlight(), load, pgCpu, server.answerCacheBytes());
        WatchBenchmark.log("run %s: %.1f s, %,d items (%,d created, %,d changed), %d failed scopes", label, run.seconds(),
                run.items(), summary.counts().created(), summary.counts().changed(), run.failed());
        summary.scopes().stream().filter(ScopeResult::failed).limit(5).forEach(s ->
                WatchBenchmark.log("  failed %s: %s %s", s.scope(), s.errorCategory(), s.message()));
        return run;
    }

    private static void evict(HikariDataSource ds) {
        var pool = ds.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
    }

    /** {@code METHOD /path} with every segment holding a digit (project ids, names, numbers, zones) as {@code {}}. */
    static String label(String method, String path) {
        StringBuilder out = new StringBuilder(method).append(' ');
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            int colon = s.indexOf(':');
            String head = colon < 0 ? s : s.substring(0, colon);
            out.append(i == 0 ? "" : "/").append(head.chars().anyMatch(Character::isDigit) ? "{}" : head)
                    .append(colon < 0 ? "" : s.substring(colon));
        }
        return out.toString();
    }

    // ---- report ----

    private String report(String started, GcpBenchOrg.Sizes sizes, List<Run> runs) {
        Runtime rt = Runtime.getRuntime();
        long ram = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Machine: %s; %d CPUs; %.1f GB RAM; JDK %s; max heap %s%n%n", started,
                rt.availableProcessors(), ram / (1024.0 * 1024 * 1024), System.getProperty("java.version"),
                mb(rt.maxMemory())));
        s.append(String.format(Locale.ROOT, "Settings: %s; %,d items (%d per project). Latency %d ms, max-scopes %d, "
                        + "calls-per-project %d, DB pool %d, change fraction %s (seed %d).%n%n", sizes, sizes.total(),
                sizes.perProject(), options.latency().toMillis(), options.maxScopes(), options.callsPerProject(),
                options.dbPool(), options.changeFraction(), options.seed()));
        List<List<String>> rows = new ArrayList<>();
        row(rows, runs, "wall time", r -> f(r.seconds(), 1) + " s");
        row(rows, runs, "scopes (failed / partial)", r -> n(r.summary().scopes().size()) + " ("
                + r.summary().count(ScopeStatus.FAILED) + " / " + r.summary().count(ScopeStatus.PARTIAL) + ")");
        row(rows, runs, "items observed", r -> n(r.items()));
        row(rows, runs, "items/s", r -> f(r.items() / r.seconds(), 0));
        row(rows, runs, "created / changed / unchanged", r -> n(r.summary().counts().created()) + " / "
                + n(r.summary().counts().changed()) + " / " + n(r.summary().counts().unchanged()));
        row(rows, runs, "items changed at the server", r -> n(r.mutatedTotal()));
        row(rows, runs, "API requests (server count)", r -> n(r.requestsTotal()));
        row(rows, runs, "API requests counted by the product", r -> n(r.summary().apiCalls()));
        row(rows, runs, "API requests per item", r -> f(r.requestsTotal() / (double) Math.max(1, r.items()), 3));
        row(rows, runs, "rows written: item_revision / item", r -> n(r.rowsOf("item_revision")) + " / " + n(r.rowsOf("item")));
        row(rows, runs, "rows(item + item_revision) per changed item", r -> r.summary().counts().changed() == 0 ? "n/a"
                : f(r.rowsOf("item", "item_revision") / (double) r.summary().counts().changed(), 3));
        row(rows, runs, "rows written: bookkeeping (watch_run, watch_scope_result, scope_lease)",
                r -> n(r.rowsOf("watch_run", "watch_scope_result", "scope_lease")));
        row(rows, runs, "peak heap used (sampled every 20 ms)", r -> mb(r.heap().sampledBytes()));
        row(rows, runs, "largest heap left after a GC", r -> mb(r.heap().afterGcBytes()));
        row(rows, runs, "of which the test server's answer cache (harness) at the end", r -> mb(r.serverCacheBytes()));
        row(rows, runs, "JVM CPU time (product + server)", r -> f(r.heap().cpuNanos() / 1e9, 1) + " s");
        row(rows, runs, "PostgreSQL CPU time", r -> f(r.pgCpuSeconds(), 1) + " s");
        row(rows, runs, "CPU per item: JVM + PostgreSQL", r -> f(r.heap().cpuNanos() / 1e6 / Math.max(1, r.items()), 2)
                + " + " + f(r.pgCpuSeconds() * 1e3 / Math.max(1, r.items()), 2) + " ms");
        row(rows, runs, "load average (1 min) before / after", Run::load);
        List<String> header = new ArrayList<>(List.of("metric"));
        runs.forEach(r -> header.add("run " + r.label()));
        s.append(md(header, rows)).append('\n');

        List<List<String>> reqs = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>();
        runs.forEach(r -> keys.addAll(r.requests().keySet()));
        keys.forEach(k -> reqs.add(List.of(k, n(runs.getFirst().requests().getOrDefault(k, 0L)))));
        s.append(md(List.of("requests by method and path (run 1)", "count"), reqs)).append('\n');

        Map<String, List<ScopeResult>> byType = new TreeMap<>();
        runs.getFirst().summary().scopes().forEach(sc -> byType.computeIfAbsent(sc.scope().type().id(), k -> new ArrayList<>()).add(sc));
        List<List<String>> types = new ArrayList<>();
        byType.forEach((type, scopes) -> types.add(List.of(type, n(scopes.stream().mapToLong(x -> x.counts().total()).sum()),
                n(scopes.stream().mapToLong(ScopeResult::apiCalls).sum()),
                f(scopes.stream().mapToLong(x -> x.duration().toMillis()).average().orElse(0), 0) + " ms",
                n(scopes.stream().mapToLong(x -> x.duration().toMillis()).max().orElse(0)) + " ms")));
        s.append(md(List.of("run 1 by type", "items", "API calls", "mean scope", "max scope"), types)).append('\n');

        Run changed = runs.get(1);
        Run none = runs.get(2);
        List<List<String>> goals = new ArrayList<>();
        for (Run r : List.of(changed, none)) {
            double rate = r.items() / r.seconds();
            goals.add(List.of("repeat watch (" + r.label() + ") >= 2,000 items/s", f(rate, 0), rate >= 2000 ? "met" : "MISSED"));
        }
        long written = changed.rowsOf("item", "item_revision");
        goals.add(List.of("second run writes <= 1.1 x changed items", n(written) + " rows for "
                + n(changed.summary().counts().changed()), written <= 1.1 * changed.summary().counts().changed()
                && changed.summary().counts().changed() == changed.mutatedTotal() ? "met" : "MISSED"));
        goals.add(List.of("no-change run writes no item rows", n(none.rowsOf("item", "item_revision")),
                none.rowsOf("item", "item_revision") == 0 ? "met" : "MISSED"));
        goals.add(List.of("every item observed, no failed scope", n(runs.getFirst().items()) + " of " + n(sizes.total()),
                runs.getFirst().items() == sizes.total() && runs.stream().allMatch(r -> r.failed() == 0) ? "met" : "MISSED"));
        s.append(md(List.of("goal", "measured", "verdict"), goals));
        return s.toString();
    }

    private static void row(List<List<String>> rows, List<Run> runs, String metric, Function<Run, String> value) {
        List<String> row = new ArrayList<>();
        row.add(metric);
        runs.forEach(r -> row.add(value.apply(r)));
        rows.add(row);
    }

    private static String md(List<String> header, List<List<String>> rows) {
        StringBuilder s = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> s.append("---|"));
        s.append('\n');
        rows.forEach(r -> s.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return s.toString();
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
}
