package io.watchkeeper.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable resource type id, {@code provider.service.kind} (e.g. {@code aws.s3.bucket}). Stored
 * and shown; never renamed.
 */
public record ResourceType(String id) implements Comparable<ResourceType> {

    private static final Pattern FORMAT = Pattern.compile("(aws|gcp|github)(\\.[a-z0-9]+(-[a-z0-9]+)*){1,3}");

    public ResourceType {
        Objects.requireNonNull(id, "id");
        if (!FORMAT.matcher(id).matches()) {
            throw new InvalidInputException("malformed resource type '" + id
                    + "' (expected provider.service.kind, e.g. aws.s3.bucket)");
        }
    }

    public static ResourceType of(String id) {
        return new ResourceType(id);
    }

    public Provider provider() {
        return Provider.fromId(id.substring(0, id.indexOf('.')));
    }

    @Override
    public int compareTo(ResourceType other) {
        return id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
