/**
 * Typed configuration snapshots of AWS resources, one record per resource type. Watchers fill
 * them, checks read them; they are stored as canonical JSON. Component names are the stored JSON
 * field names: renaming one changes every stored hash, so don't.
 */
package io.watchkeeper.core.config.aws;
