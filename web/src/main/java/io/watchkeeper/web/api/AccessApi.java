package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.access.ApiToken;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.security.GlobalAdmin;
import io.watchkeeper.web.service.AccessAdmin;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller and their password; users (admins of every account); API tokens (own; admins of every
 * account see and revoke everyone's).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "access")
public class AccessApi {

    private final AccessAdmin access;

    public AccessApi(AccessAdmin access) {
        this.access = access;
    }

    /**
     * A new user with a local password (or, when {@code password} is missing, a generated temporary
     * one in the answer); {@code mustChangePassword}: the user chooses a new one at the first sign-in.
     */
    public record NewUserRequest(String username, String displayName, Role role, Set<Long> accountIds, String password,
                                 Boolean mustChangePassword) {}

    /** Your current password and the new one. */
    public record PasswordChange(String currentPassword, String newPassword) {}

    /** A temporary password for the user, or none to have one generated. */
    public record PasswordReset(String password) {}

    /** A reset's answer: the generated temporary password (shown once), or null when you chose it. */
    public record PasswordResetAnswer(String username, String temporaryPassword) {}

    /** Role, accounts (empty: all) and enabled. */
    public record UserPatch(Role role, Set<Long> accountIds, Boolean enabled) {}

    /** A new token: name, role (default: yours), accounts (default: yours), expiry (optional). */
    public record NewTokenRequest(String name, Role role, Set<Long> accountIds, OffsetDateTime expiresAt) {}

    @GetMapping("/me")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Who you are")
    public Caller me() {
        return Callers.current();
    }

    @PostMapping("/me/password")
    @PreAuthorize("hasRole('VIEWER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your password (the current one is required); your console sessions end")
    public void changePassword(@RequestBody PasswordChange r) {
        access.changeOwnPassword(r.currentPassword(), r.newPassword(), Callers.current());
    }

    @GetMapping("/users")
    @GlobalAdmin
    @Operation(summary = "Users (admins of every account)")
    public List<User> users() {
        return access.users(Callers.current());
    }

    @PostMapping("/users")
    @GlobalAdmin
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a local user (admins of every account)")
    public AccessAdmin.Issued create(@RequestBody NewUserRequest r) {
        return access.createUser(r.username(), r.displayName(), r.role(), r.accountIds(), r.password(),
                Boolean.TRUE.equals(r.mustChangePassword()), Callers.current());
    }

    @PostMapping("/users/{id}/password")
    @GlobalAdmin
    @Operation(summary = "Reset a user's password (admins of every account): the user must change it at the next "
            + "sign-in; their sessions end")
    public PasswordResetAnswer resetPassword(@PathVariable long id, @RequestBody(required = false) PasswordReset r) {
        AccessAdmin.Issued issued = access.resetPassword(id, r == null ? null : r.password(), Callers.current());
        return new PasswordResetAnswer(issued.user().username(), issued.temporaryPassword());
    }

    @PatchMapping("/users/{id}")
    @GlobalAdmin
    @Operation(summary = "Change a user's role, accounts or enabled (admins of every account); their sessions end")
    public User update(@PathVariable long id, @RequestBody UserPatch patch) {
        if (patch.role() == null || patch.enabled() == null) {
            throw new io.watchkeeper.core.model.InvalidInputException("'role' and 'enabled' are required");
        }
        return access.updateUser(id, patch.role(), patch.accountIds(), patch.enabled(), Callers.current());
    }

    @GetMapping("/tokens")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Your API tokens (admins of every account: everyone's with all=true)")
    public List<ApiToken> tokens(@RequestParam(defaultValue = "false") boolean all) {
        return access.tokens(Callers.current(), all);
    }

    @PostMapping("/tokens")
    @PreAuthorize("hasRole('VIEWER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a token; the secret is in this answer only")
    public AccessAdmin.IssuedToken createToken(@RequestBody NewTokenRequest r) {
        return access.createToken(r.name(), r.role(), r.accountIds(), r.expiresAt(), Callers.current());
    }

    @DeleteMapping("/tokens/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a token")
    public void revoke(@PathVariable long id) {
        access.revokeToken(id, Callers.current());
    }
}
