package io.watchkeeper.auditors.output;

import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Findings as OCSF {@value #VERSION} Detection Findings (class 2004, category 2 Findings, activity
 * 1 Create), one JSON array with one event per finding, the cloud profile applied. Detection
 * Finding has no compliance attribute (Compliance Finding has), so a finding's controls go to
 * {@code unmapped.compliance}, shaped like OCSF's compliance object (standards, requirements).
 */
public final class OcsfFormat implements FindingFormat {

    /** The OCSF version written and validated against (src/test/resources/schemas). */
    public static final String VERSION = "1.3.0";
    static final int CLASS_UID = 2004;
    static final int CATEGORY_UID = 2;
    static final int ACTIVITY_CREATE = 1;

    private final Clock clock;

    public OcsfFormat(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "ocsf";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String fileExtension() {
        return "ocsf.json";
    }

    @Override
    public String render(List<FindingView> findings, CheckCatalog catalog) {
        long now = clock.millis();
        ArrayNode events = Json.object().arrayNode();
        for (FindingView f : findings) {
            events.add(event(f, catalog.text(f.check()), now));
        }
        return Json.pretty(events);
    }

    private static ObjectNode event(FindingView f, CheckText check, long now) {
        OcsfValues.Status status = OcsfValues.status(f.status());
        ObjectNode e = Json.object();
        e.put("activity_id", ACTIVITY_CREATE);
        e.put("activity_name", "Create");
        e.put("category_uid", CATEGORY_UID);
        e.put("category_name", "Findings");
        e.put("class_uid", CLASS_UID);
        e.put("class_name", "Detection Finding");
        e.put("type_uid", CLASS_UID * 100L + ACTIVITY_CREATE);
        e.put("type_name", "Detection Finding: Create");
        e.put("severity_id", OcsfValues.severityId(f.severity()));
        e.put("severity", OcsfValues.severityCaption(f.severity()));
        e.put("status_id", status.id());
        e.put("status", status.caption());
        if (status.detail() != null) {
            e.put("status_detail", status.detail());
        }
        e.put("time", now);
        e.put("message", f.message());
        e.put("risk_score", f.score());
        ObjectNode metadata = e.putObject("metadata");
        metadata.put("version", VERSION);
        metadata.putArray("profiles").add("cloud");
        ObjectNode product = metadata.putObject("product");
        product.put("name", "Watchkeeper");
        product.put("vendor_name", "Watchkeeper");
        ObjectNode info = e.putObject("finding_info");
        info.put("uid", f.fingerprint());
        info.put("title", check.title());
        info.put("desc", f.message());
        info.putArray("types").add(f.check());
        putTime(info, "first_seen_time", f.firstSeen());
        putTime(info, "created_time", f.firstSeen());
        putTime(info, "modified_time", f.statusChangedAt());
        OcsfValues.resource(e.putArray("resources").addObject(), f);
        OcsfValues.cloud(e.putObject("cloud"), f);
        if (!check.remediation().isEmpty()) {
            e.putObject("remediation").put("desc", check.remediation());
        }
        OcsfValues.unmapped(e, f);
        return e;
    }

    private static void putTime(ObjectNode node, String field, OffsetDateTime time) {
        if (time != null) {
            node.put(field, time.toInstant().toEpochMilli());
        }
    }
}
