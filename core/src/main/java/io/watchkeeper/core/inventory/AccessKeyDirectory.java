package io.watchkeeper.core.inventory;

import java.util.Collection;
import java.util.Map;

/**
 * Port: the watched IAM users' access keys, looked up by key id (code scanning joins a key found in
 * code to the cloud principal that owns it). Implemented in db over the stored {@code aws.iam.user}
 * items; only live (not deleted) users' latest revisions count.
 */
public interface AccessKeyDirectory {

    /** The owners of those of {@code accessKeyIds} that belong to a watched IAM user, by key id. */
    Map<String, AccessKeyOwner> owners(Collection<String> accessKeyIds);

    /** A directory that knows no keys (no database, or the join turned off). */
    AccessKeyDirectory NONE = ids -> Map.of();
}
