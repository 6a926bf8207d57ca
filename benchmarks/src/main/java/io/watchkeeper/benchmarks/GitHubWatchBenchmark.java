package io.watchkeeper.benchmarks;

import static io.watchkeeper.benchmarks.WatchBenchmark.loadAverage;
import static io.watchkeeper.benchmarks.WatchBenchmark.log;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.watchkeeper.core.github.GitHubAccess;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.secret.SecretKind;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqEtagCache;
import io.watchkeeper.db.JooqGitHubAccessStore;
import io.watchkeeper.db.JooqScopeLeases;
import io.watchkeeper.db.JooqSnapshotStore;
import io.watchkeeper.db.JooqWatchRunStore;
import io.watchkeeper.db.Migrations;
import io.watchkeeper.github.CallUsage;
import io.watchkeeper.github.GitHubSessionFactory;
import io.watchkeeper.github.GitHubSettings;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatchSettings;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.watchers.testing.GitHubTestOrg;
import io.watchkeeper.watchers.testing.GitHubTestServer;
import io.watchkeeper.watchers.testing.InMemorySecrets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The GitHub watch benchmark: the real pipeline (watcher registry, {@link GitHubSessionFactory} as a
 * GitHub App with conditional requests over the PostgreSQL ETag cache, jOOQ snapshot store) against the
 * loopback {@link GitHubTestServer} grown to a large organisation and slowed to a given latency per call,
 * and a fresh embedded PostgreSQL. Three watches: the first, a repeat with nothing changed, and a repeat
 * after a fraction of the items changed. Stops by itself; nothing leaves loopback.
 */
public final class GitHubWatchBenchmark {

    private static final String USAGE = """
            Usage: java -Xmx512m -cp watchkeeper-benchmarks.jar io.watchkeeper.benchmarks.GitHubWatchBenchmark [options]
              --repositories N      repositories of the organisation (default 1000, at least 7)
              --members N           members (default 300, at least 4)
              --teams N             teams (default 50, at least 3)
              --latency-ms N        latency the server adds to every request (default 30)
              --change-fraction F   fraction of the items changed before the third watch (default 0.01)
              --seed N              seed of the changes (default 42)
              --max-scopes N        scopes watched at once (WatchSettings, default 64)
              --out FILE            also write the results as a markdown table
            """;

    /** The test organisation's own repositories, members and teams, before it is grown. */
    static final int BASE_REPOSITORIES = 7;
    static final int BASE_MEMBERS = 4;
    static final int BASE_TEAMS = 3;

    record Options(int repositories, int members, int teams, Duration latency, double changeFraction, long seed,
                   int maxScopes, Path out) {

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
            Set<String> known = Set.of("--repositories", "--members", "--teams", "--latency-ms", "--change-fraction",
                    "--seed", "--max-scopes", "--out");
            v.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown option " + k);
            });
            Options o = new Options(Integer.parseInt(v.getOrDefault("--repositories", "1000")),
                    Integer.parseInt(v.getOrDefault("--members", "300")), Integer.parseInt(v.getOrDefault("--teams", "50")),
                    Duration.ofMillis(Long.parseLong(v.getOrDefault("--latency-ms", "30"))),
                    Double.parseDouble(v.getOrDefault("--change-fraction", "0.01")),
                    Long.parseLong(v.getOrDefault("--seed", "42")), Integer.parseInt(v.getOrDefault("--max-scopes", "64")),
                    v.containsKey("--out") ? Path.of(v.get("--out")) : null);
            if (o.repositories < BASE_REPOSITORIES || o.members < BASE_MEMBERS || o.teams < BASE_TEAMS
                    || o.latency.isNegative() || o.latency.toMillis() > 10_000 || o.changeFraction < 0
                    || o.changeFraction > 1 || o.maxScopes < 1) {
                throw new IllegalArgumentException("sizes below the base organisation, or latency/fraction out of range");
            }
            return o;
        }
    }

    /** One watch: what the pipeline saw, what the server answered, what PostgreSQL wrote, heap. */
    record Run(String label, RunSummary summary, long requests, long points, CallUsage.Snapshot usage,
               Map<String, Long> byRoute, Map<String, Long> rows, HeapSampler.Peak heap, Map<String, Integer> changed,
               String loadBefore, String loadAfter) {

        long items() {
            return summary.scopes().stream().mapToLong(s -> s.counts().total()).sum();
        }

        double seconds() {
            return summary.duration().toNanos() / 1e9;
        }

        long changedItems() {
            return summary.scopes().stream().mapToLong(s -> s.counts().changed()).sum();
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

        int changedInServer() {
            return changed.values().stream().mapToInt(Integer::intValue).sum();
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
        List<Run> runs = new GitHubWatchBenchmark(options).run();
        System.exit(runs.stream().anyMatch(r -> r.failed() > 0) ? 1 : 0);
    }

    private final Options options;

    GitHubWatchBenchmark(Options options) {
        this.options = options;
    }

    List<Run> run() throws IOException {
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "; load average "
                + loadAverage() + " at start";
        List<Run> runs = new ArrayList<>();
        try (GitHubTestServer server = GitHubTestServer.start();
             HeapSampler heap = new HeapSampler();
             EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                     .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                     .setErrorRedirector(ProcessBuilder.Redirect.DISCARD).start()) {
            server.org().scale(options.repositories() - BASE_REPOSITORIES, options.members() - BASE_MEMBERS,
                    options.teams() - BASE_TEAMS);
            server.maxPerPage(100);
            server.latency(options.latency());
            log("GitHub test server on %s: %d repositories, %d members, %d teams; %d ms per request",
                    server.endpoint(), options.repositories(), options.members(), options.teams(),
                    options.latency().toMillis());
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(20);
            config.setPoolName("watchkeeper-bench");
            try (HikariDataSource ds = new HikariDataSource(config)) {
                Migrations.migrate(ds);
                DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
                JooqGitHubAccessStore access = new JooqGitHubAccessStore(dsl);
                InMemorySecrets secrets = new InMemorySecrets();
                Account account = new JooqAccountStore(dsl).add(new AccountSpec(Provider.GITHUB, "bench-github",
                        GitHubTestOrg.LOGIN, null, List.of(), Map.of("benchmark", "true"), false));
                access.put(account.id(), new GitHubAccess(GitHubAccess.Auth.APP, GitHubTestServer.APP_ID, null,
                        server.endpoint(), null));
                secrets.store(account.id(), SecretKind.GITHUB_APP_KEY, server.appKeyPem());
                PgProbe probe = new PgProbe(pg.getPostgresDatabase(), pg.getPort());
                try (GitHubSessionFactory sessions = new GitHubSessionFactory(access, secrets, new JooqEtagCache(dsl),
                        GitHubSettings.defaults(), Clock.systemUTC())) {
                    WatchRunner runner = new WatchRunner(WatcherRegistry.discover(), List.of(sessions),
                            new JooqSnapshotStore(dsl), new JooqWatchRunStore(dsl), new JooqScopeLeases(dsl),
                            WatchMetrics.NONE, new WatchSettings(options.maxScopes(), Duration.ofMinutes(30),
                                    Duration.ofMinutes(2), 1 << 20, "benchmark"));
                    WatchRequest request = new WatchRequest(List.of(account), Set.of(), Set.of(), "manual", "benchmark", true);
                    Function<String, Run> watch = label -> measure(label, Map.of(), server, heap, probe, ds, runner,
                            request, sessions, account);
                    runs.add(watch.apply("1 first"));
                    runs.add(watch.apply("2 repeat, nothing changed"));
                    int count = (int) Math.round(options.changeFraction() * runs.getFirst().items());
                    Map<String, Integer> changed = GitHubChanges.apply(server.org(), count, options.seed(),
                            Instant.now().toString());
                    log("changed %d items: %s", count, changed);
                    runs.add(measure("3 repeat, " + pct(options.changeFraction()) + " changed", changed, server, heap,
                            probe, ds, runner, request, sessions, account));
                }
            }
        }
        GitHubBenchmarkReport report = new GitHubBenchmarkReport(options, runs, started);
        System.out.println();
        System.out.println(report.markdown());
        if (options.out() != null) {
            Files.writeString(options.out(), report.markdown());
            log("results written to %s", options.out());
        }
        return runs;
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%s%%", fraction * 100 == Math.rint(fraction * 100)
                ? String.valueOf((long) (fraction * 100)) : String.valueOf(fraction * 100));
    }

    private Run measure(String label, Map<String, Integer> changed, GitHubTestServer server, HeapSampler heap,
                        PgProbe probe, HikariDataSource ds, WatchRunner runner, WatchRequest request,
                        GitHubSessionFactory sessions, Account account) {
        evictIdle(ds);
        Map<String, Long> rowsBefore = probe.rowsWritten();
        System.gc();
        String loadBefore = loadAverage();
        server.clearRequests();
        long points0 = server.points();
        heap.reset();
        log("run %s: started", label);
        RunSummary summary = runner.run(request, WatchProgress.NONE);
        HeapSampler.Peak peak = heap.peak();
        List<GitHubTestServer.Recorded> requests = server.requests();
        long points = server.points() - points0;
        String loadAfter = loadAverage();
        evictIdle(ds);
        Map<String, Long> rows = PgProbe.delta(rowsBefore, probe.rowsWritten());
        Map<String, Long> byRoute = new TreeMap<>();
        requests.forEach(r -> byRoute.merge(r.method() + " " + route(r.path()), 1L, Long::sum));
        Run run = new Run(label, summary, requests.size(), points, sessions.lastUsage(account.id()).orElse(null),
                byRoute, rows, peak, changed, loadBefore, loadAfter);
        log("run %s: %.1f s, %,d items (%,d changed), %,d requests, %,d points, %d failed scopes", label, run.seconds(),
                run.items(), run.changedItems(), run.requests(), points, run.failed());
        summary.scopes().stream().filter(ScopeResult::failed).limit(5)
                .forEach(s -> log("  failed %s: %s %s", s.scope(), s.errorCategory(), s.message()));
        return run;
    }

    private static final Pattern REPO = Pattern.compile("^/repos/[^/]+/[^/]+");
    private static final Pattern TEAM = Pattern.compile("/teams/[^/]+");
    private static final Pattern BRANCH = Pattern.compile("/branches/[^/]+");
    private static final Pattern NUMBER = Pattern.compile("/\\d+(?=/|$)");

    /** A request path as a route: {@code /repos/{repo}/branches/{branch}/protection}. */
    static String route(String path) {
        String p = REPO.matcher(path).replaceFirst("/repos/{repo}");
        p = TEAM.matcher(p).replaceAll("/teams/{team}");
        p = BRANCH.matcher(p).replaceAll("/branches/{branch}");
        return NUMBER.matcher(p).replaceAll("/{id}");
    }

    private static void evictIdle(HikariDataSource ds) {
        var pool = ds.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
    }
}
