package io.watchkeeper.core.finding;

/** Who is responsible for a finding; every change is a finding event. */
public interface FindingOwners {

    /** Sets (or clears, with null) the owner; returns whether the finding exists. */
    boolean assign(long findingId, String owner, String by);
}
