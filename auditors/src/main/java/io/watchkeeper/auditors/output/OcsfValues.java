package io.watchkeeper.auditors.output;

import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Watchkeeper values in OCSF terms: enum ids and captions, resources, cloud, unmapped data. */
final class OcsfValues {

    /** An OCSF finding status: id, caption, and a detail where Watchkeeper knows more. */
    record Status(int id, String caption, String detail) {}

    private OcsfValues() {}

    /** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical (0 Unknown). */
    static int severityId(Severity severity) {
        return severity == null ? 0 : severity.ordinal() + 1;
    }

    static String severityCaption(Severity severity) {
        return severity == null ? "Unknown" : switch (severity) {
            case INFO -> "Informational";
            case LOW -> "Low";
            case MEDIUM -> "Medium";
            case HIGH -> "High";
            case CRITICAL -> "Critical";
        };
    }

    /**
     * OCSF finding status: open and regressed findings are New (1, not yet reviewed), justified and
     * suppressed ones Suppressed (3), fixed ones Resolved (4); a disabled check's finding is Other (99).
     * Watchkeeper has no "under review" state, so In Progress (2) is not used.
     */
    static Status status(FindingStatus status) {
        if (status == null) {
            return new Status(0, "Unknown", null);
        }
        return switch (status) {
            case OPEN -> new Status(1, "New", null);
            case REGRESSED -> new Status(1, "New", "Regressed: present again after it was fixed");
            case JUSTIFIED -> new Status(3, "Suppressed", "Justified");
            case SUPPRESSED -> new Status(3, "Suppressed", "Suppressed by a rule");
            case FIXED -> new Status(4, "Resolved", null);
            case DISABLED -> new Status(99, "Disabled", "The check is disabled for the account");
        };
    }

    static void resource(ObjectNode r, FindingView f) {
        r.put("uid", f.resourceId());
        if (f.resourceName() != null && !f.resourceName().isEmpty()) {
            r.put("name", f.resourceName());
        }
        r.put("type", f.type());
        if (f.region() != null) {
            r.put("region", f.region());
        }
        String partition = partition(f.resourceId());
        if (partition != null) {
            r.put("cloud_partition", partition);
        }
    }

    static void cloud(ObjectNode c, FindingView f) {
        String provider = provider(f.type());
        c.put("provider", provider);
        if (f.region() != null) {
            c.put("region", f.region());
        }
        ObjectNode account = c.putObject("account");
        account.put("uid", f.accountId());
        if (f.account() != null) {
            account.put("name", f.account());
        }
        if (provider.equals("AWS")) {
            account.put("type_id", 10);
            account.put("type", "AWS Account");
        }
    }

    /** {@code unmapped.compliance}: one OCSF-shaped compliance object per standard; plus Watchkeeper ids. */
    static void unmapped(ObjectNode event, FindingView f) {
        ObjectNode unmapped = event.putObject("unmapped");
        Map<String, List<String>> byStandard = new LinkedHashMap<>();
        for (String control : f.controls() == null ? List.<String>of() : f.controls()) {
            CheckText.Control c = CheckText.Control.parse(control);
            byStandard.computeIfAbsent(c.standard(), s -> new ArrayList<>()).add(c.requirement());
        }
        if (!byStandard.isEmpty()) {
            ArrayNode compliance = unmapped.putArray("compliance");
            byStandard.forEach((standard, requirements) -> {
                ObjectNode c = compliance.addObject();
                c.putArray("standards").add(standard);
                requirements.forEach(c.putArray("requirements")::add);
            });
        }
        ObjectNode wk = unmapped.putObject("watchkeeper");
        wk.put("finding_id", f.id());
        wk.put("check_id", f.check());
        wk.put("evidence_key", f.evidenceKey());
        wk.put("status", f.status() == null ? null : f.status().name().toLowerCase(Locale.ROOT));
        wk.put("regressions", f.regressions());
    }

    /** The partition of an ARN ({@code arn:aws-cn:...} is aws-cn), or null when it is not an ARN. */
    static String partition(String resourceId) {
        if (resourceId == null || !resourceId.startsWith("arn:")) {
            return null;
        }
        int end = resourceId.indexOf(':', 4);
        return end > 4 ? resourceId.substring(4, end) : null;
    }

    /** The provider of a resource type by its prefix: {@code aws.} is AWS, {@code gcp.} GCP, and so on. */
    static String provider(String type) {
        String prefix = type == null || type.indexOf('.') < 0 ? "" : type.substring(0, type.indexOf('.'));
        return switch (prefix) {
            case "aws" -> "AWS";
            case "gcp" -> "GCP";
            case "azure" -> "Azure";
            case "" -> "Unknown";
            default -> prefix.toUpperCase(Locale.ROOT);
        };
    }
}
