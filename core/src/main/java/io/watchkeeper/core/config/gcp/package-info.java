/**
 * Typed configuration snapshots of GCP resources, one record per resource type. Watchers fill
 * them, checks read them; they are stored as canonical JSON. Component names are the stored JSON
 * field names: renaming one changes every stored hash, so don't. Lists are sorted by the watchers
 * (GCP does not promise an order), timestamps that move without a configuration change and
 * etags/fingerprints are {@code @Ephemeral}. Secrets (key material, API key strings, SSH public
 * keys) are never recorded: SSH keys only as user, type and fingerprint.
 */
package io.watchkeeper.core.config.gcp;
