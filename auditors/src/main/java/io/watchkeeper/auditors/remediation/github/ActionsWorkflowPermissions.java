package io.watchkeeper.auditors.remediation.github;

import io.watchkeeper.auditors.remediation.github.GitHubCalls.Allowed;
import io.watchkeeper.core.config.github.GitHubActionsPermissionsConfig;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.model.InvalidInputException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The workflow permissions endpoint of an organisation or repository ({@code PUT …/actions/permissions/workflow}),
 * which the Actions remediations write.
 */
final class ActionsWorkflowPermissions {

    static final Pattern PERMISSIONS = Pattern.compile("/(?:orgs/(" + GitHubCalls.LOGIN + ")|repos/(" + GitHubCalls.LOGIN
            + ")/" + GitHubCalls.REPOSITORY + ")/actions/permissions");
    static final Pattern WORKFLOW = Pattern.compile("/(?:orgs|repos)/(" + GitHubCalls.LOGIN + ")(?:/" + GitHubCalls.REPOSITORY
            + ")?/actions/permissions/workflow");
    static final Map<String, Allowed> CALLS = Map.of("SetWorkflowPermissions", new Allowed("PUT", WORKFLOW,
            Set.of("default_workflow_permissions", "can_approve_pull_request_reviews")));

    private ActionsWorkflowPermissions() {}

    /** The workflow path of the finding's resource, which must be the Actions permissions of the configuration. */
    static String workflowPath(FindingView finding, GitHubActionsPermissionsConfig config) {
        String path = GitHubCalls.path(finding.resourceId(), PERMISSIONS, "an Actions permissions path");
        boolean organisation = path.startsWith("/orgs/");
        if (organisation != (config.repository() == null)
                || (!organisation && !path.endsWith("/" + config.repository() + "/actions/permissions"))) {
            throw new InvalidInputException("refusing to plan: the finding's resource " + GitHubCalls.printable(path)
                    + " is not the Actions permissions of " + GitHubCalls.printable(String.valueOf(config.repository())));
        }
        return path + "/workflow";
    }
}
