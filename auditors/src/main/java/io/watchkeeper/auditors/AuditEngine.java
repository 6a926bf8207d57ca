package io.watchkeeper.auditors;

import io.watchkeeper.auditors.policy.Wildcards;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.AuditStore;
import io.watchkeeper.core.finding.AuditSummary;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckOverride;
import io.watchkeeper.core.finding.CheckParameter;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.FindingChanges;
import io.watchkeeper.core.finding.ItemSnapshot;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.finding.StoredFinding;
import io.watchkeeper.core.finding.SuppressionRule;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs checks over items and turns what they find into findings. A full pass audits every item of
 * every type that has checks; an incremental pass audits changed items and the items whose checks
 * read a changed type. Overrides and suppression rules are read at the start of every pass, so a
 * change applies without a restart.
 */
public final class AuditEngine {

    private static final Logger LOG = Logger.getLogger(AuditEngine.class.getName());
    private static final int CHUNK = 500;

    private final CheckRegistry checks;
    private final AuditStore store;
    private final Map<String, String> trustedNetworks;
    private final List<String> trustedDomains;
    private final List<String> trustedProjects;
    private final Clock clock;

    public AuditEngine(CheckRegistry checks, AuditStore store, Map<String, String> trustedNetworks, Clock clock) {
        this(checks, store, trustedNetworks, List.of(), clock);
    }

    /** @param trustedDomains GCP member domains declared trusted ({@code watchkeeper.gcp.trusted-domains}) */
    public AuditEngine(CheckRegistry checks, AuditStore store, Map<String, String> trustedNetworks,
                       List<String> trustedDomains, Clock clock) {
        this(checks, store, trustedNetworks, trustedDomains, List.of(), clock);
    }

    /**
     * @param trustedProjects GCP projects declared trusted ({@code watchkeeper.gcp.trusted-projects}: ids or numbers)
     *     besides the registered ones
     */
    public AuditEngine(CheckRegistry checks, AuditStore store, Map<String, String> trustedNetworks,
                       List<String> trustedDomains, List<String> trustedProjects, Clock clock) {
        this.trustedProjects = trustedProjects.stream().map(EntityClassifier::normalProject).toList();
        this.checks = Objects.requireNonNull(checks, "checks");
        this.store = Objects.requireNonNull(store, "store");
        this.trustedNetworks = Map.copyOf(trustedNetworks);
        this.trustedDomains = trustedDomains.stream().map(EntityClassifier::normalDomain).toList();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CheckRegistry checks() {
        return checks;
    }

    /** Every item of every type that has checks, in every account. */
    public AuditSummary auditAll(String trigger, String actor) {
        return run(trigger, actor, account -> store.items(account.id(), checks.types()));
    }

    /** The items of the types the given checks apply to (after an override or a new check). */
    public AuditSummary auditTypes(Set<String> types, String trigger, String actor) {
        return run(trigger, actor, account -> store.items(account.id(), types));
    }

    /** Changed items and the items whose checks depend on their types. */
    public AuditSummary auditChanged(Collection<Long> itemIds, String trigger, String actor) {
        if (itemIds.isEmpty()) {
            return new AuditSummary(0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, List.of());
        }
        Map<Long, List<ItemSnapshot>> changedByAccount = new HashMap<>();
        for (ItemSnapshot item : store.items(itemIds)) {
            changedByAccount.computeIfAbsent(item.accountId(), a -> new ArrayList<>()).add(item);
        }
        return run(trigger, actor, account -> {
            List<ItemSnapshot> changed = changedByAccount.getOrDefault(account.id(), List.of());
            Set<String> dependentTypes = new TreeSet<>();
            changed.forEach(i -> dependentTypes.addAll(checks.dependentsOf(i.type())));
            Map<Long, ItemSnapshot> targets = new LinkedHashMap<>();
            changed.forEach(i -> targets.put(i.itemId(), i));
            if (!dependentTypes.isEmpty()) {
                store.items(account.id(), dependentTypes).forEach(i -> targets.putIfAbsent(i.itemId(), i));
            }
            return List.copyOf(targets.values());
        });
    }

    /** Chooses the items of one account. */
    @FunctionalInterface
    private interface Selection {
        List<ItemSnapshot> items(Account account);
    }

    private AuditSummary run(String trigger, String actor, Selection selection) {
        long started = System.nanoTime();
        long runId = store.startRun(trigger, actor);
        List<Account> accounts = store.accounts();
        List<CheckOverride> overrides = store.overrides();
        List<CheckParameter> parameters = store.checkParameters();
        List<SuppressionRule> suppressions = store.activeSuppressions();
        Tally tally = new Tally();
        java.util.function.Supplier<Map<String, String>> projectNumbers = () -> projectNumbers(accounts);
        for (Account account : accounts) {
            List<ItemSnapshot> items = selection.items(account);
            if (!items.isEmpty()) {
                auditAccount(account, accounts, projectNumbers, items, overrides, parameters, suppressions, tally);
            }
        }
        AuditSummary summary = new AuditSummary(runId, tally.items, tally.evaluations, tally.counts.opened(),
                tally.counts.regressed(), tally.counts.reopened(), tally.counts.fixed(), tally.errors,
                Duration.ofNanos(System.nanoTime() - started), tally.fresh);
        store.finishRun(runId, summary);
        return summary;
    }

    private static final class Tally {
        int items;
        long evaluations;
        int errors;
        final List<String> fresh = new ArrayList<>();
        FindingLifecycle.Counts counts = new FindingLifecycle.Counts(0, 0, 0, 0);
    }

    /**
     * The project numbers of the watched GCP projects (number to project id), from their {@code gcp.project} items:
     * service agents are named by number. Read only when a check meets a number that is not the owner's.
     */
    private Map<String, String> projectNumbers(List<Account> accounts) {
        Map<String, String> out = new HashMap<>();
        for (Account a : accounts) {
            if (a.provider() != io.watchkeeper.core.model.Provider.GCP || a.thirdParty()) {
                continue;
            }
            for (ItemSnapshot item : store.items(a.id(), Set.of(GCP_PROJECT))) {
                if (!item.deleted() && item.config() != null && item.config().path("projectNumber").isString()) {
                    out.putIfAbsent(item.config().path("projectNumber").asString(), a.externalId());
                }
            }
        }
        return out;
    }

    private static final String GCP_PROJECT = "gcp.project";

    private void auditAccount(Account account, List<Account> accounts, java.util.function.Supplier<Map<String, String>> projectNumbers,
                              List<ItemSnapshot> items,
                              List<CheckOverride> overrides, List<CheckParameter> parameters,
                              List<SuppressionRule> suppressions, Tally tally) {
        EntityClassifier classifier = new EntityClassifier(account.externalId(), accounts, trustedNetworks, trustedDomains)
                .withGcpProjects(trustedProjects, projectNumbers);
        AccountAuditContext context = new AccountAuditContext(account, classifier,
                type -> store.items(account.id(), Set.of(type)), AccountAuditContext.parameters(account, parameters));
        Map<String, Resolved> resolved = new HashMap<>();
        Map<String, AuditContext> regions = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int from = 0; from < items.size(); from += CHUNK) {
            List<ItemSnapshot> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
            Map<Long, List<StoredFinding>> stored = store.findings(chunk.stream().map(ItemSnapshot::itemId).toList());
            FindingChanges changes = new FindingChanges(now);
            for (ItemSnapshot item : chunk) {
                List<Check<?>> typeChecks = checks.forType(item.type());
                if (typeChecks.isEmpty()) {
                    continue;
                }
                tally.items++;
                List<FindingLifecycle.Draft> drafts = new ArrayList<>();
                Set<String> evaluated = new HashSet<>();
                Set<String> disabled = new HashSet<>();
                if (!item.deleted()) {
                    Record config = decode(item, typeChecks.getFirst().configType());
                    if (config == null) {
                        tally.errors++;
                        continue;
                    }
                    AuditContext ctx = regions.computeIfAbsent(item.region(), context::forRegion);
                    for (Check<?> check : typeChecks) {
                        Resolved r = resolved.computeIfAbsent(check.id().id(), id -> resolve(check, account, overrides));
                        if (!r.enabled()) {
                            disabled.add(check.id().id());
                            continue;
                        }
                        List<Evidence> evidence = evaluate(check, config, ctx);
                        tally.evaluations++;
                        if (evidence == null) {
                            tally.errors++;
                            continue;
                        }
                        evaluated.add(check.id().id());
                        for (Evidence e : evidence) {
                            drafts.add(new FindingLifecycle.Draft(check.id().id(), e,
                                    Scoring.finding(r.severity(), e.exposure(), account), check.controls()));
                        }
                    }
                }
                tally.counts = tally.counts.plus(FindingLifecycle.reconcile(item, account.externalId(),
                        stored.getOrDefault(item.itemId(), List.of()), drafts, evaluated, disabled,
                        checkId -> suppression(suppressions, checkId, account, item), now, changes));
            }
            if (!changes.isEmpty()) {
                store.apply(changes);
                for (FindingChanges.Insert insert : changes.inserts()) {
                    if (tally.fresh.size() < 1000) {
                        tally.fresh.add(insert.fingerprint());
                    }
                }
                changes.updates().stream().filter(FindingChanges.Update::regressed)
                        .filter(u -> tally.fresh.size() < 1000)
                        .forEach(u -> tally.fresh.add(String.valueOf(u.findingId())));
            }
        }
    }

    private record Resolved(boolean enabled, Severity severity) {}

    private static Resolved resolve(Check<?> check, Account account, List<CheckOverride> overrides) {
        CheckOverride global = null;
        CheckOverride specific = null;
        for (CheckOverride o : overrides) {
            if (o.checkId().equals(check.id().id())) {
                if (o.accountId() == null) {
                    global = o;
                } else if (o.accountId() == account.id()) {
                    specific = o;
                }
            }
        }
        CheckOverride o = specific != null ? specific : global;
        if (o == null) {
            return new Resolved(true, check.severity());
        }
        return new Resolved(o.enabled(), o.severity() != null ? o.severity() : check.severity());
    }

    private static SuppressionRule suppression(List<SuppressionRule> rules, String checkId, Account account,
                                               ItemSnapshot item) {
        for (SuppressionRule rule : rules) {
            if ((rule.accountId() == null || rule.accountId() == account.id())
                    && Wildcards.matches(rule.checkPattern(), checkId)
                    && (rule.resourcePattern() == null || Wildcards.matches(rule.resourcePattern(), item.resourceId()))) {
                return rule;
            }
        }
        return null;
    }

    private static Record decode(ItemSnapshot item, Class<? extends Record> type) {
        try {
            return Json.mapper().treeToValue(item.config(), type);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "item " + item.itemId() + " (" + item.type() + ") does not decode as "
                    + type.getSimpleName() + ": " + e.getMessage());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> List<Evidence> evaluate(Check<C> check, Record config, AuditContext context) {
        try {
            return check.evaluate((C) config, context);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "check " + check.id() + " failed: " + e, e);
            return null;
        }
    }
}
