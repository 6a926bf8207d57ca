package io.watchkeeper.auditors.gcp.iam;

import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.auditors.gcp.iam.MemberRule.Match;
import io.watchkeeper.auditors.gcp.iam.MemberRule.MemberClass;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The IAM member rules. {@link #perType} apply to every type in {@link PolicyTypes}, {@link #PROJECT} to the
 * project IAM policy only. A new member check is one entry here.
 */
final class MemberRules {

    private MemberRules() {}

    private static final Predicate<String> ANY_ROLE = r -> true;

    /**
     * {@code allUsers} or {@code allAuthenticatedUsers} holds a role (CIS 1.9 for KMS keys); a conditional binding
     * is reported too (its CEL condition is not evaluated) and says so. Severity, controls and why come from the type.
     */
    static MemberRule publicMembers(PolicyType<?> type) {
        return new MemberRule("public-members", "{type}PublicMembers", type.publicSeverity(),
                "{label} grants a role to allUsers or allAuthenticatedUsers",
                type.publicWhy() + " allAuthenticatedUsers is anyone with a Google account, not the organisation.",
                "Remove allUsers and allAuthenticatedUsers from the policy's bindings (gcloud … remove-iam-policy-binding);"
                        + " grant the role to the groups or service accounts that need it.",
                type.publicControls(), Set.of(), ANY_ROLE,
                MemberClass.of(g -> !Members.isPublic(g.member()) ? null
                        : Match.of(g, Exposure.INTERNET).suffixed(g.conditional() ? " (under a condition)" : "")
                                .with("conditional", g.conditional())));
    }

    /**
     * A consumer account (gmail.com, outlook.com and the like) holds a role: it belongs to no organisation, so nobody
     * can disable it when its owner leaves, and it is never "known" whatever domains are trusted. CIS 1.1 (corporate
     * login credentials) is a manual recommendation; this check is listed beside it.
     */
    static final MemberRule CONSUMER_ACCOUNT = new MemberRule("consumer-account-member", "{type}ConsumerAccountMember",
            Severity.HIGH, "{label} grants a role to a consumer (gmail.com-like) account",
            "A personal account is outside the organisation's control: no offboarding, no enforced MFA or"
                    + " session policy, no audit of who holds it.",
            "Replace the consumer account with a corporate identity (Cloud Identity or Workspace) and enforce the"
                    + " iam.allowedPolicyMemberDomains organisation policy (domain-restricted sharing).",
            List.of(), Set.of(), ANY_ROLE,
            MemberClass.of(g -> Members.isConsumer(g.member())
                    ? Match.of(g, Exposure.UNKNOWN_ACCOUNT).qualified(" (a consumer account)") : null));

    /**
     * A user, group or domain of another organisation holds a role: the GCP analogue of an unknown AWS account.
     * Members of the organisation's own domains ({@link OrganizationDomains}) and their subdomains are known, and so
     * are members of the domains declared trusted ({@code watchkeeper.gcp.trusted-domains}, subdomains included, label
     * boundaries only: {@code example.com.evil.io} is not {@code example.com}). Consumer accounts are
     * {@link #CONSUMER_ACCOUNT}'s (one problem, one finding). A project whose organisation is not known (no
     * organisation, or its policy unreadable) reports nothing: there is no domain to compare with.
     */
    static final MemberRule UNKNOWN_DOMAIN = new MemberRule("unknown-domain-member", "{type}UnknownDomainMember",
            Severity.MEDIUM, "{label} grants a role to a member of another organisation's domain",
            "People outside the organisation hold access that its own offboarding and reviews do not reach.",
            "Remove the member, or grant access through a group of the organisation's own domain; enforce the"
                    + " iam.allowedPolicyMemberDomains organisation policy.",
            List.of(), Set.of(OrganizationDomains.ORGANIZATION), ANY_ROLE,
            (config, context) -> {
                Set<String> own = OrganizationDomains.of(config, context);
                if (own.isEmpty()) {
                    return null;
                }
                return g -> {
                    String domain = Members.domain(g.member());
                    if (domain == null || domain.isEmpty() || Members.isConsumer(g.member())
                            || OrganizationDomains.known(domain, own) || context.trustedDomain(domain)) {
                        return null;
                    }
                    return Match.of(g, Exposure.UNKNOWN_ACCOUNT)
                            .qualified(" (domain " + domain + ", not " + String.join(", ", own) + ")").with("domain", domain);
                };
            });

    /**
     * A service account of a project nobody registered holds a role: the GCP analogue of an unknown AWS account in a
     * policy. Trusted (never reported): the audited project's own service accounts and service agents, those of
     * every registered project (watched ones and {@code accounts add gcp --third-party} ones), and those of the
     * projects declared in {@code watchkeeper.gcp.trusted-projects}. The project is read from the e-mail (a project
     * id, or the project number of a Google-managed service agent) and matched exactly:
     * {@code x@my-project-evil.iam.gserviceaccount.com} is not {@code my-project}. E-mails that name no project
     * (organisation-level and Google-internal agents) are not reported.
     */
    static final MemberRule UNKNOWN_PROJECT_SERVICE_ACCOUNT = new MemberRule("unknown-project-service-account",
            "{type}UnknownProjectServiceAccount", Severity.MEDIUM,
            "{label} grants a role to a service account of an unknown project",
            "Whoever controls the other project (and its service-account keys) holds this access, outside the"
                    + " organisation's watch.",
            "Remove the member, or register its project (watchkeeper accounts add gcp, --third-party for a partner's)"
                    + " or declare it in watchkeeper.gcp.trusted-projects when the grant is intended.",
            List.of(), Set.of(), ANY_ROLE,
            (config, context) -> g -> {
                String project = Members.serviceAccountProject(g.member());
                if (project == null || context.classifyGcpProject(project) != EntityClass.UNKNOWN) {
                    return null;
                }
                return Match.of(g, Exposure.UNKNOWN_ACCOUNT)
                        .qualified(" (project " + project + ", not registered or trusted)").with("project", project);
            });

    /** The rules of every type with IAM policies, in output order (the public one only where the type has one). */
    static List<MemberRule> perType(PolicyType<?> type) {
        return type.publicSeverity() == null
                ? List.of(CONSUMER_ACCOUNT, UNKNOWN_DOMAIN, UNKNOWN_PROJECT_SERVICE_ACCOUNT)
                : List.of(publicMembers(type), CONSUMER_ACCOUNT, UNKNOWN_DOMAIN, UNKNOWN_PROJECT_SERVICE_ACCOUNT);
    }

    private static final Predicate<String> SERVICE_ACCOUNT_USER = r -> "roles/iam.serviceAccountUser".equals(r)
            || "roles/iam.serviceAccountTokenCreator".equals(r);

    /** Rules of the project IAM policy only. */
    static final List<MemberRule> PROJECT = List.of(
            // roles/owner or roles/editor bound to people (users, groups, domains) on the project
            new MemberRule("primitive-role-to-person", "ProjectIamPolicyPrimitiveRoleToPerson", Severity.MEDIUM,
                    "Owner or Editor is granted to a user, group or domain",
                    "The basic roles grant thousands of permissions across every service; people who hold them can"
                            + " change or read nearly anything in the project.",
                    "Grant predefined or custom roles scoped to what each person does; keep Owner for a break-glass group.",
                    List.of(), Set.of(), Members::isPrimitiveWrite,
                    MemberClass.of(g -> Members.isPerson(g.member()) || g.member().startsWith("domain:")
                            ? Match.of(g, Exposure.INTERNAL) : null)),
            // CIS 1.5: a user-created service account (name@project.iam.gserviceaccount.com, not a Google service
            // agent) holds roles/owner, roles/editor or a role whose name contains admin
            new MemberRule("service-account-admin-role", "ProjectIamPolicyServiceAccountAdmin", Severity.HIGH,
                    "A user-created service account holds an admin, Owner or Editor role",
                    "Whoever runs as the service account (a VM, a pipeline, anyone holding one of its keys) holds the"
                            + " admin role, with no person in the loop.",
                    "Replace the role with the predefined roles the workload needs (the IAM recommender lists the"
                            + " permissions it uses).",
                    List.of("1.5"), Set.of(), Members::isAdminRole,
                    MemberClass.of(g -> Members.isServiceAccount(g.member())
                            && Members.isUserCreatedServiceAccount(Members.address(g.member()))
                            ? Match.of(g, Exposure.INTERNAL) : null)),
            // CIS 1.6: roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator bound to people at
            // project level
            new MemberRule("service-account-user-at-project", "ProjectIamPolicyServiceAccountUserAtProject",
                    Severity.HIGH, "Service Account User or Token Creator is granted at project level",
                    "At project level the role lets its holder act as every service account of the project, including"
                            + " future ones and the most privileged.",
                    "Remove the project-level binding and grant the role on the individual service accounts that"
                            + " person needs.",
                    List.of("1.6"), Set.of(), SERVICE_ACCOUNT_USER,
                    MemberClass.of(g -> Members.isPerson(g.member()) || g.member().startsWith("domain:")
                            ? Match.of(g, Exposure.INTERNAL).suffixed(" on the whole project") : null)));
}
