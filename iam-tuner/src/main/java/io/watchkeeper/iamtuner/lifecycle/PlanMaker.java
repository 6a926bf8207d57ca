package io.watchkeeper.iamtuner.lifecycle;

import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.tuner.EvidenceStore;
import io.watchkeeper.core.tuner.LastAccessedRun;
import io.watchkeeper.core.tuner.PlanPrincipal;
import io.watchkeeper.core.tuner.PlanStatus;
import io.watchkeeper.core.tuner.TrailCursor;
import io.watchkeeper.core.tuner.TrailInfo;
import io.watchkeeper.core.tuner.TrailLogStore;
import io.watchkeeper.core.tuner.TunerPlan;
import io.watchkeeper.core.tuner.TunerPlanStore;
import io.watchkeeper.core.tuner.TunerSettingsStore;
import io.watchkeeper.iamtuner.aws.AccountIam;
import io.watchkeeper.iamtuner.aws.IamPrincipal;
import io.watchkeeper.iamtuner.aws.IamReader;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.plan.Coverage;
import io.watchkeeper.iamtuner.plan.PlanInput;
import io.watchkeeper.iamtuner.plan.Planner;
import io.watchkeeper.iamtuner.plan.PrincipalPlan;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gathers what planning needs (IAM now, evidence, coverage, settings, opt-outs), plans and stores the plan. */
public final class PlanMaker {

    private final ActionCatalog catalog;
    private final Planner planner;
    private final EvidenceStore evidence;
    private final TrailLogStore trails;
    private final TunerPlanStore plans;
    private final TunerSettingsStore settings;
    private final TunerDefaults defaults;
    private final Clock clock;

    public PlanMaker(ActionCatalog catalog, Planner planner, EvidenceStore evidence, TrailLogStore trails, TunerPlanStore plans,
                     TunerSettingsStore settings, TunerDefaults defaults, Clock clock) {
        this.catalog = catalog;
        this.planner = planner;
        this.evidence = evidence;
        this.trails = trails;
        this.plans = plans;
        this.settings = settings;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** A stored plan and its principals' plans. */
    public record Made(TunerPlan plan, List<PrincipalPlan> principals) {}

    public Made plan(Account account, AwsSession session, String principalFilter, Integer windowOverride, String actor) {
        AccountIam iam = IamReader.read(session.iam());
        if (principalFilter != null && iam.principal(principalFilter).isEmpty()) {
            throw new InvalidInputException("no role or user " + principalFilter + " in account " + account.name());
        }
        TunerDefaults.Effective eff = defaults.resolve(settings.settings(account.id()));
        int window = windowOverride != null ? windowOverride : eff.windowDays();
        List<String> arns = iam.principals().stream().map(IamPrincipal::arn).toList();
        Map<String, LastAccessedRun> la = evidence.lastAccessedRuns(arns);
        Coverage coverage = coverage(account.id());
        PlanInput input = new PlanInput(iam, clock.instant(), window, windowOverride != null ? Map.of() : eff.principalWindows(),
                settings.optOuts(account.id(), false, clock.instant()), evidence.evidence(arns),
                evidence.loggedActions(account.externalId()), evidence.unmapped(arns), la, coverage, principalFilter);
        List<PrincipalPlan> result = planner.plan(input);
        String note = note(coverage, la, arns.size());
        TunerPlan draft = new TunerPlan(0, account.id(), PlanStatus.PLANNED, actor, null, window, principalFilter, note,
                catalog.source(), null, null, null, null, null, Json.tree(summary(result)));
        // each row's detail is written as it is inserted: one batch of rows in memory, never the whole plan as JSON
        TunerPlan stored = plans.create(draft, () -> result.stream().map(PlanMaker::row).iterator());
        return new Made(stored, result);
    }

    Coverage coverage(long accountId) {
        List<TrailCursor> cursors = trails.cursors(accountId);
        List<TrailInfo> trailInfos = trails.trails(accountId);
        LocalDate start = null;
        LocalDate through = null;
        for (TrailCursor c : cursors) {
            if (c.coverageStart() != null && (start == null || c.coverageStart().isBefore(start))) {
                start = c.coverageStart();
            }
            if (c.completeThrough() != null && (through == null || c.completeThrough().isAfter(through))) {
                through = c.completeThrough();
            }
        }
        if (start == null) {
            return Coverage.NONE;
        }
        Set<String> data = new HashSet<>();
        boolean management = false;
        for (TrailInfo t : trailInfos) {
            data.addAll(t.dataResourceTypes());
            management |= t.managementEvents();
        }
        return new Coverage(start, through, management, data);
    }

    static String note(Coverage coverage, Map<String, LastAccessedRun> la, int principals) {
        String ct = coverage.start() == null ? "CloudTrail: no log files read yet"
                : "CloudTrail: log files read from " + coverage.start() + " through " + coverage.through()
                + (coverage.dataTypes().isEmpty() ? " (no data events recorded for every resource)"
                : " (data events: " + String.join(", ", new java.util.TreeSet<>(coverage.dataTypes())) + ")");
        long available = la.values().stream().filter(LastAccessedRun::available).count();
        String last;
        if (available > 0) {
            last = "IAM last-accessed data: " + available + " of " + principals + " principals";
        } else {
            String why = la.values().stream().map(LastAccessedRun::message).filter(java.util.Objects::nonNull).findFirst()
                    .orElse("not collected yet");
            last = why + ": decided on CloudTrail alone";
        }
        return ct + ". " + last + ".";
    }

    private static Map<String, Object> summary(List<PrincipalPlan> result) {
        Map<String, Object> s = new LinkedHashMap<>();
        List<PrincipalPlan> principals = result.stream().filter(p -> p.type() != io.watchkeeper.iamtuner.aws.PrincipalType.POLICY).toList();
        s.put("principals", principals.size());
        s.put("eligible", principals.stream().filter(PrincipalPlan::eligible).count());
        s.put("granted", principals.stream().mapToInt(PrincipalPlan::granted).sum());
        s.put("used", principals.stream().mapToInt(PrincipalPlan::used).sum());
        s.put("unused", principals.stream().mapToInt(PrincipalPlan::unused).sum());
        s.put("unknown", principals.stream().mapToInt(PrincipalPlan::unknown).sum());
        s.put("removed", principals.stream().mapToInt(p -> p.removed().size()).sum());
        s.put("changes", result.stream().filter(PrincipalPlan::changes).count());
        s.put("proofFailures", result.stream().filter(p -> p.notes().stream().anyMatch(n -> n.startsWith("proof failed"))).count());
        List<String> ineligible = new ArrayList<>();
        principals.stream().filter(p -> !p.eligible()).limit(50).forEach(p -> ineligible.add(p.arn() + ": " + p.reason()));
        s.put("ineligible", ineligible);
        return s;
    }

    /** The stored row of a principal's plan (its detail is the whole plan in {@link StoredPlan}'s compact form). */
    public static PlanPrincipal row(PrincipalPlan p) {
        return new PlanPrincipal(0, p.arn(), p.type().name(), p.eligible(), p.reason(), p.granted(), p.used(), p.unused(),
                p.unknown(), p.removed().size(), p.proof() == null ? null : p.proof().holds(), p.beforeHash(), StoredPlan.write(p));
    }

    /** A principal's plan back from its stored detail: every decision, edit and the proof, as planned. */
    public static PrincipalPlan detail(PlanPrincipal row) {
        return StoredPlan.read(row.detail());
    }
}
