package io.watchkeeper.web.cert;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.cert.Team;
import io.watchkeeper.core.cert.TeamStore;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams that own certificates together. Unrestricted admins create and delete teams and manage
 * members; everyone else sees the teams they belong to. Every change is in the audit log.
 */
@Service
public class Teams {

    private final TeamStore teams;
    private final UserStore users;
    private final CertificateAccess access;
    private final AuditLog audit;

    public Teams(TeamStore teams, UserStore users, CertificateAccess access, AuditLog audit) {
        this.teams = teams;
        this.users = users;
        this.access = access;
        this.audit = audit;
    }

    /** Every team for unrestricted callers; one's own teams otherwise. */
    public List<Team> list(Caller caller) {
        caller.require(Role.VIEWER);
        if (caller.scope().unrestricted()) {
            return teams.list();
        }
        Long self = access.userId(caller);
        Set<Long> mine = self == null ? Set.of() : teams.teamsOf(self);
        return teams.list().stream().filter(t -> mine.contains(t.id())).toList();
    }

    @Transactional
    public Team create(String name, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        Team team = teams.create(Team.checkName(name), caller.actor());
        audit.record(new AuditEntry(caller.actor(), "team.create", "team:" + team.name(), null,
                Json.tree(Map.of("id", team.id()))));
        return team;
    }

    @Transactional
    public Team addMember(String teamName, String username, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        Team team = require(teamName);
        User user = user(username);
        if (teams.addMember(team.id(), user.id())) {
            audit.record(new AuditEntry(caller.actor(), "team.member.add", "team:" + team.name(), null,
                    Json.tree(Map.of("user", user.username()))));
        }
        return require(teamName);
    }

    @Transactional
    public Team removeMember(String teamName, String username, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        Team team = require(teamName);
        User user = user(username);
        if (teams.removeMember(team.id(), user.id())) {
            audit.record(new AuditEntry(caller.actor(), "team.member.remove", "team:" + team.name(),
                    Json.tree(Map.of("user", user.username())), null));
        }
        return require(teamName);
    }

    /** Deletes a team; its certificates keep their account and user and lose the team. */
    @Transactional
    public void delete(String teamName, Caller caller) {
        CertificateAccess.requireUnrestrictedAdmin(caller);
        Team team = require(teamName);
        teams.delete(team.id());
        audit.record(new AuditEntry(caller.actor(), "team.delete", "team:" + team.name(),
                Json.tree(Map.of("members", team.members())), null));
    }

    private Team require(String name) {
        return teams.find(name == null ? "" : name).orElseThrow(() -> new InvalidInputException("unknown team '"
                + CertificateAccess.Text.printable(String.valueOf(name)) + "'"));
    }

    private User user(String username) {
        return users.find(username == null ? "" : username).orElseThrow(() -> new InvalidInputException("unknown user '"
                + CertificateAccess.Text.printable(String.valueOf(username)) + "'"));
    }
}
