package io.watchkeeper.core.model;

/**
 * How Watchkeeper reaches an account. For AWS: the role the hub credential assumes (empty means
 * "use the hub credential itself"). For GCP and GitHub: a reference to where the credential lives
 * ({@code env:NAME} or {@code file:/path}), never the credential.
 *
 * @param roleArn AWS role to assume, or null
 * @param roleExternalId AWS external id for the role, or null
 * @param credentialsRef reference to a credential for other providers, or null
 */
public record AccountAccess(String roleArn, String roleExternalId, String credentialsRef) {

    public static final AccountAccess NONE = new AccountAccess(null, null, null);
}
