package io.watchkeeper.auditors.aws.resourcepolicy;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The resource-policy checks of every type in {@link ResourcePolicyTypes}: public, unknown account
 * and unparseable, one parameterised check per kind and type.
 */
@AutoService(CheckSet.class)
public final class ResourcePolicyChecks implements CheckSet {

    @Override
    public List<Check<?>> checks() {
        List<Check<?>> out = new ArrayList<>();
        for (PolicyResource<?> resource : ResourcePolicyTypes.ALL) {
            out.addAll(of(resource));
        }
        return List.copyOf(out);
    }

    private static <C extends Record> List<Check<?>> of(PolicyResource<C> resource) {
        return List.of(new PublicPolicyCheck<>(resource), new UnknownAccountPolicyCheck<>(resource),
                new UnparseablePolicyCheck<>(resource));
    }

    /** The check with this id (tests and tools); throws when there is none. */
    @SuppressWarnings("unchecked")
    public static <C extends Record> Check<C> get(String id) {
        return (Check<C>) new ResourcePolicyChecks().checks().stream().filter(c -> c.id().id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no resource-policy check " + id));
    }
}
