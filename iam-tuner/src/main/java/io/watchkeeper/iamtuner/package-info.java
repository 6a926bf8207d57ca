/**
 * IAM tuner: removes the permissions principals do not use — action level, inline and managed
 * policies — with evidence (CloudTrail log files, IAM last-accessed data), a proof that no rewrite
 * grants anything new, owner notice, apply, a watch for AccessDenied and exact rollback. Plain Java
 * over core's ports ({@code io.watchkeeper.core.tuner}) and the {@code aws} module's sessions.
 */
package io.watchkeeper.iamtuner;
