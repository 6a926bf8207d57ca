package io.watchkeeper.auditors.remediation.gcp;

import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.gcp.GcpErrors;
import io.watchkeeper.gcp.GcpSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What the GCP remediations share, as {@code AwsCalls} for AWS: every value a call is built from is
 * checked against the format GCP itself reports (configurations and findings are attacker-controlled),
 * and again when the call is read back for execution, which must happen in a session of the same project.
 * Calls name the REST method they make ({@code compute.firewalls.patch}) as {@code service:operation}.
 */
final class GcpCalls {

    static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    /** Compute resource names (RFC 1035). */
    static final Pattern COMPUTE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

    private GcpCalls() {}

    static String valid(String value, Pattern format, String what) {
        if (value == null || !format.matcher(value).matches()) {
            throw new InvalidInputException("refusing " + (value == null ? "a missing value" : "'" + printable(value) + "'")
                    + " as " + what + ": it is not in the format GCP uses, so the stored configuration or finding "
                    + "cannot be trusted");
        }
        return value;
    }

    /** The finding's project (its account's external id), validated. */
    static String project(FindingView finding) {
        return valid(finding.accountId(), PROJECT, "GCP project id");
    }

    /** Checks the finding comes from a check the remediation fixes and is about {@code resourceId}. */
    static void accept(Remediation<?> remediation, FindingView finding, String resourceId, Set<CheckId> checks) {
        if (finding.check() == null || !checks.contains(CheckId.of(finding.check()))) {
            throw new IllegalArgumentException(remediation.id() + " does not fix findings of " + finding.check()
                    + " (it fixes " + checks.stream().map(CheckId::id).sorted().toList() + ")");
        }
        if (!resourceId.equals(finding.resourceId())) {
            throw new InvalidInputException("refusing to plan " + remediation.id() + ": the finding is about '"
                    + printable(String.valueOf(finding.resourceId())) + "' but the configuration is of " + resourceId);
        }
    }

    static RemediationPlan plan(Remediation<?> remediation, FindingView finding, String summary, ApiCall... calls) {
        return new RemediationPlan(remediation.id(), finding.resourceId(), region(finding), summary, List.of(calls));
    }

    /** The finding's region as the plan carries it ({@code global} when the resource has none). */
    static String region(FindingView finding) {
        String region = finding.region();
        return region == null || !region.matches("[A-Za-z0-9-]{1,40}") ? "global" : region;
    }

    static RemediationPlan rollback(Remediation<?> remediation, RemediationPlan applied, String resourceId, String summary,
                                    List<ApiCall> calls) {
        if (!remediation.id().equals(applied.remediationId())) {
            throw new IllegalArgumentException(remediation.id() + " cannot roll back a plan of " + applied.remediationId());
        }
        if (!applied.resourceId().equals(resourceId)) {
            throw new IllegalArgumentException("the configuration before is of " + resourceId + ", the plan was for "
                    + applied.resourceId());
        }
        return new RemediationPlan(remediation.id(), applied.resourceId(), applied.region(),
                calls.isEmpty() ? "nothing to undo" : summary, calls);
    }

    static List<ApiCall> calls(RemediationPlan plan, String operation) {
        return plan.calls().stream().filter(c -> c.operation().equals(operation)).toList();
    }

    /** The session as a GCP one, of the project the call names. */
    static GcpSession gcp(CloudSession session, ApiCall call) {
        if (!(session instanceof GcpSession gcp)) {
            throw new IllegalArgumentException("a GCP remediation needs a GCP session, not "
                    + (session == null ? "null" : session.getClass().getSimpleName()));
        }
        String project = text(call.parameters(), "project", PROJECT, "GCP project id");
        if (!project.equals(gcp.projectId())) {
            throw new IllegalArgumentException("the call is for project " + project + ", the session is of " + gcp.projectId());
        }
        return gcp;
    }

    /** Checks {@code call} is one of {@code calls} with exactly those parameters (a name in brackets is optional). */
    static void expect(Remediation<?> remediation, ApiCall call, Map<String, List<String>> calls) {
        List<String> names = calls.get(call.service() + ":" + call.operation());
        if (names == null) {
            throw unknown(remediation, call);
        }
        Set<String> present = Set.copyOf(call.parameters().propertyNames());
        Set<String> allowed = names.stream().map(n -> n.replaceAll("[\\[\\]]", "")).collect(Collectors.toSet());
        if (!call.parameters().isObject() || !allowed.containsAll(present)
                || !present.containsAll(names.stream().filter(n -> !n.startsWith("[")).toList())) {
            throw new IllegalArgumentException(remediation.id() + " runs " + call.service() + ":" + call.operation()
                    + " with exactly " + names + ", not " + present.stream().sorted().toList());
        }
    }

    static String text(JsonNode node, String name, Pattern format, String what) {
        JsonNode value = node.get(name);
        return valid(value != null && value.isString() ? value.stringValue() : null, format, what);
    }

    static boolean bool(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isBoolean()) {
            throw new InvalidInputException("refusing parameter " + name + ": not a boolean");
        }
        return value.booleanValue();
    }

    /** Runs a request for {@code call}, client errors translated to categorised ones. */
    static <T> T run(ApiCall call, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw GcpErrors.translate("running " + call.service() + ":" + call.operation(), e);
        }
    }

    static IllegalArgumentException unknown(Remediation<?> remediation, ApiCall call) {
        return new IllegalArgumentException(remediation.id() + " does not run " + call.service() + ":" + call.operation());
    }

    static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
