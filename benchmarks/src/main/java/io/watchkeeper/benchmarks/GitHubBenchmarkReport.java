package io.watchkeeper.benchmarks;

import io.watchkeeper.benchmarks.GitHubWatchBenchmark.Options;
import io.watchkeeper.benchmarks.GitHubWatchBenchmark.Run;
import io.watchkeeper.core.watch.ScopeResult;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The GitHub watch benchmark's results as markdown tables: per run, per route, per type, and the goals. */
final class GitHubBenchmarkReport {

    private final Options options;
    private final List<Run> runs;
    private final String started;

    GitHubBenchmarkReport(Options options, List<Run> runs, String started) {
        this.options = options;
        this.runs = List.copyOf(runs);
        this.started = started;
    }

    List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        row(rows, "wall time", r -> f(r.seconds(), 1) + " s");
        row(rows, "scopes (failed / partial)", r -> r.summary().scopes().size() + " (" + r.summary().count(
                io.watchkeeper.core.watch.ScopeStatus.FAILED) + " / "
                + r.summary().count(io.watchkeeper.core.watch.ScopeStatus.PARTIAL) + ")");
        row(rows, "items observed", r -> n(r.items()));
        row(rows, "items/s", r -> f(r.items() / r.seconds(), 0));
        row(rows, "created / changed / ephemeral / deleted / unchanged", r -> {
            var c = r.summary().scopes().stream().map(ScopeResult::counts)
                    .reduce(io.watchkeeper.core.watch.ScopeCounts.ZERO, io.watchkeeper.core.watch.ScopeCounts::plus);
            return n(c.created()) + " / " + n(c.changed()) + " / " + n(c.ephemeral()) + " / " + n(c.deleted()) + " / "
                    + n(c.unchanged());
        });
        row(rows, "items changed in the server", r -> n(r.changedInServer()));
        row(rows, "requests at the server (incl. App JWT calls)", r -> n(r.requests()));
        row(rows, "requests counted by the session / of which 304", r -> r.usage() == null ? "n/a"
                : n(r.usage().requests()) + " / " + n(r.usage().notModified()));
        row(rows, "rate-limit points (server's count: answers but 304)", r -> n(r.points()));
        row(rows, "points vs the first watch", r -> pct(r.points(), runs.getFirst().points()));
        row(rows, "requests per item", r -> ratio(r.requests(), r.items()));
        row(rows, "rows written: item_revision / item", r -> n(r.rowsOf("item_revision")) + " / " + n(r.rowsOf("item")));
        row(rows, "rows written: github_etag (conditional-request cache)", r -> n(r.rowsOf("github_etag")));
        row(rows, "rows written: bookkeeping (watch_run, watch_scope_result, scope_lease)",
                r -> n(r.rowsOf("watch_run", "watch_scope_result", "scope_lease")));
        row(rows, "rows written: all tables", r -> n(r.rowsTotal()));
        row(rows, "rows (item + item_revision) per changed item", r -> r.changedItems() == 0 ? "n/a"
                : ratio(r.rowsOf("item", "item_revision"), r.changedItems()));
        row(rows, "all rows per changed item", r -> r.changedItems() == 0 ? "n/a" : ratio(r.rowsTotal(), r.changedItems()));
        row(rows, "peak heap used (sampled every 20 ms)", r -> mb(r.heap().sampledBytes()));
        row(rows, "largest heap left after a GC", r -> mb(r.heap().afterGcBytes()));
        row(rows, "JVM CPU time (product + server)", r -> f(r.heap().cpuNanos() / 1e9, 1) + " s");
        row(rows, "load average (1 min) before / after", r -> r.loadBefore() + " / " + r.loadAfter());
        return rows;
    }

    List<List<String>> routes() {
        Set<String> keys = new TreeSet<>();
        runs.forEach(r -> keys.addAll(r.byRoute().keySet()));
        List<List<String>> rows = new ArrayList<>();
        for (String key : keys) {
            List<String> row = new ArrayList<>(List.of("`" + key + "`"));
            runs.forEach(r -> row.add(n(r.byRoute().getOrDefault(key, 0L))));
            rows.add(row);
        }
        return rows;
    }

    List<List<String>> types() {
        List<List<String>> rows = new ArrayList<>();
        Run first = runs.getFirst();
        first.summary().scopes().stream().sorted((a, b) -> a.scope().type().id().compareTo(b.scope().type().id()))
                .forEach(s -> {
                    List<String> row = new ArrayList<>(List.of(s.scope().type().id()));
                    for (Run r : runs) {
                        ScopeResult same = r.summary().scopes().stream().filter(x -> x.scope().type().equals(s.scope()
                                .type())).findFirst().orElse(null);
                        row.add(same == null ? "-" : n(same.counts().total()) + " items, " + n(same.apiCalls())
                                + " calls, " + f(same.duration().toMillis() / 1000.0, 1) + " s"
                                + (same.counts().changed() > 0 ? ", " + same.counts().changed() + " changed" : ""));
                    }
                    rows.add(row);
                });
        return rows;
    }

    List<List<String>> goals() {
        Run first = runs.get(0);
        Run unchanged = runs.get(1);
        Run changed = runs.get(2);
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("repeat of an unchanged organisation < 5 % of the first watch's points",
                n(unchanged.points()) + " of " + n(first.points()) + " = " + pct(unchanged.points(), first.points()),
                unchanged.points() * 20 < first.points() ? "met" : "MISSED"));
        out.add(List.of("unchanged repeat writes no item rows", n(unchanged.rowsOf("item", "item_revision")),
                unchanged.rowsOf("item", "item_revision") == 0 ? "met" : "MISSED"));
        out.add(List.of("changed items reported = items changed in the server", n(changed.changedItems()) + " of "
                + n(changed.changedInServer()), changed.changedItems() == changed.changedInServer() ? "met" : "MISSED"));
        out.add(List.of("one item_revision row per changed item, no item rows", n(changed.rowsOf("item_revision")) + " / "
                + n(changed.rowsOf("item")), changed.rowsOf("item_revision") == changed.changedItems()
                && changed.rowsOf("item") == 0 ? "met" : "MISSED"));
        long failed = runs.stream().mapToLong(Run::failed).sum();
        out.add(List.of("no failed scopes", n(failed), failed == 0 ? "met" : "MISSED"));
        return out;
    }

    String environment() {
        Runtime rt = Runtime.getRuntime();
        long ram = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return String.format(Locale.ROOT, "%s; %d CPUs; %.1f GB RAM; JDK %s; max heap %s; %s %s", started,
                rt.availableProcessors(), ram / (1024.0 * 1024 * 1024), System.getProperty("java.version"),
                mb(rt.maxMemory()), System.getProperty("os.name"), System.getProperty("os.version"));
    }

    String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("Machine: ").append(environment()).append("\n\n");
        s.append(String.format(Locale.ROOT, "Settings: %d repositories, %d members, %d teams; %d ms per request; "
                        + "100 a page; change fraction %s (seed %d); max-scopes %d; GitHub App authentication.%n%n",
                options.repositories(), options.members(), options.teams(), options.latency().toMillis(),
                options.changeFraction(), options.seed(), options.maxScopes()));
        List<String> header = new ArrayList<>(List.of("metric"));
        runs.forEach(r -> header.add("run " + r.label()));
        s.append(md(header, table())).append('\n');
        List<String> routeHeader = new ArrayList<>(List.of("requests by route"));
        runs.forEach(r -> routeHeader.add("run " + r.label().split(" ")[0]));
        s.append(md(routeHeader, routes())).append('\n');
        List<String> typeHeader = new ArrayList<>(List.of("type"));
        runs.forEach(r -> typeHeader.add("run " + r.label().split(" ")[0]));
        s.append(md(typeHeader, types())).append('\n');
        s.append(md(List.of("goal", "measured", "verdict"), goals()));
        return s.toString();
    }

    private void row(List<List<String>> rows, String metric, Function<Run, String> value) {
        List<String> row = new ArrayList<>(List.of(metric));
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

    private static String ratio(long a, long b) {
        return b == 0 ? "n/a" : f(a / (double) b, 3);
    }

    private static String pct(long a, long b) {
        return b == 0 ? "n/a" : f(100.0 * a / b, 2) + " %";
    }
}
