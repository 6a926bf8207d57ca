/**
 * IAM tuner: removes permissions a role has not used, with proof and rollback. Plain Java on top
 * of core's ports; not yet built.
 */
package io.watchkeeper.iamtuner;
