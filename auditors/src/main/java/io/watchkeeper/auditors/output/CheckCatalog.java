package io.watchkeeper.auditors.output;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.finding.Check;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks a check up by id, for the texts (title, rationale, remediation, controls) outputs show. */
@FunctionalInterface
public interface CheckCatalog {

    /** The check with that id, or empty when it is unknown (e.g. removed since the finding was made). */
    Optional<Check<?>> find(String checkId);

    static CheckCatalog of(CheckRegistry registry) {
        return of(registry.all());
    }

    static CheckCatalog of(Collection<? extends Check<?>> checks) {
        Map<String, Check<?>> byId = checks.stream()
                .collect(Collectors.toUnmodifiableMap(c -> c.id().id(), Function.identity()));
        return id -> Optional.ofNullable(byId.get(id));
    }

    static CheckCatalog empty() {
        return id -> Optional.empty();
    }

    /** The texts of a check, with stand-ins (the id, empty texts) for an unknown one. */
    default CheckText text(String checkId) {
        return find(checkId).map(CheckText::of).orElseGet(() -> CheckText.unknown(checkId));
    }
}
