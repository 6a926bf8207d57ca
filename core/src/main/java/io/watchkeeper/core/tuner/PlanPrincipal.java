package io.watchkeeper.core.tuner;

/**
 * One principal of a plan.
 *
 * @param principalType {@code ROLE} or {@code USER}
 * @param reason why it is not eligible (null when eligible)
 * @param granted actions its policies allow (catalogue actions)
 * @param removed actions the plan removes
 * @param proofOk whether the proof held (null: nothing to prove)
 * @param beforeHash fingerprint of its exact policies when planned (apply refuses when they changed)
 * @param detail decisions with evidence, policy edits and the proof (JSON text owned by the tuner, kept as text so a
 *        plan's rows are never all held as trees)
 */
public record PlanPrincipal(long planId, String principalArn, String principalType, boolean eligible, String reason,
                            int granted, int used, int unused, int unknown, int removed, Boolean proofOk,
                            String beforeHash, String detail) {}
