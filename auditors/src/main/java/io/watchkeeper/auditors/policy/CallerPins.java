package io.watchkeeper.auditors.policy;

import io.watchkeeper.auditors.policy.network.IpSet;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.EntityClass;
import java.util.List;
import java.util.Set;

/**
 * What a condition clause says about who the caller is. A clause pins the caller only when it
 * names known accounts, organisations, principals, networks or endpoints with an operator that
 * requires the key: {@code …IfExists}, {@code ForAllValues:}, {@code Null}, negated operators and
 * {@code Bool aws:SecureTransport} never do (a request without the key, or with any other value,
 * gets through). A {@code StringLike}/{@code ArnLike} value whose wildcard matches every account,
 * organisation or endpoint is recognised but open: its pin reaches the internet.
 */
public final class CallerPins {

    /** Keys whose values are account ids. ({@code aws:ResourceAccount} is the resource's account, not the caller's.) */
    private static final Set<String> ACCOUNT_KEYS = Set.of("aws:principalaccount", "aws:sourceaccount",
            "aws:sourceowner", "kms:calleraccount");
    private static final Set<String> ARN_KEYS = Set.of("aws:principalarn", "aws:sourcearn");
    private static final Set<String> ORG_KEYS = Set.of("aws:principalorgid", "aws:principalorgpaths",
            "aws:sourceorgid", "aws:sourceorgpaths");
    private static final Set<String> VPC_KEYS = Set.of("aws:sourcevpc", "aws:sourcevpce");
    /** Accounts a pattern must match to count as "every account". */
    private static final List<String> ACCOUNTS = List.of("000000000000", "123456789012", "987654321098",
            "555555555555", "999999999999");
    private static final List<String> ORGS = List.of("o-a0b1c2d3e4", "o-zz9yy8xx7w", "o-a0b1c2d3e4/r-ab12/ou-ab12-a1b2c3d4/",
            "o-zz9yy8xx7w/r-zz99/ou-zz99-z9y8x7w6/");
    private static final List<String> ENDPOINTS = List.of("vpc-0a1b2c3d4e5f60718", "vpc-9f8e7d6c5b4a39281",
            "vpce-0a1b2c3d4e5f60718", "vpce-9f8e7d6c5b4a39281");

    private CallerPins() {}

    /**
     * Who a clause lets in.
     *
     * @param entity the class of those callers (INTERNET for a recognised clause that admits anyone)
     * @param reach the same, in the policy evaluator's words
     * @param description {@code key values}, as evidence shows it
     */
    public record Pin(EntityClass entity, Reach reach, String description) {

        /** Whether the pin actually narrows who gets in. */
        public boolean restricts() {
            return entity != EntityClass.INTERNET;
        }
    }

    /** The pin of a clause of an Allow statement, or null when it does not speak of the caller. */
    public static Pin allow(Condition c, AuditContext context) {
        if (c.ifExists() || c.qualifier() == Condition.Qualifier.ALL || c.values().isEmpty()) {
            return null;
        }
        if (c.operator().equals("bool")) {
            return c.key().equals("aws:principalisawsservice") && c.values().stream().allMatch("true"::equalsIgnoreCase)
                    ? new Pin(EntityClass.SERVICE, Reach.SERVICE, c.describe()) : null;
        }
        if (!c.positive()) {
            return null;
        }
        if (c.operator().equals("ipaddress")) {
            return c.key().equals("aws:sourceip") ? networks(c, context) : null;
        }
        if (ACCOUNT_KEYS.contains(c.key())) {
            return accounts(c, c.values(), context);
        }
        if (ARN_KEYS.contains(c.key())) {
            return accounts(c, c.values().stream().map(CallerPins::arnAccount).toList(), context);
        }
        if (c.key().equals("aws:userid")) {
            return c.values().stream().anyMatch(Wildcards::onlyWildcards)
                    ? new Pin(EntityClass.INTERNET, Reach.ANY_AUTHENTICATED, c.describe())
                    : classified(c, c.values().stream().map(context::classifyPrincipal).toList());
        }
        if (ORG_KEYS.contains(c.key())) {
            return anyMatchesAll(c, ORGS) ? new Pin(EntityClass.INTERNET, Reach.ANY_AUTHENTICATED, c.describe())
                    : new Pin(EntityClass.FRIENDLY, Reach.ORGANISATION, c.describe());
        }
        if (VPC_KEYS.contains(c.key())) {
            return anyMatchesAll(c, ENDPOINTS) ? new Pin(EntityClass.INTERNET, Reach.PUBLIC, c.describe())
                    : new Pin(EntityClass.FRIENDLY, Reach.VPC_RESTRICTED, c.describe());
        }
        return null;
    }

    /**
     * Who gets past a clause of a Deny statement: the callers for whom the clause is false, when that
     * pins them ({@code StringNotEquals aws:PrincipalOrgID o-1} lets only o-1 through), else null.
     * Whether the key is absent makes no difference: a Deny with {@code …IfExists} applies to requests
     * without the key, so the survivors still carry it.
     */
    public static Pin denySurvivors(Condition c, AuditContext context) {
        if (c.operator().equals("bool") && c.qualifier() == Condition.Qualifier.NONE) {
            return c.key().equals("aws:principalisawsservice") && !c.values().isEmpty()
                    && c.values().stream().allMatch("false"::equalsIgnoreCase)
                    ? new Pin(EntityClass.SERVICE, Reach.SERVICE, c.describe()) : null;
        }
        String positive = Condition.positiveOf(c.operator());
        if (positive == null || c.qualifier() == Condition.Qualifier.ANY) {
            return null; // not ForAnyValue:StringNotEquals = ForAllValues:StringEquals, true without the key
        }
        Condition.Qualifier negatedQualifier = c.qualifier() == Condition.Qualifier.ALL ? Condition.Qualifier.ANY
                : Condition.Qualifier.NONE;
        return allow(new Condition(negatedQualifier, positive, false, c.keyAsWritten(), c.key(), c.values()), context);
    }

    /** The account part of an ARN pattern: {@code *} when a wildcard swallows it, empty for S3-style ARNs. */
    private static String arnAccount(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 5) {
            return Wildcards.hasWildcard(arn) ? "*" : "";
        }
        if (parts[4].isEmpty() && parts.length == 6 && Wildcards.onlyWildcards(parts[5])) {
            return "*"; // arn:aws:s3:::* is every bucket of every account
        }
        return parts[4];
    }

    private static Pin accounts(Condition c, List<String> accounts, AuditContext context) {
        if (accounts.stream().anyMatch(a -> Wildcards.hasWildcard(a) && ACCOUNTS.stream().allMatch(x -> Wildcards.matches(a, x)))) {
            return new Pin(EntityClass.INTERNET, Reach.ANY_AUTHENTICATED, c.describe());
        }
        return classified(c, accounts.stream().map(a -> Wildcards.hasWildcard(a) || a.isEmpty() ? EntityClass.UNKNOWN
                : context.classifyPrincipal(a)).toList());
    }

    /** The widest class of the values: the clause holds for any one of them. */
    private static Pin classified(Condition c, List<EntityClass> classes) {
        EntityClass worst = classes.stream().max(java.util.Comparator.naturalOrder()).orElse(EntityClass.UNKNOWN);
        return new Pin(worst, worst == EntityClass.INTERNET ? Reach.ANY_AUTHENTICATED : Reach.of(worst), c.describe());
    }

    private static boolean anyMatchesAll(Condition c, List<String> probes) {
        return c.values().stream().anyMatch(v -> Wildcards.onlyWildcards(v)
                || c.wildcards() && Wildcards.hasWildcard(v) && probes.stream().allMatch(p -> Wildcards.matches(v, p)));
    }

    private static Pin networks(Condition c, AuditContext context) {
        if (IpSet.of(c.values()).coversInternet()) {
            return new Pin(EntityClass.INTERNET, Reach.PUBLIC, c.describe());
        }
        EntityClass worst = c.values().stream().map(context::classifyNetwork).max(java.util.Comparator.naturalOrder())
                .orElse(EntityClass.INTERNET);
        return new Pin(worst, worst == EntityClass.INTERNET ? Reach.PUBLIC : Reach.IP_RESTRICTED, c.describe());
    }

    /** The narrowest of two pins (both must hold); the first on a tie; null counts as no pin. */
    public static Pin narrowest(Pin a, Pin b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.entity().compareTo(a.entity()) < 0 ? b : a;
    }
}
