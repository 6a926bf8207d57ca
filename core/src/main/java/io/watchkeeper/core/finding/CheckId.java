package io.watchkeeper.core.finding;

import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.ResourceType;
import java.util.Objects;
import java.util.regex.Pattern;

/** A stable check id, {@code <resource type>/<name>} (e.g. {@code aws.s3.bucket/public-acl}). Never renamed. */
public record CheckId(String id) implements Comparable<CheckId> {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public CheckId {
        Objects.requireNonNull(id, "id");
        int slash = id.indexOf('/');
        if (slash < 0 || !NAME.matcher(id.substring(slash + 1)).matches()) {
            throw new InvalidInputException("malformed check id '" + id + "' (expected <type>/<name>, e.g. aws.s3.bucket/public-acl)");
        }
        ResourceType.of(id.substring(0, slash));
    }

    public static CheckId of(String id) {
        return new CheckId(id);
    }

    public ResourceType type() {
        return ResourceType.of(id.substring(0, id.indexOf('/')));
    }

    @Override
    public int compareTo(CheckId o) {
        return id.compareTo(o.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
