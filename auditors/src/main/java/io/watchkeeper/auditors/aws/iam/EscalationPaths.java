package io.watchkeeper.auditors.aws.iam;

import io.watchkeeper.auditors.policy.Statement;
import io.watchkeeper.auditors.policy.Wildcards;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The published IAM privilege-escalation paths (Rhino Security Labs' list and its successors): sets of
 * actions that, granted together on every resource, let a principal make itself (or a role it can pass
 * or assume) more powerful. An action counts when an Allow grants it on every resource (Action or
 * NotAction, read as sets) and no unconditional Deny of the same policies takes it back. Documents with a
 * full-admin statement (or an {@code iam:*} one, where a check reports it) are left to those checks (one
 * misconfiguration, one finding).
 */
final class EscalationPaths {

    /**
     * One path.
     *
     * @param name its evidence key suffix
     * @param actions every action it needs
     * @param how what the holder can do with them
     */
    record Path(String name, List<String> actions, String how) {}

    static final List<Path> ALL = List.of(
            new Path("create-policy-version", List.of("iam:CreatePolicyVersion"),
                    "write a new default version of any managed policy, including its own"),
            new Path("set-default-policy-version", List.of("iam:SetDefaultPolicyVersion"),
                    "switch a managed policy to an older, wider version"),
            new Path("create-access-key", List.of("iam:CreateAccessKey"), "create access keys for any user"),
            new Path("create-login-profile", List.of("iam:CreateLoginProfile"), "set a console password on any user"),
            new Path("update-login-profile", List.of("iam:UpdateLoginProfile"), "change any user's console password"),
            new Path("attach-user-policy", List.of("iam:AttachUserPolicy"), "attach AdministratorAccess to a user"),
            new Path("attach-group-policy", List.of("iam:AttachGroupPolicy"), "attach AdministratorAccess to a group"),
            new Path("attach-role-policy", List.of("iam:AttachRolePolicy", "sts:AssumeRole"),
                    "attach AdministratorAccess to a role and assume it"),
            new Path("put-user-policy", List.of("iam:PutUserPolicy"), "write an inline admin policy on a user"),
            new Path("put-group-policy", List.of("iam:PutGroupPolicy"), "write an inline admin policy on a group"),
            new Path("put-role-policy", List.of("iam:PutRolePolicy", "sts:AssumeRole"),
                    "write an inline admin policy on a role and assume it"),
            new Path("add-user-to-group", List.of("iam:AddUserToGroup"), "join any group, the admins' included"),
            new Path("update-assume-role-policy", List.of("iam:UpdateAssumeRolePolicy", "sts:AssumeRole"),
                    "rewrite a powerful role's trust policy and assume it"),
            new Path("passrole-ec2", List.of("iam:PassRole", "ec2:RunInstances"),
                    "launch an instance with any role and read its credentials"),
            new Path("passrole-lambda", List.of("iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"),
                    "create and run a function with any role"),
            new Path("passrole-lambda-event-source", List.of("iam:PassRole", "lambda:CreateFunction",
                    "lambda:CreateEventSourceMapping"), "create a function with any role and trigger it from a stream"),
            new Path("update-function-code", List.of("lambda:UpdateFunctionCode"),
                    "replace the code of a function that runs with a powerful role"),
            new Path("passrole-glue", List.of("iam:PassRole", "glue:CreateDevEndpoint"),
                    "create a Glue development endpoint with any role and log in to it"),
            new Path("update-glue-dev-endpoint", List.of("glue:UpdateDevEndpoint"),
                    "put its SSH key on an existing Glue endpoint and use its role"),
            new Path("passrole-cloudformation", List.of("iam:PassRole", "cloudformation:CreateStack"),
                    "create a stack that acts with any role"),
            new Path("passrole-datapipeline", List.of("iam:PassRole", "datapipeline:CreatePipeline",
                    "datapipeline:PutPipelineDefinition"), "run a pipeline with any role"),
            new Path("passrole-sagemaker", List.of("iam:PassRole", "sagemaker:CreateNotebookInstance",
                    "sagemaker:CreatePresignedNotebookInstanceUrl"), "open a notebook that runs with any role"),
            new Path("passrole-ecs", List.of("iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"),
                    "run a container task with any role"),
            new Path("passrole-codebuild", List.of("iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"),
                    "run a build with any role"));

    private EscalationPaths() {}

    /** One evidence per path the statements open (keyed {@code path:<name>}), in {@link #ALL}'s order. */
    static List<Evidence> of(List<Statement> statements, String owner, String where, boolean iamStarReported) {
        if (statements.isEmpty() || statements.stream().anyMatch(s -> IdentityStatements.Analysis.FULL_ADMIN.test(s, owner)
                || iamStarReported && IdentityStatements.Analysis.IAM_STAR.test(s, owner))) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (Path path : ALL) {
            List<String> grantedBy = new ArrayList<>();
            boolean all = true;
            for (String action : path.actions()) {
                Statement s = grant(statements, action);
                if (s == null) {
                    all = false;
                    break;
                }
                grantedBy.add(action + " (" + s.key() + ")");
            }
            if (all) {
                out.add(new Evidence("path:" + path.name(), IdentityStatements.oneLine(where + " allows "
                        + String.join(" + ", path.actions()) + " on every resource: the holder can " + path.how()),
                        Exposure.INTERNAL, Json.tree(java.util.Map.of("path", path.name(), "grantedBy", grantedBy))));
            }
        }
        return out;
    }

    /** The Allow statement that grants {@code action} on every resource, unless an unconditional Deny takes it back. */
    private static Statement grant(List<Statement> statements, String action) {
        for (Statement d : statements) {
            if (!d.allow() && !d.hasConditions() && d.notResources().isEmpty()
                    && d.resources().stream().anyMatch(r -> Wildcards.onlyWildcards(r)) && covers(d, action)) {
                return null;
            }
        }
        for (Statement s : statements) {
            if (s.allow() && !s.hasConditions() && covers(s, action) && s.notResources().isEmpty()
                    && s.resources().stream().anyMatch(Wildcards::onlyWildcards)) {
                return s;
            }
        }
        return null;
    }

    private static boolean covers(Statement s, String action) {
        return s.notActions().isEmpty() ? s.actions().stream().anyMatch(a -> Wildcards.matches(a, action))
                : s.notActions().stream().noneMatch(n -> Wildcards.matches(n, action));
    }
}
