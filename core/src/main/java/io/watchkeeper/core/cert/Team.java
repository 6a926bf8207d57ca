package io.watchkeeper.core.cert;

import io.watchkeeper.core.model.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A group of users that owns certificates together: every member acts as an owner.
 *
 * @param id database id
 * @param name unique name
 * @param members member user names, sorted
 * @param createdBy who created it
 * @param createdAt when
 */
public record Team(long id, String name, List<String> members, String createdBy, Instant createdAt) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    public Team {
        members = List.copyOf(members == null ? List.of() : members);
    }

    /** Throws unless {@code name} is 1-63 letters, digits, '.', '_' or '-' starting with a letter or digit. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("invalid team name '" + (name == null ? "" : DnsNames.printable(name))
                    + "': 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
