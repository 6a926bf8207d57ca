package io.watchkeeper.codescanner.output;

import io.watchkeeper.codescanner.ScanResult;
import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.codescanner.finding.IacDetail;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.inventory.AccessKeyOwner;
import io.watchkeeper.core.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scan as JSON (everything a finding carries) and as SARIF 2.1.0 (relative
 * {@code artifactLocation.uri} under {@code %SRCROOT%}, {@code region.startLine/endLine},
 * {@code partialFingerprints}, the driver's version and information URI). Neither ever holds a
 * secret in clear: the masked form and the keyed hash only. IaC findings carry the resource address,
 * the check's evidence, its controls and, when the resource is live, whether the problem exists today.
 */
public final class ScanReports {

    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT_KEY = "watchkeeperCodeFingerprint/v1";

    private ScanReports() {}

    /** The scan as one JSON document. */
    public static String json(ScanResult result, String version) {
        ObjectNode root = Json.object();
        root.putObject("tool").put("name", "Watchkeeper").put("version", version);
        root.put("mode", result.mode());
        ObjectNode target = root.putObject("target");
        target.put("path", result.target().path());
        putIfSet(target, "revision", result.target().revision());
        putIfSet(target, "base", result.target().base());
        putIfSet(target, "mergeBase", result.target().mergeBase());
        ObjectNode stats = root.putObject("stats");
        stats.put("files", result.stats().files());
        stats.put("bytes", result.stats().bytes());
        stats.put("commits", result.stats().commits());
        ObjectNode skipped = stats.putObject("skipped");
        result.stats().skipped().forEach((r, n) -> skipped.put(r.name().toLowerCase(Locale.ROOT).replace('_', '-'), n));
        stats.put("elapsedMillis", result.stats().elapsed().toMillis());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode o = findings.addObject();
            o.put("rule", f.ruleId());
            o.put("family", f.family());
            o.put("title", f.title());
            o.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            o.put("path", f.path());
            o.put("startLine", f.startLine());
            o.put("endLine", f.endLine());
            putIfSet(o, "masked", f.masked());
            putIfSet(o, "secretHash", f.secretHash());
            o.put("fingerprint", f.fingerprint());
            o.put("context", f.context());
            putIfSet(o, "note", f.note());
            putIfSet(o, "commit", f.commit());
            o.put("verification", f.verification().label());
            if (f.owner() != null) {
                owner(o.putObject("inventory"), f.owner());
            }
            if (f.iac() != null) {
                iac(o.putObject("iac"), f.iac());
            }
            o.put("message", f.message());
        }
        return Json.pretty(root);
    }

    private static void owner(ObjectNode o, AccessKeyOwner owner) {
        o.put("item", owner.itemId());
        o.put("type", "aws.iam.user");
        o.put("account", owner.accountName());
        o.put("accountId", owner.accountId());
        o.put("userName", owner.userName());
        o.put("userArn", owner.userArn());
        o.put("active", owner.active());
        if (owner.lastUsed() != null) {
            o.put("lastUsed", owner.lastUsed().toString());
        }
        owner.attachedPolicyArns().forEach(o.withArray("attachedPolicyArns")::add);
        owner.inlinePolicyNames().forEach(o.withArray("inlinePolicies")::add);
        owner.groups().forEach(o.withArray("groups")::add);
        if (owner.observedAt() != null) {
            o.put("observedAt", owner.observedAt().toString());
        }
    }

    private static void iac(ObjectNode o, IacDetail d) {
        o.put("resourceType", d.resourceType());
        o.put("address", d.address());
        o.put("declaredType", d.declaredType());
        o.put("source", d.source());
        putIfSet(o, "name", d.name());
        o.put("evidence", d.evidenceKey());
        o.put("problem", d.problem());
        o.put("exposure", d.exposure());
        d.controls().forEach(o.withArray("controls")::add);
        d.unknown().forEach(o.withArray("knownAfterApply")::add);
        if (d.live() != null) {
            ObjectNode l = o.putObject("live");
            l.put("item", d.live().itemId());
            l.put("account", d.live().accountName());
            l.put("accountId", d.live().accountId());
            l.put("resourceId", d.live().resourceId());
            l.put("today", d.live().today());
            l.put("afterThisChange", true);
            l.put("change", d.live().change());
        }
    }

    /** The scan as one SARIF 2.1.0 run. */
    public static String sarif(ScanResult result, String version, URI informationUri) {
        if (!informationUri.isAbsolute()) {
            throw new IllegalArgumentException("informationUri must be absolute");
        }
        Map<String, Finding> rulesUsed = new TreeMap<>();
        result.findings().forEach(f -> rulesUsed.putIfAbsent(f.ruleId(), f));
        List<String> ruleIds = new ArrayList<>(rulesUsed.keySet());

        ObjectNode log = Json.object();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Watchkeeper");
        driver.put("version", version);
        driver.put("informationUri", informationUri.toString());
        ArrayNode rules = driver.putArray("rules");
        for (Finding f : rulesUsed.values()) {
            ObjectNode r = rules.addObject();
            r.put("id", f.ruleId());
            r.put("name", f.ruleId());
            r.putObject("shortDescription").put("text", f.title());
            r.putObject("defaultConfiguration").put("level", "error");
            ObjectNode props = r.putObject("properties");
            if (f.iac() != null) {
                ArrayNode tags = props.putArray("tags").add("security").add("iac").add(f.iac().resourceType());
                f.iac().controls().forEach(tags::add);
            } else {
                props.putArray("tags").add("security").add("secret").add(f.family());
            }
        }
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%").putObject("description")
                .put("text", "The scanned repository's root");
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.ruleId());
            r.put("ruleIndex", ruleIds.indexOf(f.ruleId()));
            r.put("kind", "fail");
            r.put("level", level(f.severity()));
            r.putObject("message").put("text", f.message());
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", relativeUri(f.path())).put("uriBaseId", "%SRCROOT%");
            physical.putObject("region").put("startLine", f.startLine()).put("endLine", Math.max(f.startLine(), f.endLine()));
            r.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
            ObjectNode props = r.putObject("properties");
            props.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            props.put("security-severity", securitySeverity(f.severity()));
            putIfSet(props, "masked", f.masked());
            putIfSet(props, "secretHash", f.secretHash());
            props.put("context", f.context());
            props.put("verification", f.verification().label());
            putIfSet(props, "commit", f.commit());
            if (f.owner() != null) {
                owner(props.putObject("inventory"), f.owner());
            }
            if (f.iac() != null) {
                iac(props.putObject("iac"), f.iac());
            }
        }
        return Json.pretty(log);
    }

    /**
     * A repository path as a relative URI reference: each segment percent-encoded (UTF-8) except
     * RFC 3986 unreserved characters, so control characters, spaces, '#', '?' and ':' never change
     * its meaning.
     */
    public static String relativeUri(String path) {
        StringBuilder b = new StringBuilder(path.length() + 8);
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    /** SARIF level: critical and high are errors, medium a warning, low and info notes. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub code scanning's numeric severity (0.1-10). */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.1";
        };
    }

    private static void putIfSet(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
