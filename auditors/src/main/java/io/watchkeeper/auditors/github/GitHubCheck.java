package io.watchkeeper.auditors.github;

import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.ParameterSpec;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One GitHub check made from data ({@link GitHubChecks}): its id, texts, controls and a rule over the
 * typed configuration. The output name is derived from the id
 * ({@code github.branch-protection/force-push-allowed} → {@code GitHubBranchProtectionForcePushAllowed}).
 * Evidence keys are unique per resource: a repeated key (a listing that names a repository twice) keeps
 * the first.
 *
 * @param <C> the configuration record of the checked type
 */
public final class GitHubCheck<C extends Record> implements Check<C> {

    /** What the check decides: every problem found, empty when the configuration passes; never throws. */
    @FunctionalInterface
    public interface Rule<C> {
        List<Evidence> evaluate(C config, AuditContext context);
    }

    /**
     * The texts people read.
     *
     * @param title one line: what is wrong
     * @param rationale why it matters
     * @param remediation how to fix it
     */
    public record Text(String title, String rationale, String remediation) {}

    private final CheckId id;
    private final Class<C> configType;
    private final Severity severity;
    private final Text text;
    private final List<String> controls;
    private final Set<ResourceType> dependsOn;
    private final Rule<C> rule;
    private final List<ParameterSpec> parameters;

    GitHubCheck(String id, Class<C> configType, Severity severity, Text text, List<String> controls,
                Set<ResourceType> dependsOn, Rule<C> rule) {
        this(id, configType, severity, text, controls, dependsOn, rule, List.of());
    }

    private GitHubCheck(String id, Class<C> configType, Severity severity, Text text, List<String> controls,
                        Set<ResourceType> dependsOn, Rule<C> rule, List<ParameterSpec> parameters) {
        this.id = CheckId.of(id);
        this.configType = Objects.requireNonNull(configType, "configType");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.text = Objects.requireNonNull(text, "text");
        this.controls = List.copyOf(controls);
        this.dependsOn = Set.copyOf(dependsOn);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.parameters = List.copyOf(parameters);
    }

    static <C extends Record> GitHubCheck<C> of(String id, Class<C> configType, Severity severity, Text text,
                                                List<String> controls, Rule<C> rule) {
        return new GitHubCheck<>(id, configType, severity, text, controls, Set.of(), rule);
    }

    /** The same check, also reading items of {@code types} through the context. */
    GitHubCheck<C> reading(ResourceType... types) {
        return new GitHubCheck<>(id.id(), configType, severity, text, controls, Set.of(types), rule, parameters);
    }

    /** The same check, declaring the thresholds its rule reads with {@link AuditContext#parameter}. */
    GitHubCheck<C> withParameters(ParameterSpec... specs) {
        return new GitHubCheck<>(id.id(), configType, severity, text, controls, dependsOn, rule, List.of(specs));
    }

    @Override public CheckId id() { return id; }
    @Override public Class<C> configType() { return configType; }
    @Override public Severity severity() { return severity; }
    @Override public String title() { return text.title(); }
    @Override public String rationale() { return text.rationale(); }
    @Override public String remediation() { return text.remediation(); }
    @Override public List<String> controls() { return controls; }
    @Override public Set<ResourceType> dependsOn() { return dependsOn; }
    @Override public List<ParameterSpec> parameters() { return parameters; }

    @Override
    public String name() {
        StringBuilder out = new StringBuilder("GitHub");
        for (String part : id.id().substring("github.".length()).split("[-./]")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    @Override
    public List<Evidence> evaluate(C config, AuditContext context) {
        if (config == null) {
            return List.of();
        }
        List<Evidence> found = rule.evaluate(config, context);
        if (found.size() < 2) {
            return found;
        }
        Map<String, Evidence> byKey = new LinkedHashMap<>();
        found.forEach(e -> byKey.putIfAbsent(e.key(), e));
        return List.copyOf(byKey.values());
    }

    @Override
    public String toString() {
        return id.id();
    }
}
