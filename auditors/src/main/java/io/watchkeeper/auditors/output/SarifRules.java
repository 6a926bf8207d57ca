package io.watchkeeper.auditors.output;

import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** SARIF reporting descriptors (rules) for checks. */
final class SarifRules {

    private SarifRules() {}

    static void add(ArrayNode rules, CheckText check) {
        ObjectNode rule = rules.addObject();
        rule.put("id", check.id());
        rule.put("name", check.name());
        rule.putObject("shortDescription").put("text", check.title());
        if (!check.rationale().isEmpty()) {
            rule.putObject("fullDescription").put("text", check.rationale());
        }
        if (!check.remediation().isEmpty()) {
            rule.putObject("help").put("text", help(check));
        }
        if (check.severity() != null) {
            rule.putObject("defaultConfiguration").put("level", SarifFormat.level(check.severity()));
        }
        ObjectNode props = rule.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        check.controls().forEach(tags::add);
        if (check.severity() != null) {
            props.put("severity", check.severity().name().toLowerCase(Locale.ROOT));
            // GitHub code scanning ranks alerts by this 0.0-10.0 string.
            props.put("security-severity", String.format(Locale.ROOT, "%.1f", check.severity().base() / 10.0));
        }
    }

    private static String help(CheckText check) {
        StringBuilder text = new StringBuilder(check.remediation());
        if (!check.controls().isEmpty()) {
            text.append("\n\nControls: ").append(String.join(", ", check.controls()));
        }
        return text.toString();
    }
}
