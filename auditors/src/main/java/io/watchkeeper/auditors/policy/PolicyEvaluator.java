package io.watchkeeper.auditors.policy;

import io.watchkeeper.auditors.policy.CallerPins.Pin;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.EntityClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one evaluator of who a resource or trust policy lets in, used by every public,
 * cross-account and trust check. For each Allow statement and principal it decides the
 * {@link Reach} per action:
 * <ul>
 *   <li>a principal of {@code *} (or an Allow with NotPrincipal) is narrowed by the statement's
 *       caller-pinning conditions ({@link CallerPins#allow}); a named principal by its account and,
 *       when narrower, by those conditions;</li>
 *   <li>every Deny statement that covers the grantee, the action and the resources narrows it to
 *       the callers its conditions let through ({@link CallerPins#denySurvivors}), or takes it away
 *       when it has none; NotAction, NotResource and NotPrincipal are read as sets, not patterns.</li>
 * </ul>
 * Grants to this account and to AWS services are not returned; Service and Federated principals
 * are left to the checks that understand them (trust policies). Pure; never throws on odd input.
 */
public final class PolicyEvaluator {

    private static final List<String> EVERYTHING = List.of("*");

    private PolicyEvaluator() {}

    /**
     * One way in.
     *
     * @param statement the Allow statement that grants it
     * @param principal the principal as written, or {@code *}/{@code NotPrincipal} with the pin that
     *     narrows it ({@code * if aws:SourceAccount 999999999999}); with the pinning Deny's key when a Deny did
     * @param entity who that is
     * @param reach the same in the evaluator's classes
     * @param actions the actions granted at this reach (NotAction shown as {@code NOT …})
     */
    public record Grant(Statement statement, String principal, EntityClass entity, Reach reach, List<String> actions) {

        public Grant {
            actions = List.copyOf(actions);
        }

        /** Evidence key: statement and principal. */
        public String key() {
            return statement.key() + ":" + principal;
        }
    }

    /** Grants to anyone outside the account, for every action the statements name. */
    public static List<Grant> grants(List<Statement> statements, AuditContext context) {
        return grants(statements, context, null);
    }

    /**
     * Grants to anyone outside the account.
     *
     * @param scope the concrete actions of interest (a trust policy's {@code sts:AssumeRole…}); null for all
     */
    public static List<Grant> grants(List<Statement> statements, AuditContext context, List<String> scope) {
        List<Statement> denies = statements.stream().filter(s -> !s.allow()).toList();
        List<Grant> out = new ArrayList<>();
        for (Statement s : statements) {
            if (!s.allow()) {
                continue;
            }
            List<String> actions = actions(s, scope);
            if (actions.isEmpty()) {
                continue;
            }
            List<Condition> conditions = Condition.of(s.conditions());
            Pin allowPin = null;
            for (Condition c : conditions) {
                allowPin = CallerPins.narrowest(allowPin, CallerPins.allow(c, context));
            }
            for (Grantee g : grantees(s, allowPin, context)) {
                if (g.entity() == EntityClass.SAME_ACCOUNT || g.entity() == EntityClass.SERVICE) {
                    continue;
                }
                out.addAll(narrowed(s, g, actions, scope != null, denies, context));
            }
        }
        return out;
    }

    /** Who an Allow statement names: its principal, with the class the pins leave it. */
    private record Grantee(Statement.Principal principal, boolean everyone, String shown, EntityClass entity,
                           Reach reach) {}

    private static List<Grantee> grantees(Statement s, Pin pin, AuditContext context) {
        List<Grantee> out = new ArrayList<>();
        if (!s.notPrincipals().isEmpty()) {
            out.add(open(null, "NotPrincipal", pin));
            return out;
        }
        for (Statement.Principal p : s.principals()) {
            if ("Service".equalsIgnoreCase(p.type()) || "Federated".equalsIgnoreCase(p.type())) {
                continue;
            }
            if (p.everyone()) {
                out.add(open(p, "*", pin));
                continue;
            }
            EntityClass entity = "CanonicalUser".equalsIgnoreCase(p.type()) ? EntityClass.UNKNOWN
                    : context.classifyPrincipal(p.value());
            Reach reach = Reach.of(entity);
            if (pin != null && pin.entity().compareTo(entity) < 0) {
                entity = pin.entity();
                reach = pin.reach();
            }
            out.add(new Grantee(p, false, p.value(), entity, reach));
        }
        return out;
    }

    private static Grantee open(Statement.Principal p, String written, Pin pin) {
        if (pin == null) {
            return new Grantee(p, true, written, EntityClass.INTERNET, Reach.PUBLIC);
        }
        String shown = written.equals("*") ? "* if " + pin.description() : written + " if " + pin.description();
        return new Grantee(p, true, shown, pin.entity(), pin.reach());
    }

    /** The actions a statement allows: its Action entries, {@code NOT …} for NotAction, or those of the scope. */
    private static List<String> actions(Statement s, List<String> scope) {
        if (scope == null) {
            return s.notActions().isEmpty() ? s.actions() : s.notActions().stream().map(a -> "NOT " + a).toList();
        }
        return scope.stream().filter(a -> s.notActions().isEmpty()
                ? s.actions().stream().anyMatch(x -> Wildcards.matches(x, a))
                : s.notActions().stream().noneMatch(x -> Wildcards.matches(x, a))).toList();
    }

    /** The grantee's reach per action after the Deny statements; one grant per distinct reach. */
    private static List<Grant> narrowed(Statement s, Grantee g, List<String> actions, boolean concrete,
                                        List<Statement> denies, AuditContext context) {
        if (denies.isEmpty()) {
            return List.of(new Grant(s, g.shown(), g.entity(), g.reach(), actions));
        }
        Map<String, List<String>> byShown = new LinkedHashMap<>();
        Map<String, Grantee> shownAs = new LinkedHashMap<>();
        for (String action : actions) {
            Grantee after = g;
            Pin best = null;
            String bestDeny = null;
            for (Statement d : denies) {
                if (!appliesTo(d, g, context) || !coversAction(d, s, action, concrete) || !coversResources(d, s)) {
                    continue;
                }
                Survivors survivors = survivors(d, g, context);
                if (survivors.nobody()) {
                    after = null;
                    break;
                }
                Pin p = survivors.pin();
                // the narrowest Deny decides; equally narrow ones by key, so statement order never matters
                if (p != null && (best == null || p.entity().compareTo(best.entity()) < 0
                        || p.entity() == best.entity() && d.key().compareTo(bestDeny) < 0)) {
                    best = p;
                    bestDeny = d.key();
                }
            }
            if (after != null && best != null && best.entity().compareTo(g.entity()) < 0) {
                String shown = g.everyone() ? (g.shown().equals("NotPrincipal") ? "NotPrincipal" : "*") + " if "
                        + best.description() + " (" + bestDeny + ")" : g.shown();
                after = new Grantee(g.principal(), g.everyone(), shown, best.entity(), best.reach());
            }
            if (after != null && after.entity() != EntityClass.SAME_ACCOUNT && after.entity() != EntityClass.SERVICE) {
                byShown.computeIfAbsent(after.shown(), k -> new ArrayList<>()).add(action);
                shownAs.putIfAbsent(after.shown(), after);
            }
        }
        List<Grant> out = new ArrayList<>();
        byShown.forEach((shown, granted) -> {
            Grantee x = shownAs.get(shown);
            out.add(new Grant(s, shown, x.entity(), x.reach(), granted));
        });
        return out;
    }

    /** Who gets past a Deny that covers a grant: nobody, the callers a pin names, or everyone (pin null). */
    private record Survivors(boolean nobody, Pin pin) {}

    private static Survivors survivors(Statement d, Grantee g, AuditContext context) {
        List<Condition> conditions = Condition.of(d.conditions());
        Pin negation = null;
        boolean pinned = true;
        for (Condition c : conditions) {
            Pin p = CallerPins.denySurvivors(c, context);
            if (p == null) {
                pinned = false;
                break;
            }
            negation = widest(negation, p);
        }
        if (!d.notPrincipals().isEmpty() && g.everyone()) {
            Pin listed = null;
            for (Statement.Principal np : d.notPrincipals()) {
                EntityClass entity = np.everyone() ? EntityClass.INTERNET : "Service".equalsIgnoreCase(np.type())
                        ? EntityClass.SERVICE : context.classifyPrincipal(np.value());
                listed = widest(listed, new Pin(entity, Reach.of(entity), "NotPrincipal " + np.value()));
            }
            if (conditions.isEmpty()) {
                return new Survivors(false, listed);
            }
            return new Survivors(false, pinned ? widest(listed, negation) : null);
        }
        if (conditions.isEmpty()) {
            return new Survivors(true, null);
        }
        return new Survivors(false, pinned ? negation : null);
    }

    private static Pin widest(Pin a, Pin b) {
        if (a == null) {
            return b;
        }
        return b.entity().compareTo(a.entity()) > 0 ? b : a;
    }

    /** Whether a Deny speaks of this grantee: everyone, everyone but some (NotPrincipal), or the same principal. */
    private static boolean appliesTo(Statement d, Grantee g, AuditContext context) {
        if (!d.notPrincipals().isEmpty()) {
            // everyone but the listed principals: a named grantee escapes when it is one of them
            return g.everyone() || g.principal() == null
                    || d.notPrincipals().stream().noneMatch(np -> samePrincipal(np, g.principal()));
        }
        for (Statement.Principal dp : d.principals()) {
            if (dp.everyone() && !"Service".equalsIgnoreCase(dp.type()) && !"Federated".equalsIgnoreCase(dp.type())) {
                return true;
            }
            if (!g.everyone() && g.principal() != null && samePrincipal(dp, g.principal())) {
                return true;
            }
        }
        return false;
    }

    /** The same principal, or the account (id or root ARN) the principal belongs to. */
    private static boolean samePrincipal(Statement.Principal deny, Statement.Principal granted) {
        if (!deny.type().equalsIgnoreCase(granted.type()) && !deny.type().equals("*")) {
            return false;
        }
        String d = deny.value().trim();
        String v = granted.value().trim();
        if (d.equalsIgnoreCase(v)) {
            return true;
        }
        String account = account(d);
        return account != null && (d.equals(account) || d.toLowerCase(Locale.ROOT).endsWith(":root"))
                && account.equals(account(v));
    }

    private static String account(String principal) {
        if (principal.matches("\\d{12}")) {
            return principal;
        }
        String[] parts = principal.split(":", 6);
        return parts.length >= 5 && parts[0].equals("arn") && parts[4].matches("\\d{12}") ? parts[4] : null;
    }

    /** Whether a Deny takes away every request of the action (a concrete action, a pattern, or the NOT set). */
    private static boolean coversAction(Statement d, Statement allow, String action, boolean concrete) {
        if (concrete) {
            return d.notActions().isEmpty() ? d.actions().stream().anyMatch(x -> Wildcards.matches(x, action))
                    : d.notActions().stream().noneMatch(x -> Wildcards.matches(x, action));
        }
        if (action.startsWith("NOT ") && !allow.notActions().isEmpty()) {
            // the Allow grants everything but its NotAction entries
            return d.notActions().isEmpty() ? d.actions().stream().anyMatch(x -> Wildcards.covers(x, "*"))
                    : d.notActions().stream().allMatch(n -> allow.notActions().stream().anyMatch(a -> Wildcards.covers(a, n)));
        }
        return d.notActions().isEmpty() ? d.actions().stream().anyMatch(x -> Wildcards.covers(x, action))
                : d.notActions().stream().noneMatch(x -> Wildcards.overlap(x, action));
    }

    /** Whether a Deny covers every resource the Allow names. */
    private static boolean coversResources(Statement d, Statement allow) {
        List<String> denied = d.resources().isEmpty() && d.notResources().isEmpty() ? EVERYTHING : d.resources();
        if (!allow.notResources().isEmpty()) {
            return d.notResources().isEmpty() && denied.stream().anyMatch(x -> Wildcards.covers(x, "*"));
        }
        List<String> allowed = allow.resources().isEmpty() ? EVERYTHING : allow.resources();
        for (String r : allowed) {
            boolean covered = d.notResources().isEmpty() ? denied.stream().anyMatch(x -> Wildcards.covers(x, r))
                    : d.notResources().stream().noneMatch(n -> Wildcards.overlap(n, r));
            if (!covered) {
                return false;
            }
        }
        return true;
    }
}
