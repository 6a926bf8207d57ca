package io.watchkeeper.core.access;

import io.watchkeeper.core.model.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A user to create.
 *
 * @param username login name: 1..64 of letters, digits and {@code . _ @ -}
 * @param displayName shown name, or null
 * @param role role
 * @param scope accounts
 * @param passwordHash encoded password hash ({@code {bcrypt}…}), or null for an OIDC-only user
 * @param oidcIssuer issuer of a linked OIDC identity, or null
 * @param oidcSubject subject of a linked OIDC identity, or null
 * @param mustChangePassword the password is temporary: the user must choose a new one at the first sign-in
 */
public record NewUser(String username, String displayName, Role role, AccountScope scope, String passwordHash,
                      String oidcIssuer, String oidcSubject, boolean mustChangePassword) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public NewUser {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username must be 1 to 64 letters, digits or . _ @ -");
        }
        if (displayName != null && displayName.length() > 200) {
            throw new InvalidInputException("display name is longer than 200 characters");
        }
        if (role == null) {
            throw new InvalidInputException("role is required");
        }
        if ((oidcIssuer == null) != (oidcSubject == null)) {
            throw new InvalidInputException("an OIDC identity needs both issuer and subject");
        }
        scope = scope == null ? AccountScope.ALL : scope;
    }

    /** A user whose password (if any) is not temporary. */
    public NewUser(String username, String displayName, Role role, AccountScope scope, String passwordHash,
                   String oidcIssuer, String oidcSubject) {
        this(username, displayName, role, scope, passwordHash, oidcIssuer, oidcSubject, false);
    }
}
