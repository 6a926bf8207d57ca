package io.watchkeeper.core.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component whose value changes without the configuration changing (last-used
 * times, counters, status timestamps). It is stored, but left out of the durable hash and the
 * diffs, so a change to it alone updates the latest revision in place instead of adding one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Ephemeral {}
