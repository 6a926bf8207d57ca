/**
 * Typed configuration snapshots of GitHub organisations and what they hold, one record per
 * resource type, read from GitHub's REST API. Resource ids are API paths without the host
 * ({@code /orgs/acme}, {@code /repos/acme/web/hooks/9}). Component names are the stored JSON field
 * names: renaming one changes every stored hash, so don't. A setting GitHub did not show (not
 * visible to the credentials, or not offered by the plan) is null, and named in {@code notVisible}
 * or {@code notOffered} where the record has such a list: "not applicable", never "off".
 */
package io.watchkeeper.core.config.github;
