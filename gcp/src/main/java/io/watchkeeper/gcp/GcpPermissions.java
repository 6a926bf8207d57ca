package io.watchkeeper.gcp;

import com.google.iam.v1.TestIamPermissionsRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of the permissions the watchers need the session's credential lacks on its project:
 * Resource Manager {@code projects.testIamPermissions}, 100 permissions per call.
 */
public final class GcpPermissions {

    private GcpPermissions() {}

    /** The permissions in {@code needed} that the caller does not hold on the project, sorted. */
    public static List<String> missing(GcpSession session, Set<String> needed) {
        List<String> wanted = new ArrayList<>(new TreeSet<>(needed));
        Set<String> granted = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += 100) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + 100));
            try {
                granted.addAll(session.projects().testIamPermissions(TestIamPermissionsRequest.newBuilder()
                        .setResource("projects/" + session.projectId()).addAllPermissions(chunk).build())
                        .getPermissionsList());
            } catch (RuntimeException e) {
                throw GcpErrors.translate("testing permissions on project " + session.projectId(), e);
            }
        }
        return wanted.stream().filter(p -> !granted.contains(p)).toList();
    }
}
