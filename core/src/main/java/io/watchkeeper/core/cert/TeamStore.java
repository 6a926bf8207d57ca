package io.watchkeeper.core.cert;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Teams and their members (users by id). */
public interface TeamStore {

    /** Creates a team; an {@link io.watchkeeper.core.model.InvalidInputException} when the name is taken. */
    Team create(String name, String actor);

    Optional<Team> find(String name);

    Optional<Team> findById(long id);

    /** Every team by name. */
    List<Team> list();

    /** Adds a member; false when the user already is one. */
    boolean addMember(long teamId, long userId);

    /** Removes a member; false when the user was not one. */
    boolean removeMember(long teamId, long userId);

    /** Deletes a team; its certificates keep their account and user, and lose the team. */
    boolean delete(long teamId);

    /** The teams a user belongs to. */
    Set<Long> teamsOf(long userId);
}
