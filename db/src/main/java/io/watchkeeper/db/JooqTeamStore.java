package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.APP_USER;
import static io.watchkeeper.db.jooq.Tables.TEAM;
import static io.watchkeeper.db.jooq.Tables.TEAM_MEMBER;

import io.watchkeeper.core.cert.Team;
import io.watchkeeper.core.cert.TeamStore;
import io.watchkeeper.core.model.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Teams and their members in PostgreSQL. */
public final class JooqTeamStore implements TeamStore {

    private final DSLContext dsl;

    public JooqTeamStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public Team create(String name, String actor) {
        Team.checkName(name);
        try {
            long id = dsl.insertInto(TEAM).set(TEAM.NAME, name).set(TEAM.CREATED_BY, actor)
                    .returning(TEAM.ID).fetchSingle().getId();
            return findById(id).orElseThrow();
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new InvalidInputException("a team named '" + name + "' already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Team> find(String name) {
        return one(TEAM.NAME.eq(name));
    }

    @Override
    public Optional<Team> findById(long id) {
        return one(TEAM.ID.eq(id));
    }

    @Override
    public List<Team> list() {
        return dsl.select(TEAM.ID).from(TEAM).orderBy(TEAM.NAME).fetch(TEAM.ID).stream()
                .map(id -> findById(id).orElseThrow()).toList();
    }

    private Optional<Team> one(Condition condition) {
        return dsl.selectFrom(TEAM).where(condition).fetchOptional().map(t -> new Team(t.getId(), t.getName(),
                dsl.select(APP_USER.USERNAME).from(TEAM_MEMBER).join(APP_USER).on(APP_USER.ID.eq(TEAM_MEMBER.USER_ID))
                        .where(TEAM_MEMBER.TEAM_ID.eq(t.getId())).orderBy(APP_USER.USERNAME).fetch(APP_USER.USERNAME),
                t.getCreatedBy(), Times.instant(t.getCreatedAt())));
    }

    @Override
    public boolean addMember(long teamId, long userId) {
        return dsl.insertInto(TEAM_MEMBER).set(TEAM_MEMBER.TEAM_ID, teamId).set(TEAM_MEMBER.USER_ID, userId)
                .onConflictDoNothing().execute() == 1;
    }

    @Override
    public boolean removeMember(long teamId, long userId) {
        return dsl.deleteFrom(TEAM_MEMBER).where(TEAM_MEMBER.TEAM_ID.eq(teamId), TEAM_MEMBER.USER_ID.eq(userId))
                .execute() == 1;
    }

    @Override
    public boolean delete(long teamId) {
        return dsl.deleteFrom(TEAM).where(TEAM.ID.eq(teamId)).execute() == 1;
    }

    @Override
    public Set<Long> teamsOf(long userId) {
        return new HashSet<>(dsl.select(TEAM_MEMBER.TEAM_ID).from(TEAM_MEMBER).where(TEAM_MEMBER.USER_ID.eq(userId))
                .fetch(TEAM_MEMBER.TEAM_ID));
    }
}
