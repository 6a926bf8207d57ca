package io.watchkeeper.iamtuner.plan;

import java.time.LocalDate;
import java.util.Set;

/**
 * What CloudTrail reading covers for an account.
 *
 * @param start the first day read (null: no log read yet)
 * @param through every day up to this one is complete (null: none)
 * @param managementEvents a trail records management events
 * @param dataTypes data event types a trail records for every resource
 */
public record Coverage(LocalDate start, LocalDate through, boolean managementEvents, Set<String> dataTypes) {

    public static final Coverage NONE = new Coverage(null, null, false, Set.of());

    public Coverage {
        dataTypes = Set.copyOf(dataTypes);
    }
}
