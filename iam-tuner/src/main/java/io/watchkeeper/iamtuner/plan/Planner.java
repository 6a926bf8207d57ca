package io.watchkeeper.iamtuner.plan;

import io.watchkeeper.core.tuner.OptOut;
import io.watchkeeper.core.tuner.UnmappedEvent;
import io.watchkeeper.core.tuner.UsageEvidence;
import io.watchkeeper.iamtuner.aws.AccountIam;
import io.watchkeeper.iamtuner.aws.IamPrincipal;
import io.watchkeeper.iamtuner.aws.ManagedPolicy;
import io.watchkeeper.iamtuner.aws.PrincipalType;
import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.catalog.Glob;
import io.watchkeeper.iamtuner.evidence.CloudTrailMapping;
import io.watchkeeper.iamtuner.policy.Policy;
import io.watchkeeper.iamtuner.policy.Proof;
import io.watchkeeper.iamtuner.policy.ProofChecker;
import io.watchkeeper.iamtuner.policy.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans one account: decides every principal's actions ({@link Classifier}), decides who may be tuned,
 * rewrites the policies the tuner may change ({@link PolicyRewriter}) within IAM's size limits, and proves
 * each principal's new policy set ({@link ProofChecker}) — a principal whose proof fails keeps its
 * policies. A customer-managed policy attached to one principal is tuned with it; one shared by several
 * is reduced only to the union of what all of them use, and only if every one of them may be tuned.
 * AWS-managed policies are replaced by a minimised customer-managed copy.
 */
public final class Planner {

    public static final String COPY_PATH = "/watchkeeper-tuner/";
    public static final String OPT_OUT_TAG = "watchkeeper:tuner";

    private final ActionCatalog catalog;
    private final CloudTrailMapping mapping;
    private final Classifier classifier;
    private final PolicyRewriter rewriter;
    private final ProofChecker prover;

    public Planner(ActionCatalog catalog, CloudTrailMapping mapping) {
        this.catalog = catalog;
        this.mapping = mapping;
        this.classifier = new Classifier(catalog, mapping);
        this.rewriter = new PolicyRewriter(catalog);
        this.prover = new ProofChecker(catalog);
    }

    /** Working state of one principal during planning. */
    private static final class Work {
        IamPrincipal p;
        PrincipalPolicies policies;
        boolean eligible;
        String reason;
        List<ActionDecision> decisions = List.of();
        BitSet granted = new BitSet();
        BitSet unused = new BitSet();
        Set<String> keep = new TreeSet<>();
        Set<String> keepExtra = new TreeSet<>();
        List<PolicyEdit> edits = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        Proof proof;
        String hash;
    }

    public List<PrincipalPlan> plan(PlanInput in) {
        AccountIam iam = in.iam();
        Map<String, List<UsageEvidence>> evidence = new HashMap<>();
        in.evidence().forEach(e -> evidence.computeIfAbsent(e.principalArn(), k -> new ArrayList<>()).add(e));
        Map<String, List<UnmappedEvent>> unmapped = new HashMap<>();
        in.unmapped().forEach(u -> unmapped.computeIfAbsent(u.principalArn(), k -> new ArrayList<>()).add(u));
        Map<String, Work> work = new LinkedHashMap<>();
        for (IamPrincipal p : iam.principals()) {
            work.put(p.arn(), decide(p, in, evidence.getOrDefault(p.arn(), List.of()), unmapped.getOrDefault(p.arn(), List.of())));
        }
        Map<String, PolicyEdit> shared = new LinkedHashMap<>();
        for (Work w : work.values()) {
            if (w.eligible && !w.unused.isEmpty()) {
                ownEdits(w, iam);
            }
        }
        sharedEdits(work, iam, shared);
        proveAll(work, shared);
        List<PrincipalPlan> out = new ArrayList<>();
        for (Work w : work.values()) {
            if (in.principalFilter() == null || in.principalFilter().equals(w.p.arn())) {
                out.add(result(w, shared));
            }
        }
        shared.forEach((arn, edit) -> {
            List<String> on = iam.attachments(arn);
            if (in.principalFilter() == null || on.contains(in.principalFilter())) {
                List<Proof> proofs = on.stream().map(work::get).filter(java.util.Objects::nonNull).map(w -> w.proof).toList();
                boolean holds = proofs.stream().allMatch(pr -> pr != null && pr.holds());
                Proof merged = new Proof(holds, catalog.size(), 0, proofs.stream().mapToInt(pr -> pr == null ? 0 : pr.resources()).sum(),
                        proofs.stream().mapToInt(pr -> pr == null ? 0 : pr.used()).sum(), List.of(), List.of());
                out.add(new PrincipalPlan(PrincipalType.POLICY, arn, true, null, 0, 0, 0, 0, removedBy(edit), List.of(),
                        List.of(edit), merged, List.of(), List.of("shared by " + String.join(", ", on)
                        + ": reduced to what all of them use"), Fingerprints.of(iam.policies().get(arn), iam), null));
            }
        });
        return out;
    }

    private Work decide(IamPrincipal p, PlanInput in, List<UsageEvidence> rows, List<UnmappedEvent> unmapped) {
        Work w = new Work();
        w.p = p;
        w.policies = PrincipalPolicies.of(p, in.iam());
        w.hash = Fingerprints.of(p, in.iam());
        int window = in.principalWindows().getOrDefault(p.arn(), in.windowDays());
        Instant windowStart = in.now().minus(Duration.ofDays(window));
        if (w.policies.error == null) {
            Set<String> outside = new TreeSet<>();
            for (Policy pol : w.policies.identity()) {
                for (Statement s : pol.statements()) {
                    if (!s.allow()) {
                        continue;
                    }
                    for (String a : s.actions()) {
                        catalog.addMatches(w.granted, a);
                        if (!s.notAction() && !Glob.hasWildcard(a) && a.contains(":") && catalog.find(a).isEmpty()) {
                            outside.add(a);
                        }
                    }
                    if (s.notAction()) {
                        BitSet all = new BitSet();
                        all.set(0, catalog.size());
                        for (String a : s.actions()) {
                            all.andNot(catalog.expand(a));
                        }
                        w.granted.or(all);
                    }
                }
            }
            w.keepExtra.addAll(outside);
            for (UsageEvidence r : rows) {
                if (r.source() != io.watchkeeper.core.tuner.EvidenceSource.CLOUDTRAIL_DENIED && r.action().contains(":")
                        && !catalog.hasService(r.action().substring(0, r.action().indexOf(':')))) {
                    w.keepExtra.add(r.action());
                }
            }
            for (UnmappedEvent u : unmapped) {
                String host = u.eventSource().replace(".amazonaws.com", "");
                if (mapping.service(u.eventSource()) == null && host.matches("[a-z0-9-]{1,64}")) {
                    w.keepExtra.add(host + ":*");
                }
            }
            Classifier.Evidence ev = Classifier.Evidence.of(rows, unmapped, in.lastAccessed().get(p.arn()), mapping);
            w.decisions = classifier.decide(w.granted, outside, ev, window, in.now(), in.logged(), in.coverage());
            for (ActionDecision d : w.decisions) {
                if (d.decision() == Decision.UNUSED) {
                    w.unused.set(catalog.find(d.action()).getAsInt());
                } else {
                    w.keep.add(d.action());
                }
            }
            w.keep.addAll(w.keepExtra);
            rows.stream().filter(r -> r.source() == io.watchkeeper.core.tuner.EvidenceSource.CLOUDTRAIL_DENIED
                            && r.lastSeen() != null && !r.lastSeen().isBefore(windowStart))
                    .forEach(r -> w.denied.add(r.action() + " (" + r.count() + "x, last " + r.lastSeen() + ")"));
        }
        w.reason = ineligibility(p, w.policies, in, windowStart);
        w.eligible = w.reason == null;
        return w;
    }

    private static String ineligibility(IamPrincipal p, PrincipalPolicies policies, PlanInput in, Instant windowStart) {
        if (p.serviceLinked()) {
            return "service-linked role: never tuned";
        }
        if (policies.error != null) {
            return "not tuned: " + policies.error;
        }
        if (policies.noRepo()) {
            return "has a NOREPO statement: never tuned";
        }
        for (Map.Entry<String, String> tag : p.tags().entrySet()) {
            if (tag.getKey().equalsIgnoreCase(OPT_OUT_TAG) && tag.getValue().toLowerCase(Locale.ROOT).matches("opt-?out|off|false|no")) {
                return "opted out by its " + OPT_OUT_TAG + " tag";
            }
        }
        for (OptOut o : in.optOuts()) {
            if (o.principalArn().equals(p.arn()) && o.activeAt(in.now())) {
                return "opted out by " + o.owner() + " until " + o.until() + ": " + o.reason();
            }
        }
        if (p.created() != null && p.created().isAfter(windowStart)) {
            return "younger than the look-back window (created " + p.created() + ")";
        }
        return null;
    }

    private void ownEdits(Work w, AccountIam iam) {
        String type = w.p.type().name();
        for (Map.Entry<String, Policy> e : w.policies.inline.entrySet()) {
            PolicyRewriter.Result r = rewriter.rewrite(e.getValue(), w.unused, false, w.keepExtra);
            if (r.changed()) {
                w.edits.add(new PolicyEdit(PolicyEdit.Kind.INLINE, type, w.p.name(), e.getKey(), null, null,
                        e.getValue().text(), r.text(), null));
            }
        }
        if (SizeLimits.counted(inlineAfter(w).values()) > SizeLimits.inlineLimit(w.p.type())) {
            w.edits.clear();
            for (Map.Entry<String, Policy> e : w.policies.inline.entrySet()) {
                PolicyRewriter.Result r = rewriter.rewrite(e.getValue(), w.unused, true, w.keepExtra);
                if (r.changed()) {
                    w.edits.add(new PolicyEdit(PolicyEdit.Kind.INLINE, type, w.p.name(), e.getKey(), null, null,
                            e.getValue().text(), r.text(), null));
                }
            }
            if (SizeLimits.counted(inlineAfter(w).values()) > SizeLimits.inlineLimit(w.p.type())) {
                w.edits.clear();
                w.notes.add("inline policies kept: even with wildcards they would exceed IAM's "
                        + SizeLimits.inlineLimit(w.p.type()) + "-character limit");
            }
        }
        for (Map.Entry<String, Policy> e : w.policies.attached.entrySet()) {
            ManagedPolicy mp = iam.policies().get(e.getKey());
            if (!mp.awsManaged() && !iam.attachments(mp.arn()).equals(List.of(w.p.arn()))) {
                continue; // shared: decided for all its principals together
            }
            Reduced r = reduce(e.getValue(), w.unused, w.keepExtra);
            if (!r.changed()) {
                continue;
            }
            if (!r.fits()) {
                w.notes.add(mp.arn() + " kept: even with wildcards it would exceed IAM's " + SizeLimits.MANAGED + "-character limit");
            } else if (mp.awsManaged()) {
                w.edits.add(new PolicyEdit(PolicyEdit.Kind.AWS_MANAGED_COPY, w.p.type().name(), w.p.name(), mp.name(), mp.arn(),
                        mp.defaultVersionId(), e.getValue().text(), r.text(), copyName(mp.name(), w.p.arn())));
            } else if (r.text() == null) {
                w.notes.add(mp.arn() + " kept: every action in it is unused, but a managed policy version cannot be empty "
                        + "(detach it by hand if it is not needed)");
            } else {
                w.edits.add(new PolicyEdit(PolicyEdit.Kind.MANAGED_VERSION, w.p.type().name(), w.p.name(), mp.name(), mp.arn(),
                        mp.defaultVersionId(), e.getValue().text(), r.text(), null));
            }
        }
    }

    /** A managed policy reduced: its new text (null: nothing left), whether it changed, whether it fits IAM's limit. */
    private record Reduced(String text, boolean changed, boolean fits) {}

    private Reduced reduce(Policy p, BitSet remove, Set<String> keepExtra) {
        PolicyRewriter.Result r = rewriter.rewrite(p, remove, false, keepExtra);
        if (!r.changed()) {
            return new Reduced(p.text(), false, true);
        }
        if (r.text() == null || Policy.countedLength(r.text()) <= SizeLimits.MANAGED) {
            return new Reduced(r.text(), true, true);
        }
        PolicyRewriter.Result c = rewriter.rewrite(p, remove, true, keepExtra);
        return new Reduced(c.text(), true, c.text() == null || Policy.countedLength(c.text()) <= SizeLimits.MANAGED);
    }

    private static Map<String, String> inlineAfter(Work w) {
        Map<String, String> texts = new HashMap<>();
        w.policies.inline.forEach((n, p) -> texts.put(n, p.text()));
        for (PolicyEdit e : w.edits) {
            if (e.kind() == PolicyEdit.Kind.INLINE) {
                texts.put(e.policyName(), e.after());
            }
        }
        return texts;
    }

    /** {@code WkTuned-<policy>-<8 hex of the principal>}, at most 128 characters. */
    static String copyName(String policyName, String principalArn) {
        String hash = io.watchkeeper.core.json.CanonicalJson.sha256(principalArn).substring(0, 8);
        String base = policyName.replaceAll("[^\\w+=,.@-]", "_");
        int room = 128 - "WkTuned--".length() - hash.length();
        return "WkTuned-" + (base.length() > room ? base.substring(0, room) : base) + "-" + hash;
    }

    private void sharedEdits(Map<String, Work> work, AccountIam iam, Map<String, PolicyEdit> shared) {
        for (ManagedPolicy mp : iam.policies().values()) {
            List<String> on = iam.attachments(mp.arn());
            if (mp.awsManaged() || on.size() < 2) {
                continue;
            }
            List<Work> users = on.stream().map(work::get).toList();
            boolean allEligible = users.stream().allMatch(w -> w != null && w.eligible);
            if (!allEligible) {
                String who = on.stream().filter(a -> work.get(a) == null || !work.get(a).eligible).findFirst().orElse("?");
                users.stream().filter(w -> w != null && w.eligible && !w.unused.isEmpty())
                        .forEach(w -> w.notes.add(mp.arn() + " kept: shared with " + who + ", which is not tuned"));
                continue;
            }
            BitSet remove = (BitSet) users.getFirst().unused.clone();
            users.forEach(w -> remove.and(w.unused));
            Policy policy = Policy.parse(mp.arn(), mp.document());
            Set<String> extra = new TreeSet<>();
            users.forEach(w -> extra.addAll(w.keepExtra));
            Reduced r = reduce(policy, remove, extra);
            if (!r.changed()) {
                continue;
            }
            if (r.text() == null) {
                users.forEach(w -> w.notes.add(mp.arn() + " kept: nothing in it is used by anyone, but a managed policy version "
                        + "cannot be empty"));
            } else if (!r.fits()) {
                users.forEach(w -> w.notes.add(mp.arn() + " kept: it would exceed IAM's size limit"));
            } else {
                shared.put(mp.arn(), new PolicyEdit(PolicyEdit.Kind.MANAGED_VERSION, "POLICY", null, mp.name(), mp.arn(),
                        mp.defaultVersionId(), policy.text(), r.text(), null));
            }
        }
    }

    /** Proves each principal over every edit that touches it; on failure its own edits and its shared ones go. */
    private void proveAll(Map<String, Work> work, Map<String, PolicyEdit> shared) {
        boolean again = true;
        while (again) {
            again = false;
            for (Work w : work.values()) {
                List<PolicyEdit> sharedHere = w.policies.attached.keySet().stream().filter(shared::containsKey).map(shared::get).toList();
                if (w.edits.isEmpty() && sharedHere.isEmpty()) {
                    w.proof = null;
                    continue;
                }
                Map<String, String> inline = new HashMap<>();
                Map<String, String> managed = new HashMap<>();
                for (PolicyEdit e : w.edits) {
                    switch (e.kind()) {
                        case INLINE -> inline.put(e.policyName(), e.after());
                        case MANAGED_VERSION, AWS_MANAGED_COPY -> managed.put(e.policyArn(), e.after());
                    }
                }
                sharedHere.forEach(e -> managed.put(e.policyArn(), e.after()));
                w.proof = prover.prove(w.policies.identity(), w.policies.identityWith(inline, managed), w.policies.boundary, w.keep);
                if (!w.proof.holds()) {
                    w.notes.add("proof failed, nothing changed: " + w.proof.summary());
                    w.edits.clear();
                    sharedHere.forEach(e -> shared.remove(e.policyArn()));
                    again = !sharedHere.isEmpty();
                }
            }
        }
    }

    private PrincipalPlan result(Work w, Map<String, PolicyEdit> shared) {
        Set<String> removed = new TreeSet<>();
        if (w.proof != null && w.proof.holds()) {
            Map<String, String> inline = new HashMap<>();
            Map<String, String> managed = new HashMap<>();
            w.edits.forEach(e -> (e.kind() == PolicyEdit.Kind.INLINE ? inline : managed)
                    .put(e.kind() == PolicyEdit.Kind.INLINE ? e.policyName() : e.policyArn(), e.after()));
            w.policies.attached.keySet().stream().filter(shared::containsKey).forEach(a -> managed.put(a, shared.get(a).after()));
            BitSet after = grants(w.policies.identityWith(inline, managed));
            BitSet gone = (BitSet) w.granted.clone();
            gone.andNot(after);
            gone.stream().forEach(i -> removed.add(catalog.action(i).qualified()));
        }
        List<ActionDecision> decisions = w.decisions.stream().map(d -> removed.contains(d.action())
                ? new ActionDecision(d.action(), d.level(), d.decision(), d.reason(), d.lastUsed(), true) : d).toList();
        int used = (int) decisions.stream().filter(d -> d.decision() == Decision.USED).count();
        int unused = (int) decisions.stream().filter(d -> d.decision() == Decision.UNUSED).count();
        int unknown = (int) decisions.stream().filter(d -> d.decision() == Decision.UNKNOWN).count();
        return new PrincipalPlan(w.p.type(), w.p.arn(), w.eligible, w.reason, w.granted.cardinality(), used, unused, unknown,
                List.copyOf(removed), decisions, w.edits, w.proof, w.denied, w.notes, w.hash, owner(w.p));
    }

    /** The principal's owner tag ({@code watchkeeper:owner}, {@code owner}, any case), bounded. */
    static String owner(IamPrincipal p) {
        for (String key : List.of("watchkeeper:owner", "owner")) {
            for (Map.Entry<String, String> t : p.tags().entrySet()) {
                if (t.getKey().equalsIgnoreCase(key) && !t.getValue().isBlank()) {
                    String v = t.getValue().strip();
                    return v.length() > 200 ? v.substring(0, 200) : v;
                }
            }
        }
        return null;
    }

    private BitSet grants(List<Policy> policies) {
        BitSet g = new BitSet();
        for (Policy p : policies) {
            for (Statement s : p.statements()) {
                if (!s.allow()) {
                    continue;
                }
                BitSet set = new BitSet();
                s.actions().forEach(a -> catalog.addMatches(set, a));
                if (s.notAction()) {
                    BitSet all = new BitSet();
                    all.set(0, catalog.size());
                    all.andNot(set);
                    g.or(all);
                } else {
                    g.or(set);
                }
            }
        }
        return g;
    }

    private List<String> removedBy(PolicyEdit edit) {
        BitSet before = grants(List.of(Policy.parse(edit.policyArn(), edit.before())));
        BitSet after = edit.after() == null ? new BitSet() : grants(List.of(Policy.parse(edit.policyArn(), edit.after())));
        before.andNot(after);
        return before.stream().mapToObj(i -> catalog.action(i).qualified()).toList();
    }
}
