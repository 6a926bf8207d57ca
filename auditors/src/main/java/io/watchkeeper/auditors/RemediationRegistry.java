package io.watchkeeper.auditors;

import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.plugin.Plugins;
import io.watchkeeper.core.remediation.Remediation;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Every remediation on the class path (META-INF/services), by id and by the check it fixes. */
public final class RemediationRegistry {

    private final Map<String, Remediation<?>> byId;

    public RemediationRegistry(Iterable<? extends Remediation<?>> remediations) {
        this.byId = Plugins.index(remediations, Remediation::id);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static RemediationRegistry discover() {
        Map<String, Remediation> found = Plugins.load(Remediation.class, Remediation::id);
        return new RemediationRegistry((Collection) found.values());
    }

    public Collection<Remediation<?>> all() {
        return byId.values();
    }

    public Remediation<?> require(String id) {
        Remediation<?> r = byId.get(id);
        if (r == null) {
            throw new InvalidInputException("unknown remediation '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")");
        }
        return r;
    }

    /** Remediations that fix findings of {@code checkId}. */
    public List<Remediation<?>> forCheck(String checkId) {
        return byId.values().stream().filter(r -> r.fixes().id().equals(checkId)).toList();
    }
}
