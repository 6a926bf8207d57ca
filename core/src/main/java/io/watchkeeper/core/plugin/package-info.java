/** Plugin discovery: registries built from {@code META-INF/services}. */
package io.watchkeeper.core.plugin;
