package io.watchkeeper.auditors.gcp.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The IAM member checks, made from data: every {@link MemberRules#perType} rule (public, consumer-account,
 * unknown-domain and unknown-project service-account members) on every type in {@link PolicyTypes}, and the
 * project-only rules ({@link MemberRules#PROJECT}) on the project IAM policy.
 */
@AutoService(CheckSet.class)
public final class GcpIamPolicyChecks implements CheckSet {

    @Override
    public List<Check<?>> checks() {
        List<Check<?>> out = new ArrayList<>();
        for (PolicyType<?> type : PolicyTypes.ALL) {
            add(type, MemberRules.perType(type), out);
        }
        add(PolicyTypes.PROJECT, MemberRules.PROJECT, out);
        return List.copyOf(out);
    }

    private static <C extends Record> void add(PolicyType<C> type, List<MemberRule> rules, List<Check<?>> out) {
        for (MemberRule rule : rules) {
            out.add(new MemberCheck<>(type, rule));
        }
    }

    /** The check with this id (tests and tools); throws when there is none. */
    @SuppressWarnings("unchecked")
    public static <C extends Record> Check<C> get(String id) {
        return (Check<C>) new GcpIamPolicyChecks().checks().stream().filter(c -> c.id().id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no GCP IAM policy check " + id));
    }
}
