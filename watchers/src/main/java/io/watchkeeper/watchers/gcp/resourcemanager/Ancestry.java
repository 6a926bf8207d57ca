package io.watchkeeper.watchers.gcp.resourcemanager;

import io.watchkeeper.gcp.GcpSession;

/** Where a project sits in the resource hierarchy. */
public final class Ancestry {

    /** Folders above a project walked at most (GCP allows ten levels). */
    static final int MAX_DEPTH = 10;

    private Ancestry() {}

    /**
     * The project's organisation ({@code organizations/<id>}), found through its parent and its folders (one
     * {@code folders.get} per level, at most {@value #MAX_DEPTH}), or null when the project has none.
     */
    public static String organization(GcpSession gcp) {
        String parent = gcp.project().parent();
        for (int depth = 0; parent.startsWith("folders/") && depth < MAX_DEPTH; depth++) {
            parent = gcp.folders().getFolder(parent).getParent();
        }
        return parent.startsWith("organizations/") ? parent : null;
    }
}
