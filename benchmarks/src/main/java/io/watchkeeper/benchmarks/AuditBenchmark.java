package io.watchkeeper.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.EntityClassifier;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.AuditSummary;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.ObservedItem;
import io.watchkeeper.core.watch.ScopeSnapshot;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqAuditStore;
import io.watchkeeper.db.JooqSnapshotStore;
import io.watchkeeper.db.JooqWatchRunStore;
import io.watchkeeper.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Audit throughput over a synthetic estate (default 100 accounts × 1,000 items):
 * <ol>
 *   <li>in memory: every check of every item on typed configs, one thread (evaluations/s per core);</li>
 *   <li>end to end: the items stored in a real embedded PostgreSQL, a full audit pass (decode,
 *       evaluate, lifecycle, findings written), then 1% of the items changed and an incremental
 *       pass that evaluates only those and their dependents.</li>
 * </ol>
 * Run: {@code java -Xmx1g -cp benchmarks/target/watchkeeper-benchmarks.jar io.watchkeeper.benchmarks.AuditBenchmark
 * [--accounts 100] [--items-per-account 1000] [--change-fraction 0.01]}.
 */
public final class AuditBenchmark {

    private AuditBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int accounts = Integer.parseInt(opts.getOrDefault("accounts", "100"));
        int perAccount = Integer.parseInt(opts.getOrDefault("items-per-account", "1000"));
        double changeFraction = Double.parseDouble(opts.getOrDefault("change-fraction", "0.01"));
        CheckRegistry checks = CheckRegistry.discover();
        List<List<SyntheticEstate.Item>> estate = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            estate.add(SyntheticEstate.account(a, perAccount, 42));
        }
        System.out.printf("estate: %d accounts x %d items = %d items; %d checks%n", accounts, perAccount,
                accounts * perAccount, checks.all().size());
        inMemory(checks, estate);
        endToEnd(checks, estate, changeFraction);
    }

    private static void inMemory(CheckRegistry checks, List<List<SyntheticEstate.Item>> estate) {
        List<Account> known = new ArrayList<>();
        for (int a = 0; a < estate.size(); a++) {
            known.add(account(a));
        }
        for (int round = 0; round < 4; round++) {
            long evaluations = 0;
            long findings = 0;
            long start = System.nanoTime();
            for (int a = 0; a < estate.size(); a++) {
                List<SyntheticEstate.Item> items = estate.get(a);
                MemoryContext context = new MemoryContext(known.get(a), known, items);
                for (SyntheticEstate.Item item : items) {
                    context.region = item.region();
                    for (Check<?> check : checks.forType(item.type())) {
                        findings += evaluate(check, item.config(), context);
                        evaluations++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("in memory, round %d (%s): %,d evaluations in %.2f s = %,.0f evaluations/s on one thread; "
                            + "%,d evidence%n", round + 1, round == 0 ? "cold" : "warm", evaluations, seconds,
                    evaluations / seconds, findings);
        }
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> int evaluate(Check<C> check, Record config, AuditContext context) {
        return check.evaluate((C) config, context).size();
    }

    /** Related items of one account, in memory. */
    private static final class MemoryContext implements AuditContext {
        private final Account account;
        private final EntityClassifier classifier;
        private final Map<String, List<Related<?>>> related = new HashMap<>();
        String region = "global";

        MemoryContext(Account account, List<Account> known, List<SyntheticEstate.Item> items) {
            this.account = account;
            this.classifier = new EntityClassifier(account.externalId(), known, Map.of());
            for (SyntheticEstate.Item i : items) {
                related.computeIfAbsent(i.type(), t -> new ArrayList<>())
                        .add(new Related<>(i.region(), i.resourceId(), i.name(), i.config()));
            }
        }

        @Override
        public Account account() {
            return account;
        }

        @Override
        public String region() {
            return region;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends Record> List<Related<T>> related(ResourceType type, Class<T> configType) {
            return (List<Related<T>>) (List<?>) related.getOrDefault(type.id(), List.of());
        }

        @Override
        public EntityClass classifyPrincipal(String principal) {
            return classifier.principal(principal);
        }

        @Override
        public EntityClass classifyNetwork(String source) {
            return classifier.network(source);
        }
    }

    private static Account account(int a) {
        return new Account(a + 1, Provider.AWS, "acct-" + a, SyntheticEstate.accountId(a), AccountAccess.NONE,
                List.of("eu-west-1"), Map.of("env", a % 2 == 0 ? "prod" : "dev"), true, false);
    }

    private static void endToEnd(CheckRegistry checks, List<List<SyntheticEstate.Item>> estate, double fraction)
            throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "50").start()) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(10);
            try (HikariDataSource ds = new HikariDataSource(config)) {
                Migrations.migrate(ds);
                DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
                JooqSnapshotStore snapshots = new JooqSnapshotStore(dsl);
                long runId = new JooqWatchRunStore(dsl).startRun("benchmark", "benchmark");
                List<Account> accounts = new ArrayList<>();
                long loadStart = System.nanoTime();
                for (int a = 0; a < estate.size(); a++) {
                    Account account = new JooqAccountStore(dsl).add(new AccountSpec(Provider.AWS, "acct-" + a,
                            SyntheticEstate.accountId(a), AccountAccess.NONE, List.of("eu-west-1"),
                            Map.of("env", a % 2 == 0 ? "prod" : "dev"), false));
                    accounts.add(account);
                    store(snapshots, runId, account, estate.get(a));
                }
                System.out.printf("end to end: stored %,d items in %.1f s%n", estate.stream().mapToInt(List::size).sum(),
                        (System.nanoTime() - loadStart) / 1e9);
                AuditEngine engine = new AuditEngine(checks, new JooqAuditStore(dsl), Map.of(), Clock.systemUTC());
                AuditSummary full = engine.auditAll("benchmark", "benchmark");
                report("full audit", full);
                AuditSummary again = engine.auditAll("benchmark", "benchmark");
                report("full audit, nothing changed", again);

                List<Long> changed = new ArrayList<>();
                int every = (int) Math.round(1 / fraction);
                for (int a = 0; a < estate.size(); a++) {
                    List<SyntheticEstate.Item> mutated = new ArrayList<>(estate.get(a));
                    for (int i = 0; i < mutated.size(); i += every) {
                        SyntheticEstate.Item it = mutated.get(i);
                        mutated.set(i, SyntheticEstate.mutate(it, i));
                    }
                    changed.addAll(store(snapshots, runId, accounts.get(a), mutated));
                }
                AuditSummary incremental = engine.auditChanged(changed, "benchmark", "benchmark");
                System.out.printf("changed %,d items (%.1f%%)%n", changed.size(), 100.0 * changed.size()
                        / estate.stream().mapToInt(List::size).sum());
                report("incremental audit", incremental);
            }
        }
    }

    /** Stores an account's items scope by scope; returns the ids of items that got a new revision. */
    private static List<Long> store(JooqSnapshotStore snapshots, long runId, Account account,
                                    List<SyntheticEstate.Item> items) {
        Map<String, List<SyntheticEstate.Item>> byScope = items.stream()
                .collect(Collectors.groupingBy(i -> i.type() + "|" + (i.type().startsWith("aws.ec2") ? i.region() : "global"),
                        LinkedHashMap::new, Collectors.toList()));
        List<Long> changed = new ArrayList<>();
        for (var e : byScope.entrySet()) {
            String[] key = e.getKey().split("\\|");
            WatchScope scope = new WatchScope(account, key[1], ResourceType.of(key[0]));
            List<ObservedItem> observed = e.getValue().stream().map(i -> new ObservedItem(i.resourceId(), i.name(),
                    i.region(), CanonicalJson.of(i.config()))).toList();
            Class<? extends Record> type = e.getValue().getFirst().config().getClass();
            changed.addAll(snapshots.applyScope(new ScopeSnapshot(scope, runId, observed, Set.of(),
                    EphemeralPaths.of(type)::strip)).changedItemIds());
        }
        return changed;
    }

    private static void report(String label, AuditSummary s) {
        double seconds = s.duration().toMillis() / 1000.0;
        System.out.printf("%s: %,d items, %,d evaluations in %.1f s = %,.0f items/s, %,.0f evaluations/s; "
                        + "findings %,d new, %,d fixed, %,d regressed%n", label, s.items(), s.evaluations(), seconds,
                s.items() / Math.max(seconds, 0.001), s.evaluations() / Math.max(seconds, 0.001), s.opened(), s.fixed(),
                s.regressed());
    }
}
