package io.watchkeeper.core.finding;

import java.util.List;

/**
 * Checks made from data instead of one class each: one parameterised check per kind of problem,
 * one entry per resource type (for example the resource-policy checks). Registered through
 * {@code META-INF/services} like a {@link Check}; the registry lists every check of every set
 * beside the single-class checks, and duplicate ids stop start-up all the same.
 */
public interface CheckSet {

    /** The checks of this set; ids unique, stable and never renamed, like any check's. */
    List<Check<?>> checks();
}
