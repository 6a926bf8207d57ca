package io.watchkeeper.auditors.rules;

import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A check made from data: its texts and one function of a configuration (and the audit context)
 * that yields its evidence. Rule sets ({@code *Rules} classes, registered as
 * {@link io.watchkeeper.core.finding.CheckSet}s) list them, so a check of one condition on one
 * type is a few lines. Its output name is derived from the id ({@code aws.eks.cluster/public-endpoint}
 * → {@code EksClusterPublicEndpoint}).
 *
 * @param <C> the configuration record
 */
public final class RuleCheck<C extends Record> implements Check<C> {

    /** What the rule finds on one configuration; must not throw on odd input. */
    @FunctionalInterface
    public interface Evaluator<C> {
        List<Evidence> evaluate(C config, AuditContext context);
    }

    private final CheckId id;
    private final String name;
    private final Class<C> configType;
    private final Severity severity;
    private final String title;
    private final String rationale;
    private final String remediation;
    private final List<String> controls;
    private final Set<ResourceType> dependsOn;
    private final Evaluator<C> evaluator;

    private RuleCheck(Builder<C> b, Evaluator<C> evaluator) {
        this.id = CheckId.of(b.id);
        this.name = nameOf(b.id);
        this.configType = b.configType;
        this.severity = Objects.requireNonNull(b.severity, "severity");
        this.title = Objects.requireNonNull(b.title, "title of " + b.id);
        this.rationale = Objects.requireNonNull(b.rationale, "rationale of " + b.id);
        this.remediation = Objects.requireNonNull(b.remediation, "remediation of " + b.id);
        this.controls = b.controls;
        this.dependsOn = b.dependsOn;
        this.evaluator = evaluator;
    }

    /** Starts a rule with this id on records of {@code configType}. */
    public static <C extends Record> Builder<C> of(String id, Class<C> configType, Severity severity) {
        return new Builder<>(id, configType, severity);
    }

    /** {@code aws.elbv2.load-balancer/http-listener} → {@code Elbv2LoadBalancerHttpListener}. */
    static String nameOf(String id) {
        String[] typeParts = id.substring(0, id.indexOf('/')).split("\\.");
        String rest = String.join("-", Arrays.asList(typeParts).subList(1, typeParts.length)) + "-" + id.substring(id.indexOf('/') + 1);
        return Arrays.stream(rest.split("-")).filter(s -> !s.isEmpty())
                .map(s -> s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1)).collect(Collectors.joining());
    }

    @Override public CheckId id() { return id; }
    @Override public String name() { return name; }
    @Override public Class<C> configType() { return configType; }
    @Override public Severity severity() { return severity; }
    @Override public String title() { return title; }
    @Override public String rationale() { return rationale; }
    @Override public String remediation() { return remediation; }
    @Override public List<String> controls() { return controls; }
    @Override public Set<ResourceType> dependsOn() { return dependsOn; }

    @Override
    public List<Evidence> evaluate(C config, AuditContext context) {
        return config == null ? List.of() : evaluator.evaluate(config, context);
    }

    /** Builds a {@link RuleCheck}. */
    public static final class Builder<C extends Record> {
        private final String id;
        private final Class<C> configType;
        private final Severity severity;
        private String title;
        private String rationale;
        private String remediation;
        private List<String> controls = List.of();
        private Set<ResourceType> dependsOn = Set.of();

        private Builder(String id, Class<C> configType, Severity severity) {
            this.id = id;
            this.configType = configType;
            this.severity = severity;
        }

        public Builder<C> title(String text) { this.title = text; return this; }
        public Builder<C> why(String text) { this.rationale = text; return this; }
        public Builder<C> fix(String text) { this.remediation = text; return this; }

        /** CIS AWS 3.0 recommendation ids ({@code "2.2.1"}). */
        public Builder<C> cis(String... ids) {
            this.controls = Arrays.stream(ids).map(c -> "CIS-AWS-3.0:" + c).toList();
            return this;
        }

        public Builder<C> dependsOn(String... types) {
            this.dependsOn = Arrays.stream(types).map(ResourceType::of).collect(Collectors.toUnmodifiableSet());
            return this;
        }

        /** The rule's evidence, computed by {@code evaluator}. */
        public RuleCheck<C> evaluate(Evaluator<C> evaluator) {
            return new RuleCheck<>(this, evaluator);
        }

        /**
         * One finding with {@code key} when {@code failing} holds: {@code message} says what is wrong,
         * {@code details} is the evidence (a record or a map of the fields that decided).
         */
        public RuleCheck<C> when(Predicate<C> failing, String key, Function<C, String> message, Exposure exposure,
                                 Function<C, Object> details) {
            return evaluate((c, ctx) -> failing.test(c)
                    ? List.of(Evidence.of(key, Facts.line(message.apply(c)), exposure, Json.tree(details.apply(c))))
                    : List.of());
        }
    }
}
