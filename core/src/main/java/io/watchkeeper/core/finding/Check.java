package io.watchkeeper.core.finding;

import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Set;

/**
 * One check: a pure function of a resource's typed configuration and an {@link AuditContext}.
 * One small class per check, registered through {@code META-INF/services} (AutoService).
 *
 * @param <C> the configuration record of the type the check applies to
 */
public interface Check<C extends Record> {

    CheckId id();

    /**
     * A short identifier-like name for outputs (a SARIF rule's name): by default the class name
     * without "Check". Checks made from data ({@link CheckSet}) name themselves.
     */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.endsWith("Check") && simple.length() > 5 ? simple.substring(0, simple.length() - 5) : simple;
    }

    Class<C> configType();

    default ResourceType appliesTo() {
        return id().type();
    }

    Severity severity();

    /** One line for lists: what is wrong. */
    String title();

    /** Why it matters. */
    String rationale();

    /** How to fix it. */
    String remediation();

    /** Compliance controls it maps to, e.g. {@code CIS-AWS-3.0:2.1.4}. */
    List<String> controls();

    /** Types whose items the check reads through the context; a change to one re-audits this type. */
    default Set<ResourceType> dependsOn() {
        return Set.of();
    }

    /** Every problem found; empty when the resource passes. Must not throw on odd input. */
    List<Evidence> evaluate(C config, AuditContext context);

    /** The thresholds this check reads through {@link AuditContext#parameter}; none by default. */
    default List<ParameterSpec> parameters() {
        return List.of();
    }
}
