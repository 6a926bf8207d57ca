/**
 * The IAM tuner's records and ports: usage evidence per principal and action, CloudTrail reading
 * state, plans, applied changes, opt-outs and settings. The {@code iam-tuner} module works over
 * these; {@code db} implements them.
 */
package io.watchkeeper.core.tuner;
