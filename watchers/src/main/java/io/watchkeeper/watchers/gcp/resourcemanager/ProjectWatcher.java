package io.watchkeeper.watchers.gcp.resourcemanager;

import com.google.api.serviceusage.v1.ListServicesRequest;
import com.google.api.serviceusage.v1.Service;
import com.google.auto.service.AutoService;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.resourcemanager.v3.Project;
import io.watchkeeper.core.config.gcp.GcpProjectConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project: Resource Manager settings, the enabled APIs (Service Usage, paged) and, when Compute
 * Engine is enabled, its common instance metadata (three calls and the service pages).
 */
@AutoService(Watcher.class)
public final class ProjectWatcher extends GcpWatcher<GcpProjectConfig> {

    public ProjectWatcher() {
        super("gcp.project", GcpProjectConfig.class, "resourcemanager.projects.get", "serviceusage.services.list",
                "compute.projects.get");
    }

    @Override
    protected List<Observation<GcpProjectConfig>> observe(GcpSession gcp) {
        String id = gcp.projectId();
        Project project = gcp.projects().getProject("projects/" + id);
        List<String> services = new ArrayList<>();
        for (Service s : Pages.all(gcp.serviceUsage().listServices(ListServicesRequest.newBuilder()
                .setParent("projects/" + id).setFilter("state:ENABLED").setPageSize(200).build()).getPage())) {
            services.add(s.getConfig().getName().isEmpty() ? GcpNames.last(s.getName()) : s.getConfig().getName());
        }
        Map<String, String> metadata = new TreeMap<>();
        String defaultServiceAccount = null;
        if (services.contains("compute.googleapis.com")) {
            var compute = gcp.computeProjects().get(id);
            defaultServiceAccount = GcpNames.blankToNull(compute.getDefaultServiceAccount());
            for (Items item : compute.getCommonInstanceMetadata().getItemsList()) {
                metadata.put(item.getKey(), item.getValue());
            }
        }
        String sshKeys = metadata.getOrDefault("ssh-keys", "") + "\n" + metadata.getOrDefault("sshKeys", "");
        var config = new GcpProjectConfig(project.getProjectId(), GcpNames.last(project.getName()),
                project.getDisplayName(), project.getState().name(), project.getParent(),
                GcpNames.labels(project.getLabelsMap()), GcpNames.time(project.getCreateTime()), defaultServiceAccount,
                metadata.get("enable-oslogin"), metadata.get("enable-oslogin-2fa"), metadata.get("block-project-ssh-keys"),
                metadata.get("serial-port-enable"), List.copyOf(metadata.keySet()), SshKeys.parse(sshKeys),
                GcpNames.sorted(services));
        return List.of(observed(GcpNames.fullName("cloudresourcemanager", "projects/" + id), id, null, config));
    }
}
