package io.watchkeeper.watchers.gcp.accessapproval;

import com.google.auto.service.AutoService;
import com.google.cloud.accessapproval.v1.AccessApprovalSettings;
import com.google.cloud.accessapproval.v1.GetAccessApprovalSettingsMessage;
import io.watchkeeper.core.config.gcp.GcpAccessApprovalConfig;
import io.watchkeeper.core.config.gcp.GcpAccessApprovalConfig.EnrolledService;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpErrors;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import java.util.Comparator;
import java.util.List;

/**
 * The project's Access Approval settings: one {@code projects.getAccessApprovalSettings}. A project that never had
 * settings may answer 404: that is recorded as "nothing enrolled", not as a failure. Enrolment inherited from a
 * folder or the organisation shows as {@code enrolledAncestor}.
 */
@AutoService(Watcher.class)
public final class AccessApprovalWatcher extends GcpWatcher<GcpAccessApprovalConfig> {

    public AccessApprovalWatcher() {
        super("gcp.project.access-approval", GcpAccessApprovalConfig.class, "accessapproval.settings.get");
    }

    @Override
    protected List<Observation<GcpAccessApprovalConfig>> observe(GcpSession gcp) {
        String name = "projects/" + gcp.projectId() + "/accessApprovalSettings";
        AccessApprovalSettings settings;
        try {
            settings = gcp.accessApproval().getAccessApprovalSettings(
                    GetAccessApprovalSettingsMessage.newBuilder().setName(name).build());
        } catch (RuntimeException e) {
            if (GcpErrors.category(e) != ErrorCategory.NOT_FOUND) {
                throw e;
            }
            settings = AccessApprovalSettings.getDefaultInstance();
        }
        var config = new GcpAccessApprovalConfig(
                settings.getEnrolledServicesList().stream()
                        .map(s -> new EnrolledService(s.getCloudProduct(), s.getEnrollmentLevel().name()))
                        .sorted(Comparator.comparing(EnrolledService::cloudProduct)).toList(),
                settings.getEnrolledAncestor(), GcpNames.sorted(settings.getNotificationEmailsList()),
                GcpNames.blankToNull(settings.getActiveKeyVersion()), settings.getAncestorHasActiveKeyVersion(),
                settings.getInvalidKeyVersion());
        return List.of(observed(GcpNames.fullName("accessapproval", name), gcp.projectId(), null, config));
    }
}
