package io.watchkeeper.auditors.output;

import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Findings as one SARIF 2.1.0 run. Cloud resources are not files, so each result's location is a
 * logical location: the resource ARN, kind {@code resource}. The finding fingerprint is the
 * result's partial fingerprint, so code-scanning tools track a finding across uploads. Justified
 * and suppressed findings carry an accepted external suppression; fixed ones are {@code pass}
 * results and disabled ones {@code notApplicable}, both with level {@code none}. The driver names
 * Watchkeeper's version and where to read about it and its checks ({@link ToolInfo}).
 */
public final class SarifFormat implements FindingFormat {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT_KEY = "watchkeeperFingerprint/v1";

    private final ToolInfo tool;

    public SarifFormat(ToolInfo tool) {
        this.tool = java.util.Objects.requireNonNull(tool, "tool");
    }

    @Override
    public String name() {
        return "sarif";
    }

    @Override
    public String mediaType() {
        return "application/sarif+json";
    }

    @Override
    public String fileExtension() {
        return "sarif";
    }

    @Override
    public String render(List<FindingView> findings, CheckCatalog catalog) {
        Map<String, CheckText> used = new TreeMap<>();
        findings.forEach(f -> used.computeIfAbsent(f.check(), catalog::text));
        List<String> ruleIds = new ArrayList<>(used.keySet());

        ObjectNode log = Json.object();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Watchkeeper");
        driver.put("version", tool.version());
        driver.put("informationUri", tool.informationUri().toString());
        ArrayNode rules = driver.putArray("rules");
        used.values().forEach(c -> SarifRules.add(rules, c));
        ArrayNode results = run.putArray("results");
        for (FindingView f : findings) {
            result(results.addObject(), f, ruleIds.indexOf(f.check()));
        }
        return Json.pretty(log);
    }

    private static void result(ObjectNode r, FindingView f, int ruleIndex) {
        r.put("ruleId", f.check());
        r.put("ruleIndex", ruleIndex);
        boolean present = f.status() == null || f.status().present();
        r.put("kind", present ? "fail" : f.status() == FindingStatus.FIXED ? "pass" : "notApplicable");
        r.put("level", present ? level(f.severity()) : "none");
        r.putObject("message").put("text", f.message() == null || f.message().isBlank() ? f.check() : f.message());
        ObjectNode logical = r.putArray("locations").addObject().putArray("logicalLocations").addObject();
        logical.put("fullyQualifiedName", f.resourceId());
        if (f.resourceName() != null && !f.resourceName().isEmpty()) {
            logical.put("name", f.resourceName());
        }
        logical.put("kind", "resource");
        r.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
        if (f.status() == FindingStatus.JUSTIFIED || f.status() == FindingStatus.SUPPRESSED) {
            ObjectNode s = r.putArray("suppressions").addObject();
            s.put("kind", "external");
            s.put("status", "accepted");
            if (f.justification() != null && f.justification().reason() != null) {
                s.put("justification", f.justification().reason());
            }
        }
        ObjectNode props = r.putObject("properties");
        props.put("score", f.score());
        props.put("status", f.status() == null ? "unknown" : f.status().name().toLowerCase(Locale.ROOT));
        props.put("account", f.account());
        props.put("accountId", f.accountId());
        props.put("region", f.region());
        props.put("resourceType", f.type());
        props.put("evidenceKey", f.evidenceKey());
        if (f.firstSeen() != null) {
            props.put("firstSeen", f.firstSeen().toInstant().toString());
        }
    }

    /** SARIF level of a severity: critical and high are errors, medium a warning, low and info notes. */
    static String level(Severity severity) {
        if (severity == null) {
            return "warning";
        }
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }
}
