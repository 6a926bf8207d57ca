package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.cert.Team;
import io.watchkeeper.web.cert.Teams;
import io.watchkeeper.web.security.Callers;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Teams that own certificates together; managed by admins of every account. */
@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "certificates")
public class TeamsApi {

    private final Teams teams;

    public TeamsApi(Teams teams) {
        this.teams = teams;
    }

    /** A team name. */
    public record TeamRequest(String name) {}

    /** A member's user name. */
    public record MemberRequest(String user) {}

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Teams (yours; every team for unrestricted callers)")
    public List<Team> list() {
        return teams.list(Callers.current());
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a team")
    public Team create(@RequestBody TeamRequest r) {
        return teams.create(r.name(), Callers.current());
    }

    @PostMapping("/{name}/members")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a member")
    public Team addMember(@PathVariable String name, @RequestBody MemberRequest r) {
        return teams.addMember(name, r.user(), Callers.current());
    }

    @DeleteMapping("/{name}/members/{user}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a member")
    public Team removeMember(@PathVariable String name, @PathVariable String user) {
        return teams.removeMember(name, user, Callers.current());
    }

    @DeleteMapping("/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a team (its certificates keep their account and user)")
    public void delete(@PathVariable String name) {
        teams.delete(name, Callers.current());
    }
}
