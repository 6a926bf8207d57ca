package io.watchkeeper.auditors.remediation.github;

import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the GitHub remediations share. A call is a REST request written out in full — {@code Method},
 * {@code Path} (relative to the account's endpoint) and {@code Body} — so the plan people approve is the
 * request that is sent. Resource ids are REST paths; the stored configuration and the finding are
 * attacker-influenced, so paths are checked against GitHub's formats when planned and again, with the
 * organisation of the session, when executed; the connector under the session refuses any other host.
 */
final class GitHubCalls {

    /** An organisation login. */
    static final String LOGIN = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})";
    /** A repository name. */
    static final String REPOSITORY = "[A-Za-z0-9._-]{1,100}";
    /** A path segment as {@link GitHubApi#segment} encodes it (branch and environment names). */
    static final String SEGMENT = "[A-Za-z0-9._*%-]{1,1000}";
    static final Pattern ORG = Pattern.compile("/orgs/(" + LOGIN + ")");
    static final Pattern REPO = Pattern.compile("/repos/(" + LOGIN + ")/(" + REPOSITORY + ")");
    static final String REGION = "global";
    /** The organisation a REST path belongs to (group 1). */
    private static final Pattern OWNER = Pattern.compile("/(?:orgs|repos)/(" + LOGIN + ")(?:/|$)");

    private GitHubCalls() {}

    /** {@code resourceId} if it matches {@code format} (whose group 1 is the organisation); a refusal otherwise. */
    static String path(String resourceId, Pattern format, String what) {
        if (resourceId == null || !format.matcher(resourceId).matches()) {
            throw new InvalidInputException("refusing '" + printable(String.valueOf(resourceId)) + "' as " + what
                    + ": it is not a GitHub REST path of that kind, so the stored finding cannot be trusted");
        }
        return resourceId;
    }

    /** Checks that the finding is of a check the remediation fixes and that its resource is {@code resourceId}. */
    static void accept(Remediation<?> remediation, FindingView finding, String resourceId) {
        if (finding.check() == null || !remediation.fixes().equals(CheckId.of(finding.check()))) {
            throw new IllegalArgumentException(remediation.id() + " does not fix findings of " + finding.check()
                    + " (it fixes " + remediation.fixes() + ")");
        }
        if (!resourceId.equals(finding.resourceId())) {
            throw new InvalidInputException("refusing to plan " + remediation.id() + ": the finding is about '"
                    + printable(String.valueOf(finding.resourceId())) + "' but the configuration is of " + resourceId);
        }
        Matcher owner = OWNER.matcher(resourceId);
        if (!owner.lookingAt() || !owner.group(1).equalsIgnoreCase(String.valueOf(finding.accountId()))) {
            throw new InvalidInputException("refusing to plan " + remediation.id() + ": " + printable(resourceId)
                    + " is not in the finding's organisation " + printable(String.valueOf(finding.accountId())));
        }
    }

    /** One REST request as a call. */
    static ApiCall call(String operation, String method, String path, JsonNode body) {
        ObjectNode parameters = Json.object().put("Method", method).put("Path", path);
        if (body != null) {
            parameters.set("Body", body);
        }
        return new ApiCall("github", operation, parameters);
    }

    static RemediationPlan plan(Remediation<?> remediation, FindingView finding, String summary, ApiCall... calls) {
        return new RemediationPlan(remediation.id(), finding.resourceId(), REGION, summary, List.of(calls));
    }

    static RemediationPlan rollback(Remediation<?> remediation, RemediationPlan applied, String summary, List<ApiCall> calls) {
        if (!remediation.id().equals(applied.remediationId())) {
            throw new IllegalArgumentException(remediation.id() + " cannot roll back a plan of " + applied.remediationId());
        }
        return new RemediationPlan(remediation.id(), applied.resourceId(), applied.region(),
                calls.isEmpty() ? "nothing to undo" : summary, calls);
    }

    /** The calls of {@code plan} with {@code operation}. */
    static List<ApiCall> calls(RemediationPlan plan, String operation) {
        return plan.calls().stream().filter(c -> c.operation().equals(operation)).toList();
    }

    /**
     * A permitted request: its method, a path pattern whose group 1 is the organisation, and the body
     * fields it may carry (empty: no body).
     */
    record Allowed(String method, Pattern path, Set<String> bodyFields) {}

    /**
     * Sends {@code call} if it is one of {@code allowed} (by operation) exactly — method, path of the
     * session's organisation, body fields — and fails with GitHub's answer otherwise.
     */
    static JsonNode execute(Remediation<?> remediation, ApiCall call, CloudSession session, Map<String, Allowed> allowed) {
        Allowed rule = allowed.get(call.operation());
        if (!"github".equals(call.service()) || rule == null) {
            throw new IllegalArgumentException(remediation.id() + " does not run " + call.service() + ":" + call.operation());
        }
        JsonNode p = call.parameters();
        String method = text(p, "Method");
        String path = text(p, "Path");
        JsonNode body = p.get("Body");
        Set<String> fields = body == null ? Set.of() : Set.copyOf(body.propertyNames());
        Matcher m = rule.path().matcher(path);
        if (!rule.method().equals(method) || !m.matches() || (body != null && !body.isObject())
                || !rule.bodyFields().containsAll(fields) || (body == null) != rule.bodyFields().isEmpty()
                || !Set.of("Method", "Path", "Body").containsAll(Set.copyOf(p.propertyNames()))) {
            throw new IllegalArgumentException(remediation.id() + " runs " + call.operation() + " as " + rule.method() + " "
                    + rule.path() + " with " + rule.bodyFields().stream().sorted().toList() + ", not " + printable(String.valueOf(p)));
        }
        GitHubSession github = github(session);
        if (!m.group(1).equalsIgnoreCase(github.organization())) {
            throw new InvalidInputException("refusing " + call.operation() + " on organisation '" + printable(m.group(1))
                    + "' with the session of " + github.organization());
        }
        GitHubApi.Answer answer = github.api().write(method, path, body);
        if (!answer.ok()) {
            throw answer.failure(method + " " + path);
        }
        return answer.body();
    }

    static GitHubSession github(CloudSession session) {
        if (!(session instanceof GitHubSession github)) {
            throw new IllegalArgumentException("a GitHub remediation needs a GitHub session, not "
                    + (session == null ? "null" : session.getClass().getSimpleName()));
        }
        return github;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString()) {
            throw new InvalidInputException("refusing a GitHub call without a text " + name);
        }
        return value.stringValue();
    }

    /** At most 100 characters, control characters shown as '?', for messages. */
    static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return cut.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
    }
}
