package io.watchkeeper.auditors.remediation.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubOrganizationConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requiring two-factor authentication removes every member and outside collaborator without it, and
 * GitHub's REST API offers no call to turn it on: this remediation is a plan only. The plan names the
 * people who would be removed (from the finding's evidence); it is never applied — not automatically, and
 * an approved plan fails with the instruction for an owner (Settings > Authentication security).
 */
@AutoService(Remediation.class)
public final class OrganizationRequireTwoFactorRemediation implements Remediation<GitHubOrganizationConfig> {

    static final String OPERATION = "RequireTwoFactorAuthentication";

    @Override public String id() { return "github.organization/require-two-factor"; }
    @Override public CheckId fixes() { return CheckId.of("github.organization/two-factor-not-required"); }
    @Override public Class<GitHubOrganizationConfig> configType() { return GitHubOrganizationConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("members:read"); }
    @Override public boolean automaticAllowed() { return false; }
    @Override public String description() {
        return "Plan only: who would be removed if two-factor authentication were required (an owner turns it on).";
    }

    @Override
    public RemediationPlan plan(FindingView finding, GitHubOrganizationConfig config) {
        String path = GitHubCalls.path(finding.resourceId(), GitHubCalls.ORG, "an organisation path");
        if (!path.equalsIgnoreCase("/orgs/" + config.login())) {
            throw new InvalidInputException("refusing to plan: the finding's resource " + GitHubCalls.printable(path)
                    + " is not organisation " + GitHubCalls.printable(String.valueOf(config.login())));
        }
        GitHubCalls.accept(this, finding, path);
        if (!Boolean.FALSE.equals(config.twoFactorRequirementEnabled())) {
            return GitHubCalls.plan(this, finding, "nothing to do: two-factor authentication is required");
        }
        List<String> members = logins(finding.evidence(), "membersWithoutTwoFactor");
        List<String> outside = logins(finding.evidence(), "outsideCollaboratorsWithoutTwoFactor");
        ObjectNode parameters = Json.object().put("Organization", config.login());
        parameters.set("MembersRemoved", Json.tree(members));
        parameters.set("OutsideCollaboratorsRemoved", Json.tree(outside));
        String who = members.isEmpty() && outside.isEmpty() ? "nobody would be removed"
                : "would remove " + GitHubCalls.printable(String.join(", ", members)) + (outside.isEmpty() ? ""
                        : (members.isEmpty() ? "" : " and ") + "outside collaborators "
                                + GitHubCalls.printable(String.join(", ", outside)));
        return GitHubCalls.plan(this, finding, "Plan only (an owner acts in Settings > Authentication security): requiring"
                + " two-factor authentication " + who, new ApiCall("github", OPERATION, parameters));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GitHubOrganizationConfig before) {
        return GitHubCalls.rollback(this, applied, "", List.of());
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        throw new InvalidInputException(id() + " is a plan only: GitHub's API cannot require two-factor authentication;"
                + " an owner turns it on in Settings > Authentication security (it removes the people the plan names)");
    }

    private static List<String> logins(JsonNode evidence, String field) {
        JsonNode list = evidence == null ? null : evidence.get(field);
        List<String> out = new ArrayList<>();
        if (list instanceof ArrayNode array) {
            array.forEach(n -> {
                if (n.isString() && n.stringValue().matches(GitHubCalls.LOGIN) && out.size() < 500) {
                    out.add(n.stringValue());
                }
            });
        }
        return out;
    }
}
