package io.watchkeeper.auditors.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One example for a check: a configuration (JSON with single quotes, the stored form), the related
 * items of its account, and the evidence keys the check must report — none for a clean configuration
 * or a look-alike that must not be flagged.
 *
 * @param check the check id
 * @param config the configuration
 * @param keys the evidence keys expected, exactly; empty when the configuration passes
 * @param why what the example shows
 * @param related adds the account's other items to the context
 */
public record RuleCase(String check, String config, List<String> keys, String why, Consumer<TestContext> related) {

    private static final CheckRegistry REGISTRY = CheckRegistry.discover();

    /** A configuration the check reports with exactly these evidence keys. */
    public static RuleCase fails(String check, String config, String... keys) {
        return new RuleCase(check, config, List.of(keys), "fails with " + String.join(", ", keys), c -> {});
    }

    /** A configuration (clean, or a look-alike) the check must not report. */
    public static RuleCase passes(String check, String config, String why) {
        return new RuleCase(check, config, List.of(), why, c -> {});
    }

    /** The same example in an account that also holds what {@code related} adds. */
    public RuleCase with(Consumer<TestContext> more) {
        Consumer<TestContext> before = related;
        return new RuleCase(check, config, keys, why, c -> {
            before.accept(c);
            more.accept(c);
        });
    }

    public boolean failing() {
        return !keys.isEmpty();
    }

    /** Evaluates the example through the registered check and asserts the keys. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Evidence> run() {
        Check check = REGISTRY.require(this.check);
        Record parsed = Configs.parse((Class<Record>) check.configType(), config);
        TestContext context = new TestContext();
        related.accept(context);
        List<Evidence> evidence = check.evaluate(parsed, context);
        assertThat(evidence).as("%s: %s", this.check, why).extracting(Evidence::key)
                .containsExactlyInAnyOrderElementsOf(keys);
        for (Evidence e : evidence) {
            assertThat(e.message()).as("%s message", this.check).isNotBlank().doesNotContain("\n");
        }
        return evidence;
    }

    /** The ids of the checks with at least one failing and one passing example among {@code cases}. */
    public static List<String> covered(List<RuleCase> cases) {
        List<String> out = new ArrayList<>();
        for (RuleCase c : cases) {
            if (cases.stream().anyMatch(o -> o.check.equals(c.check) && o.failing())
                    && cases.stream().anyMatch(o -> o.check.equals(c.check) && !o.failing()) && !out.contains(c.check)) {
                out.add(c.check);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return check + " — " + why;
    }
}
