package io.watchkeeper.watchers.gcp.bigquery;

import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.DatasetList;
import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpBigQueryDatasetConfig;
import io.watchkeeper.core.config.gcp.GcpBigQueryDatasetConfig.Access;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** BigQuery datasets (paged list) with their access entries ({@code datasets.get} each: the list does not carry them). */
@AutoService(Watcher.class)
public final class DatasetWatcher extends GcpWatcher<GcpBigQueryDatasetConfig> {

    private static final Comparator<Access> ORDER = Comparator.comparing(Access::entityType)
            .thenComparing(a -> String.valueOf(a.entity())).thenComparing(a -> String.valueOf(a.role()));

    public DatasetWatcher() {
        super("gcp.bigquery.dataset", GcpBigQueryDatasetConfig.class, "bigquery.datasets.get");
    }

    @Override
    protected List<Observation<GcpBigQueryDatasetConfig>> observe(GcpSession gcp) {
        String project = gcp.projectId();
        List<DatasetList.Datasets> listed = Pages.all(token -> {
            DatasetList page = GcpSession.call(() -> gcp.bigquery().datasets().list(project).setAll(true)
                    .setMaxResults(1000L).setPageToken(token).execute());
            return new Pages.Page<>(page.getDatasets(), page.getNextPageToken());
        });
        return describeEach(listed, d -> resourceId(project, id(d)), DatasetWatcher::id, d -> {
            Dataset ds = GcpSession.call(() -> gcp.bigquery().datasets().get(project, id(d)).execute());
            var config = new GcpBigQueryDatasetConfig(id(d), ds.getLocation(),
                    ds.getAccess() == null ? List.of() : ds.getAccess().stream().map(DatasetWatcher::access).sorted(ORDER).toList(),
                    ds.getDefaultEncryptionConfiguration() == null ? null : ds.getDefaultEncryptionConfiguration().getKmsKeyName(),
                    ds.getDefaultTableExpirationMs(), GcpNames.labels(ds.getLabels()), GcpNames.millis(ds.getCreationTime()),
                    GcpNames.millis(ds.getLastModifiedTime()));
            return observed(resourceId(project, id(d)), id(d),
                    ds.getLocation() == null ? null : ds.getLocation().toLowerCase(Locale.ROOT), config);
        });
    }

    private static String id(DatasetList.Datasets d) {
        return d.getDatasetReference().getDatasetId();
    }

    private static String resourceId(String project, String dataset) {
        return GcpNames.fullName("bigquery", "projects/" + project + "/datasets/" + dataset);
    }

    private static Access access(Dataset.Access a) {
        String role = a.getRole();
        if (a.getUserByEmail() != null) {
            return new Access(role, "userByEmail", a.getUserByEmail());
        }
        if (a.getGroupByEmail() != null) {
            return new Access(role, "groupByEmail", a.getGroupByEmail());
        }
        if (a.getDomain() != null) {
            return new Access(role, "domain", a.getDomain());
        }
        if (a.getSpecialGroup() != null) {
            return new Access(role, "specialGroup", a.getSpecialGroup());
        }
        if (a.getIamMember() != null) {
            return new Access(role, "iamMember", a.getIamMember());
        }
        if (a.getView() != null) {
            var v = a.getView();
            return new Access(role, "view", v.getProjectId() + "." + v.getDatasetId() + "." + v.getTableId());
        }
        if (a.getRoutine() != null) {
            var r = a.getRoutine();
            return new Access(role, "routine", r.getProjectId() + "." + r.getDatasetId() + "." + r.getRoutineId());
        }
        if (a.getDataset() != null && a.getDataset().getDataset() != null) {
            var d = a.getDataset().getDataset();
            return new Access(role, "dataset", d.getProjectId() + "." + d.getDatasetId());
        }
        return new Access(role, "other", null);
    }
}
