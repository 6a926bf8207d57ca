package io.watchkeeper.benchmarks;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.tuner.EvidenceSource;
import io.watchkeeper.core.tuner.UsageEvidence;
import io.watchkeeper.iamtuner.aws.AccountIam;
import io.watchkeeper.iamtuner.aws.IamPrincipal;
import io.watchkeeper.iamtuner.aws.ManagedPolicy;
import io.watchkeeper.iamtuner.aws.PrincipalType;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.evidence.CloudTrailMapping;
import io.watchkeeper.iamtuner.plan.Coverage;
import io.watchkeeper.iamtuner.plan.PlanInput;
import io.watchkeeper.iamtuner.plan.Planner;
import io.watchkeeper.iamtuner.plan.PrincipalPlan;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.tuner.PlanStatus;
import io.watchkeeper.core.tuner.TunerPlan;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqTunerPlanStore;
import io.watchkeeper.db.Migrations;
import io.watchkeeper.iamtuner.lifecycle.PlanMaker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Planning an account of 1,000 roles with the proof: the IAM tuner's {@link Planner} (decisions for every granted
 * action, eligibility, rewrites within the size limits, shared policies reduced to their principals' union, and the
 * proof over every catalogue action × each principal's resources), plus the JSON of every principal's plan as
 * {@code PlanMaker} stores it. The account is generated (fixed seed): inline policies with explicit actions,
 * service and verb wildcards, resources and conditions; 30 customer-managed policies shared by several roles;
 * AWS-managed-style read-only policies (a copy each); {@code NotAction} roles; permission boundaries and
 * {@code Deny} statements; 5–40 used actions per role over a 90-day window. Not timed: building the catalogue and the
 * account. One warm-up plan, then {@code --runs} timed plans (default 3); wall and CPU time of the planning thread.
 * Then (unless {@code --store false}) the plan stored as {@code PlanMaker} stores it, in an embedded PostgreSQL.
 * Run: {@code java -Xmx2g -cp benchmarks/target/watchkeeper-benchmarks.jar io.watchkeeper.benchmarks.PlanningBenchmark
 * [--roles 1000] [--runs 3] [--store true]}.
 */
public final class PlanningBenchmark {

    private static final String ACCOUNT = "123456789012";
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final String[] SERVICES = {"s3", "sqs", "sns", "ec2", "dynamodb", "kms", "lambda", "logs", "cloudwatch",
        "ssm", "secretsmanager", "ecr", "ecs", "kinesis", "states", "glue", "athena", "rds", "elasticloadbalancing",
        "autoscaling", "cloudformation", "events", "firehose", "apigateway", "route53"};

    private PlanningBenchmark() {}

    public static void main(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int roles = Integer.parseInt(opts.getOrDefault("roles", "1000"));
        int runs = Integer.parseInt(opts.getOrDefault("runs", "3"));

        long c0 = System.nanoTime();
        ActionCatalog catalog = ActionCatalog.bundled();
        Planner planner = new Planner(catalog, CloudTrailMapping.load(catalog));
        System.out.printf(Locale.ROOT, "catalogue: %,d actions, loaded in %.1f s (not timed below)%n", catalog.size(),
                (System.nanoTime() - c0) / 1e9);
        Account account = generate(catalog, roles, new Random(42));
        PlanInput input = new PlanInput(account.iam, NOW, 90, Map.of(), List.of(), account.evidence, account.logged,
                List.of(), Map.of(), new Coverage(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 11, 30), true,
                Set.of("AWS::S3::Object", "AWS::Lambda::Function", "AWS::DynamoDB::Table")), null);
        System.out.printf(Locale.ROOT, "account: %,d roles, %,d managed policies, %,d evidence rows, %,d logged actions%n",
                account.iam.principals().size(), account.iam.policies().size(), account.evidence.size(), account.logged.size());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Result warm = run(planner, input, threads);
        System.out.printf(Locale.ROOT, "warm-up: %.1f s wall, %.1f s CPU%n", warm.wall, warm.cpu);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Result r = run(planner, input, threads);
            results.add(r);
            System.out.printf(Locale.ROOT, "run %d: %.1f s wall (plan %.1f + JSON %.1f), %.1f s CPU of the planning thread; "
                    + "%,d principal plans, %,d change, %,d actions removed, %d proofs failed, %.1f MB of plan JSON%n",
                    i + 1, r.wall, r.planWall, r.wall - r.planWall, r.cpu, r.plans, r.changes, r.removed, r.proofFailures,
                    r.jsonBytes / 1e6);
        }
        if (Boolean.parseBoolean(opts.getOrDefault("store", "true"))) {
            store(planner, input);
        }
        double best = results.stream().mapToDouble(r -> r.wall).min().orElse(0);
        double bestCpu = results.stream().mapToDouble(r -> r.cpu).min().orElse(0);
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf(Locale.ROOT, "best of %d: %.1f s wall, %.1f s CPU for %,d roles (goal: < 60 s); heap after GC %d MB%n",
                runs, best, bestCpu, roles, heap >> 20);
    }

    /**
     * What {@code PlanMaker} does after planning: the plan and one row per principal (its whole plan as JSON) into
     * PostgreSQL (embedded, migrated), in one transaction; then the plan read back as {@code tuner show} does.
     */
    private static void store(Planner planner, PlanInput input) {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(2);
            try (HikariDataSource ds = new HikariDataSource(config)) {
                Migrations.migrate(ds);
                DSLContext dsl = DSL.using(ds, SQLDialect.POSTGRES);
                long accountId = new JooqAccountStore(dsl).add(new AccountSpec(Provider.AWS, "bench", ACCOUNT, AccountAccess.NONE,
                        List.of("us-east-1"), Map.of(), false)).id();
                List<PrincipalPlan> plans = planner.plan(input);
                System.gc();
                long before = heapUsed();
                resetPeaks();
                long t0 = System.nanoTime();
                long[] bytes = {0};
                JooqTunerPlanStore store = new JooqTunerPlanStore(dsl);
                // as PlanMaker does: each row's detail written as the store inserts it, one batch at a time
                TunerPlan stored = dsl.transactionResult(cfg -> new JooqTunerPlanStore(cfg.dsl()).create(new TunerPlan(0, accountId,
                        PlanStatus.PLANNED, "benchmark", null, 90, null, "benchmark", "bundled", null, null, null, null, null,
                        Json.object().put("principals", plans.size())), () -> plans.stream().map(PlanMaker::row)
                        .peek(r -> bytes[0] += r.detail().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).iterator()));
                long t1 = System.nanoTime();
                long storePeak = heapPeak();
                var sizes = dsl.fetchOne("select count(*), coalesce(sum(octet_length(detail::text)), 0), "
                        + "pg_total_relation_size('tuner_plan_principal') from tuner_plan_principal");
                long notActionMax = dsl.fetchOne("select coalesce(max(octet_length(detail::text)), 0) from tuner_plan_principal "
                        + "where granted > 10000").get(0, Long.class);
                resetPeaks();
                long t2 = System.nanoTime();
                List<PrincipalPlan> back = store.principals(stored.id()).stream().map(PlanMaker::detail).toList();
                long t3 = System.nanoTime();
                long readPeak = heapPeak();
                long decisions = back.stream().mapToLong(p -> p.actions().size()).sum();
                long planned = plans.stream().mapToLong(p -> p.actions().size()).sum();
                System.out.printf(Locale.ROOT, "stored: %,d rows (%s in the table), detail %,d bytes as written (%,d as jsonb text; "
                        + "largest NotAction row %,d), table with TOAST %,d bytes; heap before storing %d MB (the plan in "
                        + "memory), peak while storing %d MB, peak while reading back %d MB; %,d decisions read back of "
                        + "%,d planned; store %.1f s, read back %.1f s (wall, machine shared)%n", plans.size(), sizes.get(0),
                        bytes[0], sizes.get(1, Long.class), notActionMax, sizes.get(2, Long.class), before >> 20, storePeak >> 20,
                        readPeak >> 20, decisions, planned, (t1 - t0) / 1e9, (t3 - t2) / 1e9);
                if (decisions != planned) {
                    throw new IllegalStateException("decisions lost in storage: " + decisions + " of " + planned);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<java.lang.management.MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peak usage since the last reset (an upper bound of the heap's peak). */
    private static long heapPeak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long heapUsed() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private record Result(double wall, double planWall, double cpu, int plans, long changes, long removed, long proofFailures,
                          long jsonBytes) {}

    private static Result run(Planner planner, PlanInput input, ThreadMXBean threads) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        List<PrincipalPlan> plans = planner.plan(input);
        long t1 = System.nanoTime();
        long bytes = 0;
        for (PrincipalPlan p : plans) {
            bytes += PlanMaker.row(p).detail().length();
        }
        long t2 = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        return new Result((t2 - t0) / 1e9, (t1 - t0) / 1e9, cpu / 1e9, plans.size(),
                plans.stream().filter(PrincipalPlan::changes).count(), plans.stream().mapToLong(p -> p.removed().size()).sum(),
                plans.stream().filter(p -> p.notes().stream().anyMatch(n -> n.startsWith("proof failed"))).count(), bytes);
    }

    private record Account(AccountIam iam, List<UsageEvidence> evidence, Set<String> logged) {}

    private static String doc(List<String> statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String allow(List<String> actions, String resource, boolean condition) {
        return "{\"Effect\":\"Allow\",\"Action\":[" + quoted(actions) + "],\"Resource\":\"" + resource + "\""
                + (condition ? ",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}" : "") + "}";
    }

    private static String quoted(List<String> xs) {
        return String.join(",", xs.stream().map(x -> "\"" + x + "\"").toList());
    }

    /** Explicit actions of a service, picked from the catalogue (so they exist), by pattern. */
    private static List<String> actions(ActionCatalog catalog, String service, Random rnd, int n) {
        List<String> all = new ArrayList<>();
        catalog.expand(service + ":*").stream().forEach(i -> all.add(catalog.action(i).qualified()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n && !all.isEmpty(); i++) {
            out.add(all.get(rnd.nextInt(all.size())));
        }
        return out.stream().distinct().toList();
    }

    static Account generate(ActionCatalog catalog, int roles, Random rnd) {
        Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String svc = SERVICES[i % SERVICES.length];
            String arn = "arn:aws:iam::" + ACCOUNT + ":policy/shared-" + i;
            String d = doc(List.of(allow(actions(catalog, svc, rnd, 12), "*", false),
                    allow(List.of(SERVICES[(i + 3) % SERVICES.length] + ":Describe*", SERVICES[(i + 5) % SERVICES.length] + ":Get*"),
                            "*", false)));
            policies.put(arn, new ManagedPolicy(arn, "shared-" + i, "/", false, "v1", d, List.of("v1")));
            shared.add(arn);
        }
        List<String> awsManaged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String arn = "arn:aws:iam::aws:policy/ReadOnly" + i;
            List<String> acts = new ArrayList<>();
            for (int s = 0; s < SERVICES.length; s += 1 + i % 2) {
                acts.add(SERVICES[s] + ":Describe*");
                acts.add(SERVICES[s] + ":Get*");
                acts.add(SERVICES[s] + ":List*");
            }
            policies.put(arn, new ManagedPolicy(arn, "ReadOnly" + i, "/", true, "v3", doc(List.of(allow(acts, "*", false))),
                    List.of("v3")));
            awsManaged.add(arn);
        }
        String boundary = "arn:aws:iam::" + ACCOUNT + ":policy/boundary";
        policies.put(boundary, new ManagedPolicy(boundary, "boundary", "/", false, "v1", doc(List.of(allow(
                List.of("s3:*", "sqs:*", "dynamodb:*", "logs:*", "kms:Decrypt"), "*", false))), List.of("v1")));

        List<IamPrincipal> principals = new ArrayList<>();
        List<UsageEvidence> evidence = new ArrayList<>();
        Set<String> logged = new HashSet<>();
        Instant created = NOW.minus(Duration.ofDays(400));
        for (int r = 0; r < roles; r++) {
            String name = "role-" + r;
            String arn = "arn:aws:iam::" + ACCOUNT + ":role/app/" + name;
            TreeMap<String, String> inline = new TreeMap<>();
            List<String> attached = new ArrayList<>();
            String bound = null;
            int kind = r % 20;
            String s1 = SERVICES[rnd.nextInt(SERVICES.length)];
            String s2 = SERVICES[rnd.nextInt(SERVICES.length)];
            List<String> statements = new ArrayList<>();
            statements.add(allow(actions(catalog, s1, rnd, 8 + rnd.nextInt(20)), "arn:aws:" + s1 + ":::data-" + r + "/*", r % 3 == 0));
            statements.add(allow(List.of(s2 + ":*"), "*", false));
            if (kind < 2) {
                statements.add("{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\",\"account:*\"],\"Resource\":\"*\"}");
            }
            if (kind % 4 == 1) {
                statements.add("{\"Effect\":\"Deny\",\"Action\":[\"" + s1 + ":Delete*\"],\"Resource\":\"*\"}");
            }
            inline.put(name + "-inline", doc(statements));
            if (kind >= 8 && kind < 14) {
                attached.add(shared.get(rnd.nextInt(shared.size())));
            }
            if (kind >= 14 && kind < 17) {
                attached.add(awsManaged.get(rnd.nextInt(awsManaged.size())));
            }
            if (kind == 19) {
                bound = boundary;
            }
            principals.add(new IamPrincipal(PrincipalType.ROLE, arn, name, "/app/", created,
                    r % 7 == 0 ? Map.of("owner", "team-" + (r % 13) + "@example.com") : Map.of(), inline, attached, bound, List.of()));
            // use: some of the explicit actions and a few of the wildcard service's
            List<String> used = new ArrayList<>(actions(catalog, s1, rnd, 3 + rnd.nextInt(10)));
            used.addAll(actions(catalog, s2, rnd, 2 + rnd.nextInt(20)));
            for (String a : used) {
                Instant when = NOW.minus(Duration.ofHours(1 + rnd.nextInt(24 * 80)));
                evidence.add(new UsageEvidence(arn, a, EvidenceSource.CLOUDTRAIL, when, 2 + rnd.nextInt(500), "us-east-1"));
                logged.add(a.toLowerCase(Locale.ROOT));
            }
        }
        // the account's logs show most actions of the services in use (someone called them), as a busy account's would
        for (String s : SERVICES) {
            for (String a : actions(catalog, s, rnd, 400)) {
                logged.add(a.toLowerCase(Locale.ROOT));
            }
        }
        return new Account(new AccountIam(principals, Map.of(), policies), evidence, logged);
    }
}
