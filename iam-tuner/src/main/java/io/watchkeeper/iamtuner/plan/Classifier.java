package io.watchkeeper.iamtuner.plan;

import io.watchkeeper.core.tuner.EvidenceSource;
import io.watchkeeper.core.tuner.LastAccessedRun;
import io.watchkeeper.core.tuner.UnmappedEvent;
import io.watchkeeper.core.tuner.UsageEvidence;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.catalog.IamAction;
import io.watchkeeper.iamtuner.evidence.CloudTrailMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides used / unused / unknown for each granted action of one principal from its evidence.
 *
 * <p><b>Used</b>: a CloudTrail call or an action-level last access inside the window (one use is
 * enough), or a dependent action of a used one. <b>Unused</b> needs positive evidence of absence:
 * IAM last-accessed data that tracks the action (or the whole service) and saw no access in the window;
 * or CloudTrail read over the whole window, for an action this account's logs have shown at all (so it is
 * logged), not a data event the trail skips, and no event of its service that could not be named.
 * Everything else is <b>unknown</b>, with the reason, and stays.
 */
public final class Classifier {

    /** Last-accessed reports older than this are not used. */
    static final Duration LAST_ACCESSED_FRESH = Duration.ofDays(7);

    private final ActionCatalog catalog;
    private final CloudTrailMapping mapping;

    public Classifier(ActionCatalog catalog, CloudTrailMapping mapping) {
        this.catalog = catalog;
        this.mapping = mapping;
    }

    /** The evidence of one principal, indexed. */
    public static final class Evidence {
        final Map<String, EnumMap<EvidenceSource, UsageEvidence>> byAction = new HashMap<>();
        final Set<String> unmappedServices = new HashSet<>();
        LastAccessedRun lastAccessed;

        public static Evidence of(List<UsageEvidence> rows, List<UnmappedEvent> unmapped, LastAccessedRun run,
                                  CloudTrailMapping mapping) {
            Evidence e = new Evidence();
            for (UsageEvidence u : rows) {
                e.byAction.computeIfAbsent(u.action().toLowerCase(Locale.ROOT), k -> new EnumMap<>(EvidenceSource.class))
                        .put(u.source(), u);
            }
            for (UnmappedEvent u : unmapped) {
                String svc = mapping.service(u.eventSource());
                e.unmappedServices.add(svc == null ? u.eventSource() : svc);
            }
            e.lastAccessed = run;
            return e;
        }

        UsageEvidence get(String action, EvidenceSource source) {
            EnumMap<EvidenceSource, UsageEvidence> m = byAction.get(action.toLowerCase(Locale.ROOT));
            return m == null ? null : m.get(source);
        }
    }

    /** Decides {@code granted} (catalogue ids) plus named actions outside the catalogue. */
    public List<ActionDecision> decide(BitSet granted, Set<String> outsideCatalogue, Evidence ev, int windowDays,
                                       Instant now, Set<String> logged, Coverage coverage) {
        Instant windowStart = now.minus(Duration.ofDays(windowDays));
        boolean laFresh = ev.lastAccessed != null && ev.lastAccessed.available()
                && ev.lastAccessed.generatedAt() != null && ev.lastAccessed.generatedAt().isAfter(now.minus(LAST_ACCESSED_FRESH));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        boolean ctCovers = coverage.start() != null && !coverage.start().isAfter(LocalDate.ofInstant(windowStart, ZoneOffset.UTC))
                && coverage.through() != null && !coverage.through().isBefore(today.minusDays(3));
        Map<Integer, ActionDecision> out = new java.util.TreeMap<>();
        BitSet used = new BitSet();
        granted.stream().forEach(id -> {
            ActionDecision d = decideOne(catalog.action(id), ev, windowStart, windowDays, laFresh, ctCovers, logged, coverage);
            out.put(id, d);
            if (d.decision() == Decision.USED) {
                used.set(id);
            }
        });
        // what a used action needs goes with it
        List<Integer> queue = new ArrayList<>(used.stream().boxed().toList());
        while (!queue.isEmpty()) {
            IamAction u = catalog.action(queue.removeLast());
            for (String dep : u.dependentActions()) {
                var depId = catalog.find(dep);
                if (depId.isPresent() && granted.get(depId.getAsInt()) && !used.get(depId.getAsInt())) {
                    int id = depId.getAsInt();
                    used.set(id);
                    ActionDecision was = out.get(id);
                    out.put(id, new ActionDecision(was.action(), was.level(), Decision.USED,
                            "needed by " + u.qualified() + " (dependent action)", was.lastUsed(), false));
                    queue.add(id);
                }
            }
        }
        List<ActionDecision> result = new ArrayList<>(out.values());
        for (String name : outsideCatalogue) {
            UsageEvidence ct = ev.get(name, EvidenceSource.CLOUDTRAIL);
            boolean inWindow = ct != null && ct.lastSeen() != null && !ct.lastSeen().isBefore(windowStart);
            result.add(new ActionDecision(name, "", inWindow ? Decision.USED : Decision.UNKNOWN,
                    inWindow ? "CloudTrail: last used " + ct.lastSeen() : "not in the action catalogue: kept",
                    ct == null ? null : ct.lastSeen(), false));
        }
        return result;
    }

    private ActionDecision decideOne(IamAction a, Evidence ev, Instant windowStart, int windowDays, boolean laFresh,
                                     boolean ctCovers, Set<String> logged, Coverage coverage) {
        String q = a.qualified();
        String level = a.topLevel().label();
        UsageEvidence ct = ev.get(q, EvidenceSource.CLOUDTRAIL);
        UsageEvidence la = ev.get(q, EvidenceSource.LAST_ACCESSED_ACTION);
        UsageEvidence service = ev.get(a.service() + ":*", EvidenceSource.LAST_ACCESSED_SERVICE);
        Instant last = latest(ct == null ? null : ct.lastSeen(), la == null ? null : la.lastSeen());
        if (ct != null && ct.lastSeen() != null && !ct.lastSeen().isBefore(windowStart)) {
            return new ActionDecision(q, level, Decision.USED, "CloudTrail: last used " + ct.lastSeen() + " (" + ct.count()
                    + " calls read)", last, false);
        }
        if (la != null && la.lastSeen() != null && !la.lastSeen().isBefore(windowStart)) {
            return new ActionDecision(q, level, Decision.USED, "IAM last-accessed (action level): last accessed " + la.lastSeen(),
                    last, false);
        }
        String since = last == null ? "" : " (last used " + last + ")";
        if (laFresh && la != null) {
            return new ActionDecision(q, level, Decision.UNUSED, "IAM last-accessed (action level): not accessed in "
                    + windowDays + " days" + since, last, false);
        }
        if (laFresh && service != null && (service.lastSeen() == null || service.lastSeen().isBefore(windowStart))) {
            return new ActionDecision(q, level, Decision.UNUSED, "IAM last-accessed (service level): " + a.service()
                    + " not accessed in " + windowDays + " days" + (service.lastSeen() == null ? "" : " (last " + service.lastSeen() + ")"),
                    last, false);
        }
        if (!ctCovers) {
            String why = coverage.start() == null ? "no CloudTrail log of this account read yet"
                    : "CloudTrail read only from " + coverage.start() + " (window starts "
                    + LocalDate.ofInstant(windowStart, ZoneOffset.UTC) + ")"
                    + (coverage.through() == null ? "" : ", complete through " + coverage.through());
            return new ActionDecision(q, level, Decision.UNKNOWN, why + (laFresh ? "" : "; no IAM last-accessed data"), last, false);
        }
        if (ev.unmappedServices.contains(a.service())) {
            return new ActionDecision(q, level, Decision.UNKNOWN, "CloudTrail shows calls to " + a.service()
                    + " this tuner cannot name as actions", last, false);
        }
        if (mapping.isDataEvent(a.id()) && mapping.dataEventTypes().stream()
                .noneMatch(t -> coverage.dataTypes().contains(t) && mapping.dataActions(t).get(a.id()))) {
            return new ActionDecision(q, level, Decision.UNKNOWN, "data event: the trail does not record it for every resource",
                    last, false);
        }
        if (!mapping.isDataEvent(a.id()) && !coverage.managementEvents()) {
            return new ActionDecision(q, level, Decision.UNKNOWN, "the trail records no management events", last, false);
        }
        if (!logged.contains(q.toLowerCase(Locale.ROOT))) {
            return new ActionDecision(q, level, Decision.UNKNOWN, "never seen in this account's CloudTrail logs, so it may "
                    + "not be logged", last, false);
        }
        return new ActionDecision(q, level, Decision.UNUSED, "CloudTrail: not called in " + windowDays + " days" + since,
                last, false);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
