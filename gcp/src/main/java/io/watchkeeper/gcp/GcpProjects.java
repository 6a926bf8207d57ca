package io.watchkeeper.gcp;

import com.google.cloud.resourcemanager.v3.Folder;
import com.google.cloud.resourcemanager.v3.Project;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Projects under an organisation or a folder, for account discovery: Resource Manager v3
 * {@code folders.list} and {@code projects.list} (paged) walked down the tree from the starting
 * node, breadth first, at most {@value #MAX_FOLDERS} folders and {@value #MAX_DEPTH} levels deep.
 */
public final class GcpProjects {

    static final int MAX_FOLDERS = 2_000;
    static final int MAX_DEPTH = 10;

    private GcpProjects() {}

    /** One active project found. */
    public record Found(String projectId, String displayName, String parent) {}

    /**
     * Active projects under {@code organizations/<organizationId>} or, when {@code folderId} is set,
     * under {@code folders/<folderId>}, reached with {@code credentialsRef} (null: ADC).
     */
    public static List<Found> under(GcpSessionFactory factory, String organizationId, String folderId,
                                    String credentialsRef) {
        if (organizationId == null || !organizationId.matches("\\d{1,20}")) {
            throw new InvalidInputException("invalid organization id '" + organizationId + "': digits expected");
        }
        if (folderId != null && !folderId.matches("\\d{1,20}")) {
            throw new InvalidInputException("invalid folder id '" + folderId + "': digits expected");
        }
        String root = folderId == null ? "organizations/" + organizationId : "folders/" + folderId;
        Account hub = new Account(0, Provider.GCP, "discovery", root, new AccountAccess(null, null, credentialsRef),
                List.of(), null, true, false);
        try (GcpSession session = factory.openUnproved(hub)) {
            List<Found> found = new ArrayList<>();
            Deque<String[]> parents = new ArrayDeque<>();
            parents.add(new String[] {root, "0"});
            int folders = 0;
            while (!parents.isEmpty()) {
                String[] next = parents.poll();
                String parent = next[0];
                int depth = Integer.parseInt(next[1]);
                for (Project p : session.projects().listProjects(parent).iterateAll()) {
                    if (p.getState() == Project.State.ACTIVE) {
                        found.add(new Found(p.getProjectId(), p.getDisplayName(), parent));
                    }
                }
                if (depth >= MAX_DEPTH) {
                    continue;
                }
                for (Folder f : session.folders().listFolders(parent).iterateAll()) {
                    if (++folders > MAX_FOLDERS) {
                        throw new InvalidInputException("more than " + MAX_FOLDERS + " folders under " + root
                                + ": start from a folder (--folder)");
                    }
                    if (f.getState() == Folder.State.ACTIVE) {
                        parents.add(new String[] {f.getName(), String.valueOf(depth + 1)});
                    }
                }
            }
            return found;
        } catch (RuntimeException e) {
            throw GcpErrors.translate("listing the projects under " + root, e);
        }
    }

    /** A valid Watchkeeper account name for a project: its id (project ids are already valid names). */
    public static String safeName(Found project) {
        return project.projectId().toLowerCase(Locale.ROOT);
    }
}
