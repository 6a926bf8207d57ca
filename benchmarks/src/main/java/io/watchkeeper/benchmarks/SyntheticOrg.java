package io.watchkeeper.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A deterministic synthetic AWS organisation: N accounts x R regions, every resource derived from
 * its coordinates (account, kind, region, index) and a per-item version that {@link #mutate}
 * raises. Nothing is stored per resource except that version, so the model stays a few hundred
 * kilobytes whatever the size.
 */
public final class SyntheticOrg {

    /** Regions in the order they are handed out; the first R are the organisation's. */
    static final List<String> ALL_REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2",
            "eu-central-1", "ap-northeast-1", "us-east-2", "eu-west-2", "ca-central-1", "sa-east-1", "ap-south-1",
            "eu-north-1", "us-west-1", "ap-southeast-1", "ap-northeast-2", "eu-west-3", "eu-south-1");

    /**
     * Resource kinds the stub serves, with the Watchkeeper type each one becomes. The first nine are
     * the benchmark's original set (sizes from {@link Sizes}); the others were added with the AWS
     * types of issue 14 and have fixed counts per account or per region, in proportions seen in
     * real estates (a few VPCs and route tables per region, about one volume per instance, one
     * item per region for the per-region service settings). The two Organizations kinds have none:
     * every synthetic account is a member that may not read its organization (not applicable).
     */
    public enum Kind {
        ROLE("aws.iam.role"), USER("aws.iam.user"), GROUP("aws.iam.group"), POLICY("aws.iam.policy"),
        PASSWORD_POLICY("aws.iam.password-policy"), BUCKET("aws.s3.bucket"),
        ACCOUNT_PAB("aws.s3.account-public-access-block"), SECURITY_GROUP("aws.ec2.security-group", true, false, 0),
        INSTANCE("aws.ec2.instance", true, false, 0),
        ROOT_ACCOUNT("aws.iam.root-account", false, true, 1),
        SERVER_CERTIFICATE("aws.iam.server-certificate", false, true, 1),
        ORG_POLICY("aws.organizations.policy", false, true, 0),
        DELEGATED_ADMIN("aws.organizations.delegated-administrator", false, true, 0),
        VPC("aws.ec2.vpc", true, true, 2),
        VPC_PEERING("aws.ec2.vpc-peering-connection", true, true, 1),
        ROUTE_TABLE("aws.ec2.route-table", true, true, 4),
        NETWORK_ACL("aws.ec2.network-acl", true, true, 2),
        VOLUME("aws.ec2.volume", true, true, 16),
        EC2_SETTINGS("aws.ec2.account-settings", true, true, 1),
        METRIC_FILTER("aws.logs.metric-filter", true, true, 4),
        ALARM("aws.cloudwatch.alarm", true, true, 5),
        CONFIG("aws.config.recorder", true, true, 1),
        GUARDDUTY("aws.guardduty.detector", true, true, 1),
        ACCESS_ANALYZER("aws.accessanalyzer.analyzer", true, true, 1),
        SECURITY_HUB("aws.securityhub.hub", true, true, 1),
        LOAD_BALANCER("aws.elbv2.load-balancer", true, true, 2),
        CLASSIC_LB("aws.elb.load-balancer", true, true, 1),
        RDS_SNAPSHOT("aws.rds.snapshot", true, true, 3),
        RDS_CLUSTER_SNAPSHOT("aws.rds.cluster-snapshot", true, true, 1),
        RDS_CLUSTER("aws.rds.cluster", true, true, 1),
        SECRET("aws.secretsmanager.secret", true, true, 4),
        EKS_CLUSTER("aws.eks.cluster", true, true, 1),
        ECR_REPOSITORY("aws.ecr.repository", true, true, 3),
        EFS("aws.efs.file-system", true, true, 1);

        public final String type;
        private final boolean regional;
        /** Added with issue 14: watched only in the extended type set. */
        public final boolean added;
        private final int fixedCount;

        Kind(String type) {
            this(type, false, false, 0);
        }

        Kind(String type, boolean regional, boolean added, int fixedCount) {
            this.type = type;
            this.regional = regional;
            this.added = added;
            this.fixedCount = fixedCount;
        }

        boolean regional() {
            return regional;
        }
    }

    /**
     * Sizes of the organisation.
     *
     * @param accounts member accounts
     * @param regions regions per account (at most {@value #MAX_REGIONS})
     * @param roles IAM roles per account
     * @param users IAM users per account
     * @param groups IAM groups per account
     * @param policies customer-managed IAM policies per account
     * @param buckets S3 buckets per account
     * @param securityGroups security groups per account and region
     * @param instances EC2 instances (not terminated) per account and region
     * @param extended whether the kinds added with issue 14 are part of the organisation
     */
    public record Sizes(int accounts, int regions, int roles, int users, int groups, int policies, int buckets,
                        int securityGroups, int instances, boolean extended) {

        /** The original nine kinds only. */
        public Sizes(int accounts, int regions, int roles, int users, int groups, int policies, int buckets,
                     int securityGroups, int instances) {
            this(accounts, regions, roles, users, groups, policies, buckets, securityGroups, instances, false);
        }

        static final int MAX_REGIONS = 17;

        public Sizes {
            if (accounts < 1 || accounts > 100_000 || regions < 1 || regions > MAX_REGIONS) {
                throw new IllegalArgumentException("accounts 1..100000 and regions 1.." + MAX_REGIONS);
            }
            if (roles < 0 || users < 0 || groups < 0 || policies < 0 || buckets < 0 || securityGroups < 0
                    || instances < 0 || roles > 5000 || users > 5000 || groups > 1000 || policies > 1000
                    || buckets > 1000 || securityGroups > 5000 || instances > 5000) {
                throw new IllegalArgumentException("per-account sizes out of range");
            }
        }

        public static Sizes defaults(int accounts, int regions) {
            return new Sizes(accounts, regions, 60, 20, 5, 10, 10, 30, 15);
        }

        /** The same organisation with or without the kinds added with issue 14. */
        public Sizes withExtended(boolean extended) {
            return new Sizes(accounts, regions, roles, users, groups, policies, buckets, securityGroups, instances,
                    extended);
        }

        /** Whether the kind is part of this organisation (watched), even with no items. */
        public boolean includes(Kind kind) {
            return !kind.added || extended;
        }

        public int count(Kind kind) {
            return switch (kind) {
                case ROLE -> roles;
                case USER -> users;
                case GROUP -> groups;
                case POLICY -> policies;
                case PASSWORD_POLICY, ACCOUNT_PAB -> 1;
                case BUCKET -> buckets;
                case SECURITY_GROUP -> securityGroups;
                case INSTANCE -> instances;
                default -> extended ? kind.fixedCount : 0;
            };
        }

        /** Items of one account, all regions. */
        public int perAccount() {
            int n = 0;
            for (Kind k : Kind.values()) {
                n += k.regional() ? regions * count(k) : count(k);
            }
            return n;
        }

        public long total() {
            return (long) accounts * perAccount();
        }

        /** Items of {@code kind} in the whole organisation. */
        public long total(Kind kind) {
            return (long) accounts * (kind.regional() ? regions * count(kind) : count(kind));
        }
    }

    /** Where one global item index points. */
    record Coordinates(int account, Kind kind, int region, int index) {}

    static final Instant EPOCH = Instant.parse("2021-01-04T09:00:00Z");

    private final Sizes sizes;
    private final List<String> regions;
    private final String[] accountIds;
    private final Map<String, Integer> accountIndex = new HashMap<>();
    private final Map<String, Integer> regionIndex = new HashMap<>();
    private final int[] offsets = new int[Kind.values().length];
    private final int regionalBlock;
    private final AtomicIntegerArray versions;

    public SyntheticOrg(Sizes sizes) {
        this.sizes = sizes;
        this.regions = ALL_REGIONS.subList(0, sizes.regions());
        for (int r = 0; r < regions.size(); r++) {
            regionIndex.put(regions.get(r), r);
        }
        this.accountIds = new String[sizes.accounts()];
        for (int a = 0; a < accountIds.length; a++) {
            accountIds[a] = String.format("%012d", 210_000_000_000L + 1_009L * a);
            accountIndex.put(accountIds[a], a);
        }
        int offset = 0;
        for (Kind k : Kind.values()) {
            if (!k.regional()) {
                offsets[k.ordinal()] = offset;
                offset += sizes.count(k);
            }
        }
        int regional = 0;
        for (Kind k : Kind.values()) {
            if (k.regional()) {
                offsets[k.ordinal()] = offset + regional;
                regional += sizes.count(k);
            }
        }
        this.regionalBlock = regional;
        if (sizes.total() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("organisation too large");
        }
        this.versions = new AtomicIntegerArray((int) sizes.total());
    }

    public Sizes sizes() {
        return sizes;
    }

    public List<String> regions() {
        return regions;
    }

    public String accountId(int account) {
        return accountIds[account];
    }

    /** The account's index, or -1 when it is not part of the organisation. */
    public int accountIndex(String accountId) {
        Integer i = accountIndex.get(accountId);
        return i == null ? -1 : i;
    }

    /** The region's index, or -1 when the organisation does not use it. */
    public int regionIndex(String region) {
        Integer i = regionIndex.get(region);
        return i == null ? -1 : i;
    }

    /** Role the hub assumes in each account. */
    public String roleArn(int account) {
        return "arn:aws:iam::" + accountIds[account] + ":role/WatchkeeperAudit";
    }

    private int globalIndex(int account, Kind kind, int region, int index) {
        int inAccount = offsets[kind.ordinal()] + index + (kind.regional() ? region * regionalBlock : 0);
        return account * sizes.perAccount() + inAccount;
    }

    Coordinates coordinates(int global) {
        int per = sizes.perAccount();
        int account = global / per;
        int rest = global % per;
        int globalBlock = per - sizes.regions() * regionalBlock;
        if (rest < globalBlock) {
            Kind found = null;
            for (Kind k : Kind.values()) {
                if (!k.regional() && rest >= offsets[k.ordinal()] && rest < offsets[k.ordinal()] + sizes.count(k)) {
                    found = k;
                }
            }
            return new Coordinates(account, found, -1, rest - offsets[found.ordinal()]);
        }
        int regional = rest - globalBlock;
        int region = regional / regionalBlock;
        int within = regional % regionalBlock;
        for (Kind k : Kind.values()) {
            if (k.regional()) {
                int start = offsets[k.ordinal()] - globalBlock;
                if (within >= start && within < start + sizes.count(k)) {
                    return new Coordinates(account, k, region, within - start);
                }
            }
        }
        throw new IllegalStateException("index " + global);
    }

    /** How many times the item has been changed (0 at first). */
    public int version(int account, Kind kind, int region, int index) {
        return versions.get(globalIndex(account, kind, region, index));
    }

    /** A version per account-wide item. */
    public int version(int account, Kind kind, int index) {
        return version(account, kind, -1, index);
    }

    /**
     * Changes {@code round(fraction x total)} distinct items, chosen by {@code seed}, durably (a
     * tag value, a security-group rule, an inline policy, a policy version, a setting). Returns the
     * number of changed items per kind.
     */
    public synchronized Map<Kind, Integer> mutate(double fraction, long seed) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be within 0..1");
        }
        int total = versions.length();
        int k = (int) Math.round(fraction * total);
        // Floyd's algorithm: k distinct indices out of total, deterministic for the seed.
        SplittableRandom random = new SplittableRandom(seed);
        Set<Integer> chosen = new HashSet<>(k * 2);
        for (int j = total - k; j < total; j++) {
            int t = random.nextInt(j + 1);
            if (!chosen.add(t)) {
                chosen.add(j);
            }
        }
        Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
        for (int index : chosen) {
            versions.incrementAndGet(index);
            byKind.merge(coordinates(index).kind(), 1, Integer::sum);
        }
        return byKind;
    }

    // ---- deterministic values -------------------------------------------------------------

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long hash(int account, Kind kind, int region, int index, int salt) {
        long h = mix(account * 0x9E3779B97F4A7C15L + kind.ordinal());
        h = mix(h ^ (region + 1L) * 0xC2B2AE3D27D4EB4FL);
        h = mix(h ^ index * 0x165667B19E3779F9L);
        return mix(h ^ salt);
    }

    /** {@code n} lowercase hex characters. */
    static String hex(long h, int n) {
        StringBuilder s = new StringBuilder(n);
        long v = h;
        for (int i = 0; i < n; i++) {
            if (i % 16 == 0 && i > 0) {
                v = mix(v);
            }
            s.append(Character.forDigit((int) (v & 0xF), 16));
            v >>>= 4;
        }
        return s.toString();
    }

    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    /** An IAM unique id such as {@code AROA} + 17 characters. */
    static String iamId(String prefix, long h) {
        StringBuilder s = new StringBuilder(prefix);
        long v = h;
        for (int i = 0; i < 17; i++) {
            if (i == 12) {
                v = mix(v);
            }
            s.append(ID_CHARS[(int) (v & 31)]);
            v >>>= 5;
        }
        return s.toString();
    }

    /** A fixed instant within three years after {@link #EPOCH}, to the second. */
    static Instant instant(long h) {
        return EPOCH.plusSeconds(Math.floorMod(h, 3L * 365 * 86_400)).truncatedTo(ChronoUnit.SECONDS);
    }

    static <T> T pick(List<T> options, long h) {
        return options.get((int) Math.floorMod(h, (long) options.size()));
    }
}
