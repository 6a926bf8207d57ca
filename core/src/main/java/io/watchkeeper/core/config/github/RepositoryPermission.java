package io.watchkeeper.core.config.github;

/**
 * What someone (a team, an outside collaborator) may do in one repository.
 *
 * @param repository the repository's name
 * @param permission the highest of admin, maintain, push (write), triage, pull (read)
 * @param roleName GitHub's role name (admin, maintain, write, triage, read or a custom role)
 */
public record RepositoryPermission(String repository, String permission, String roleName) {}
