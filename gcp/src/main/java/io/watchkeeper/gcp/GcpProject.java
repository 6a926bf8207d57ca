package io.watchkeeper.gcp;

import java.util.Objects;

/**
 * A project as Resource Manager answered it.
 *
 * @param projectId the project id
 * @param number the project number ({@code projects/<number>} without the prefix)
 * @param parent {@code organizations/<id>}, {@code folders/<id>} or empty when the project has no parent
 * @param displayName the display name
 * @param state ACTIVE, DELETE_REQUESTED, …
 */
public record GcpProject(String projectId, String number, String parent, String displayName, String state) {

    public GcpProject {
        Objects.requireNonNull(projectId, "projectId");
        number = number == null ? "" : number;
        parent = parent == null ? "" : parent;
    }

    static GcpProject of(com.google.cloud.resourcemanager.v3.Project p) {
        String name = p.getName();
        return new GcpProject(p.getProjectId(), name.startsWith("projects/") ? name.substring(9) : name, p.getParent(),
                p.getDisplayName(), p.getState().name());
    }
}
