package io.watchkeeper.web.cert;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityStore;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.CertificateVisibility;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.cert.Team;
import io.watchkeeper.core.cert.TeamStore;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Caller;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees and acts on certificates and authorities.
 *
 * <ul>
 *   <li>A caller sees the certificates of its accounts, of its teams and its own; an unrestricted
 *       caller sees all. Anything else is answered as not found.</li>
 *   <li>Acting on a certificate (renew, revoke, revoke-and-replace) needs commenter and ownership
 *       (the owning user, or a member of the owning team) — or admin within the caller's accounts.
 *       Taking a certificate off its destinations needs justifier.</li>
 *   <li>A scoped caller sees and issues from the authorities assigned to its accounts, for
 *       certificates of those accounts; unassigned authorities are for unrestricted callers only.</li>
 * </ul>
 */
@Component
public class CertificateAccess {

    private final UserStore users;
    private final TeamStore teams;
    private final AccountStore accounts;
    private final CertificateStore certificates;
    private final AuthorityStore authorities;

    public CertificateAccess(UserStore users, TeamStore teams, AccountStore accounts, CertificateStore certificates,
                             AuthorityStore authorities) {
        this.users = users;
        this.teams = teams;
        this.accounts = accounts;
        this.certificates = certificates;
        this.authorities = authorities;
    }

    /** The caller's user id, or null (the command line, or a user that no longer exists). */
    public Long userId(Caller caller) {
        return caller.isCli() ? null : users.find(caller.username()).map(User::id).orElse(null);
    }

    /** What the caller may see. */
    public CertificateVisibility visibility(Caller caller) {
        if (caller.scope().unrestricted()) {
            return CertificateVisibility.ALL;
        }
        Long userId = userId(caller);
        return new CertificateVisibility(caller.scope().accountIds(), userId == null ? Set.of() : teams.teamsOf(userId),
                userId);
    }

    /** The certificate, if the caller may see it; otherwise not found (404). */
    public StoredCertificate visible(long id, Caller caller) {
        caller.require(Role.VIEWER);
        StoredCertificate c = certificates.find(id).orElseThrow(Caller.NotVisibleException::new);
        if (!visibility(caller).allows(c.ownership())) {
            throw new Caller.NotVisibleException();
        }
        return c;
    }

    /** Whether the caller owns the certificate (its user, or a member of its team). */
    public boolean owns(StoredCertificate c, Caller caller) {
        Long userId = userId(caller);
        if (userId == null) {
            return false;
        }
        Ownership o = c.ownership();
        return userId.equals(o.userId()) || o.teamId() != null && teams.teamsOf(userId).contains(o.teamId());
    }

    /** Whether the caller may act on the certificate with at least {@code role}. */
    public boolean mayAct(StoredCertificate c, Caller caller, Role role) {
        return caller.can(role) && (caller.can(Role.ADMIN) || owns(c, caller));
    }

    /** A visible certificate the caller may act on (owner or admin, at least {@code role}); 403 otherwise. */
    public StoredCertificate actable(long id, Caller caller, Role role) {
        StoredCertificate c = visible(id, caller);
        caller.require(role);
        if (!mayAct(c, caller, role)) {
            throw new AccessDeniedException("only the certificate's owner (its user or a member of its team) or an "
                    + "admin may do this");
        }
        return c;
    }

    /** Authorities the caller may see and use. */
    public List<Authority> authorities(Caller caller) {
        caller.require(Role.VIEWER);
        return authorities.list().stream().filter(a -> usable(a, caller)).toList();
    }

    /** The authority, if the caller may use it; an error naming the usable ones otherwise (as for an unknown one). */
    public Authority authority(String name, Caller caller) {
        return authorities(caller).stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown authority '" + Text.printable(name) + "' (yours: "
                        + String.join(", ", authorities(caller).stream().map(Authority::name).toList()) + ")"));
    }

    private static boolean usable(Authority a, Caller caller) {
        return caller.scope().unrestricted() || a.accountIds().stream().anyMatch(caller.scope()::allows);
    }

    /**
     * The ownership of a new certificate: the account (required for a scoped caller, in its scope and,
     * for a scoped caller, one the authority is assigned to), the owner (the caller by default; another
     * user only for admins) and the team (one of the caller's, or any for admins).
     */
    public Ownership newOwnership(Authority authority, String accountName, String ownerName, String teamName,
                                  Caller caller) {
        Long accountId = null;
        if (accountName != null) {
            Account account = accounts.findByName(accountName).filter(a -> caller.scope().allows(a.id()))
                    .orElseThrow(() -> new InvalidInputException("unknown account '" + Text.printable(accountName) + "'"));
            accountId = account.id();
        } else if (!caller.scope().unrestricted()) {
            if (caller.scope().accountIds().size() != 1) {
                throw new InvalidInputException("name the account the certificate belongs to (one of yours)");
            }
            accountId = caller.scope().accountIds().iterator().next();
        }
        if (authority != null && !caller.scope().unrestricted() && !authority.accountIds().contains(accountId)) {
            throw new InvalidInputException("authority '" + authority.name() + "' is not assigned to that account");
        }
        Long self = userId(caller);
        Long ownerId = self;
        if (ownerName != null) {
            ownerId = users.find(ownerName).map(User::id)
                    .orElseThrow(() -> new InvalidInputException("unknown user '" + Text.printable(ownerName) + "'"));
            if (!ownerId.equals(self)) {
                caller.require(Role.ADMIN); // nobody issues in another owner's name
            }
        }
        Long teamId = null;
        if (teamName != null) {
            Team team = teams.find(teamName)
                    .orElseThrow(() -> new InvalidInputException("unknown team '" + Text.printable(teamName) + "'"));
            if (!caller.can(Role.ADMIN) && (self == null || !teams.teamsOf(self).contains(team.id()))) {
                throw new AccessDeniedException("you are not a member of team " + team.name());
            }
            teamId = team.id();
        }
        return Ownership.of(accountId, ownerId, teamId);
    }

    /** Refuses unless the caller is an admin of every account (users, teams, authorities are global). */
    public static void requireUnrestrictedAdmin(Caller caller) {
        caller.require(Role.ADMIN);
        if (!caller.scope().unrestricted()) {
            throw new AccessDeniedException("only an admin of every account may do this");
        }
    }

    /** Ids of the named users and teams for list filters (unknown names match nothing). */
    Long userIdOf(String name) {
        return name == null ? null : users.find(name).map(User::id).orElse(-1L);
    }

    Long teamIdOf(String name) {
        return name == null ? null : teams.find(name).map(Team::id).orElse(-1L);
    }

    Long accountIdOf(String name) {
        return name == null ? null : accounts.findByName(name).map(Account::id).orElse(-1L);
    }

    Long authorityIdOf(String name, Caller caller) {
        return name == null ? null : authorities(caller).stream().filter(a -> a.name().equals(name))
                .map(Authority::id).findFirst().orElse(-1L);
    }

    /** Bounded printable text for messages. */
    static final class Text {
        private Text() {}

        static String printable(String s) {
            return io.watchkeeper.core.cert.DnsNames.printable(s);
        }
    }
}
