package io.watchkeeper.auditors.remediation.aws;

import io.watchkeeper.aws.AwsErrors;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What the AWS remediations share. Configurations and findings are attacker-controlled (a
 * resource's owner chooses its names and tags, and a tampered store could hold anything), so every
 * value a call is built from passes {@link #valid} against the format AWS itself would report,
 * and is checked again when the call is read back for execution. Regional calls carry the AWS
 * region as an extra {@code Region} parameter (as the CLI's {@code --region}), since a call is
 * executed without its plan.
 */
final class AwsCalls {

    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private AwsCalls() {}

    /** {@code value}, if it matches {@code format}; otherwise a refusal naming {@code what} was expected. */
    static String valid(String value, Pattern format, String what) {
        if (value == null || !format.matcher(value).matches()) {
            throw new InvalidInputException("refusing " + (value == null ? "a missing value" : "'" + printable(value) + "'")
                    + " as " + what + ": it is not in the format AWS uses, so the stored configuration or finding "
                    + "cannot be trusted");
        }
        return value;
    }

    /** The finding's region, validated. */
    static String region(FindingView finding) {
        return valid(finding.region(), REGION, "AWS region");
    }

    /**
     * Checks that {@code finding} comes from one of the checks {@code remediation} fixes and is
     * about the resource {@code resourceId} computed from the configuration.
     */
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

    static RemediationPlan plan(Remediation<?> remediation, FindingView finding, String region, String summary,
                                ApiCall... calls) {
        return new RemediationPlan(remediation.id(), finding.resourceId(), region, summary, List.of(calls));
    }

    /** A rollback plan for {@code applied}, which must come from {@code remediation} and be about {@code resourceId}. */
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

    /** The calls of {@code plan} with {@code operation}. */
    static List<ApiCall> calls(RemediationPlan plan, String operation) {
        return plan.calls().stream().filter(c -> c.operation().equals(operation)).toList();
    }

    static AwsSession aws(CloudSession session) {
        if (!(session instanceof AwsSession aws)) {
            throw new IllegalArgumentException("an AWS remediation needs an AWS session, not "
                    + (session == null ? "null" : session.getClass().getSimpleName()));
        }
        return aws;
    }

    /**
     * Checks that {@code call} is one of {@code calls} ({@code service:operation} to its parameter
     * names; a name in brackets is optional) with exactly those parameters: a call is run whole or
     * not at all.
     */
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

    /** The string parameter {@code name} of {@code node}, validated again before it reaches AWS. */
    static String text(JsonNode node, String name, Pattern format, String what) {
        JsonNode value = node.get(name);
        return valid(value != null && value.isString() ? value.stringValue() : null, format, what);
    }

    /** The boolean parameter {@code name}, or null when absent. */
    static Boolean bool(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException("refusing parameter " + name + ": not a boolean");
        }
        return value.booleanValue();
    }

    /** The integer parameter {@code name}, or null when absent. */
    static Integer integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt()) {
            throw new InvalidInputException("refusing parameter " + name + ": not an integer");
        }
        return value.intValue();
    }

    /** The call's {@code Region} parameter, validated. */
    static String region(ApiCall call) {
        return text(call.parameters(), "Region", REGION, "AWS region");
    }

    /** Runs an SDK request for {@code call} and returns its response, SDK errors translated to categorised ones. */
    static <T> T run(ApiCall call, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw AwsErrors.translate("running " + call.service() + ":" + call.operation(), e);
        }
    }

    static IllegalArgumentException unknown(Remediation<?> remediation, ApiCall call) {
        return new IllegalArgumentException(remediation.id() + " does not run " + call.service() + ":" + call.operation());
    }

    /** At most 100 characters, control characters shown as '?', for messages. */
    static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
