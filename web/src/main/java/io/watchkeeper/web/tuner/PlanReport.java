package io.watchkeeper.web.tuner;

import io.watchkeeper.core.tuner.TunerChange;
import io.watchkeeper.core.tuner.TunerNotice;
import io.watchkeeper.iamtuner.plan.ActionDecision;
import io.watchkeeper.iamtuner.plan.Decision;
import io.watchkeeper.iamtuner.plan.PrincipalPlan;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A plan as the CLI's {@code --format json} and the API show it: per principal its ARN, eligibility (with
 * the reason when not eligible), and the actions removed, kept, used and unknown, with the proof.
 */
public record PlanReport(long id, String account, String status, int windowDays, String principalFilter,
                         String evidenceNote, String catalogSource, String createdBy, Instant createdAt, Instant applyAfter,
                         JsonNode summary, List<Principal> principals, List<TunerChange> changes, List<TunerNotice> notices) {

    /**
     * One principal (or a shared customer-managed policy, type {@code POLICY}).
     *
     * @param kept every granted action the plan keeps (used, unknown, and unused ones it may not remove)
     * @param evidence the used and unused actions with the evidence that decided them and their last known use
     */
    public record Principal(String arn, String type, boolean eligible, String reason, String owner, int granted,
                            List<String> removed, List<String> kept, List<String> used, List<String> unknown,
                            Boolean proofHolds, String proof, List<String> denied, List<String> notes,
                            List<ActionDecision> evidence) {

        static Principal of(PrincipalPlan p) {
            List<ActionDecision> a = p.actions();
            return new Principal(p.arn(), p.type().name(), p.eligible(), p.reason(), p.owner(), p.granted(), p.removed(),
                    a.stream().filter(d -> !d.removed()).map(ActionDecision::action).toList(),
                    a.stream().filter(d -> d.decision() == Decision.USED).map(ActionDecision::action).toList(),
                    a.stream().filter(d -> d.decision() == Decision.UNKNOWN).map(ActionDecision::action).toList(),
                    p.proof() == null ? null : p.proof().holds(), p.proof() == null ? null : p.proof().summary(),
                    p.denied(), p.notes(), a.stream().filter(d -> d.decision() != Decision.UNKNOWN).toList());
        }
    }

    public static PlanReport of(TunerService.PlanView v) {
        var p = v.plan();
        return new PlanReport(p.id(), v.account(), p.status().name(), p.windowDays(), p.principalFilter(), p.evidenceNote(),
                p.catalogSource(), p.createdBy(), p.createdAt(), p.applyAfter(), p.summary(),
                v.principals().stream().map(Principal::of).toList(), v.changes(), v.notices());
    }

    /** The notices in words, for the console. */
    public List<String> noticeLines() {
        return notices.stream().map(PlanReport::noticeText).toList();
    }

    /** A notice in words: "notified O by e-mail (a@b) of: ARNs", "no owner notified: ARNs", ... */
    public static String noticeText(TunerNotice n) {
        String arns = String.join(", ", n.principals());
        return switch (n.status()) {
            case SENT -> "notified " + n.owner() + " by " + how(n) + " of: " + arns;
            case PENDING -> "notifying " + n.owner() + " by " + how(n) + " of: " + arns;
            case FAILED -> "notice to " + n.owner() + " by " + how(n) + " FAILED (" + n.detail() + "): " + arns;
            case NO_OWNER -> "no owner notified: " + arns;
            case NO_CONTACT -> "no owner notified (" + n.detail() + "): " + arns;
        };
    }

    /** A one-line summary of a schedule's notices. */
    public static String noticeLine(List<TunerNotice> notices) {
        long sent = notices.stream().filter(n -> n.status() == TunerNotice.Status.SENT).count();
        long failed = notices.stream().filter(n -> n.status() == TunerNotice.Status.FAILED).count();
        long untold = notices.stream().filter(n -> !n.notifies() && n.status() != TunerNotice.Status.FAILED)
                .mapToLong(n -> n.principals().size()).sum();
        return sent + " owner notice(s) sent" + (failed == 0 ? "" : ", " + failed + " failed")
                + (untold == 0 ? "." : "; no owner notified for " + untold + " principal(s).");
    }

    private static String how(TunerNotice n) {
        return (n.channel() == TunerNotice.Channel.EMAIL ? "e-mail to " : "webhook at ") + n.recipient();
    }
}
