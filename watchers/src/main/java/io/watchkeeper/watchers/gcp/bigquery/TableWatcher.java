package io.watchkeeper.watchers.gcp.bigquery;

import com.google.api.services.bigquery.model.DatasetList;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableList;
import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpBigQueryTableConfig;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.Fanout;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * BigQuery tables of every dataset: datasets (paged), tables per dataset (paged, in parallel within the project's
 * call cap), then one {@code tables.get} per table that holds BigQuery storage (TABLE, MATERIALIZED_VIEW,
 * SNAPSHOT) because {@code tables.list} carries no encryption. Views and external tables are recorded from the list.
 * The per-table calls are bounded: at most {@value #MAX_DESCRIBED} a project and watch, in dataset and table
 * order; the tables past the bound are reported unreadable (their stored history is kept, nothing is marked
 * deleted) so a project with tens of thousands of tables cannot spend the watch on them.
 */
@AutoService(Watcher.class)
public final class TableWatcher extends GcpWatcher<GcpBigQueryTableConfig> {

    /** The most {@code tables.get} calls one project's watch makes. */
    public static final int MAX_DESCRIBED = 1000;

    /** Table types whose data BigQuery stores (and encrypts); the others carry no encryption of their own. */
    static final Set<String> STORED = Set.of("TABLE", "MATERIALIZED_VIEW", "SNAPSHOT");

    public TableWatcher() {
        super("gcp.bigquery.table", GcpBigQueryTableConfig.class, "bigquery.datasets.get", "bigquery.tables.list",
                "bigquery.tables.get");
    }

    @Override
    protected List<Observation<GcpBigQueryTableConfig>> observe(GcpSession gcp) {
        String project = gcp.projectId();
        List<String> datasets = Pages.all(token -> {
            DatasetList page = GcpSession.call(() -> gcp.bigquery().datasets().list(project).setAll(true)
                    .setMaxResults(1000L).setPageToken(token).execute());
            return new Pages.Page<>(page.getDatasets(), page.getNextPageToken());
        }).stream().map(d -> d.getDatasetReference().getDatasetId()).sorted().toList();
        List<TableList.Tables> tables = Fanout.map(datasets, dataset -> Pages.all(token -> {
            TableList page = GcpSession.call(() -> gcp.bigquery().tables().list(project, dataset).setMaxResults(1000L)
                    .setPageToken(token).execute());
            return new Pages.Page<>(page.getTables(), page.getNextPageToken());
        })).stream().flatMap(List::stream)
                .sorted(Comparator.comparing((TableList.Tables t) -> t.getTableReference().getDatasetId())
                        .thenComparing(t -> t.getTableReference().getTableId())).toList();
        List<TableList.Tables> toDescribe = new ArrayList<>();
        List<Observation<GcpBigQueryTableConfig>> out = new ArrayList<>();
        for (TableList.Tables t : tables) {
            if (!STORED.contains(String.valueOf(t.getType()))) {
                out.add(observed(resourceId(project, t), name(t), null, listed(t)));
            } else if (toDescribe.size() < MAX_DESCRIBED) {
                toDescribe.add(t);
            } else {
                out.add(new Observation.Unreadable<>(resourceId(project, t), name(t), ErrorCategory.THROTTLED,
                        "not described: the project has more than " + MAX_DESCRIBED
                                + " BigQuery tables holding data (Watchkeeper's bound on tables.get calls per watch)"));
            }
        }
        out.addAll(describeEach(toDescribe, t -> resourceId(project, t), TableWatcher::name, t -> {
            var ref = t.getTableReference();
            Table full = GcpSession.call(() -> gcp.bigquery().tables().get(project, ref.getDatasetId(), ref.getTableId())
                    .execute());
            var config = new GcpBigQueryTableConfig(ref.getDatasetId(), ref.getTableId(), full.getType(), full.getLocation(),
                    true, full.getEncryptionConfiguration() == null ? null
                            : GcpNames.blankToNull(full.getEncryptionConfiguration().getKmsKeyName()),
                    GcpNames.labels(full.getLabels()), GcpNames.millis(full.getCreationTime()),
                    GcpNames.millis(full.getExpirationTime()),
                    full.getLastModifiedTime() == null ? null : GcpNames.millis(full.getLastModifiedTime().longValue()));
            return observed(resourceId(project, t), name(t),
                    full.getLocation() == null ? null : full.getLocation().toLowerCase(Locale.ROOT), config);
        }));
        return out;
    }

    private static GcpBigQueryTableConfig listed(TableList.Tables t) {
        var ref = t.getTableReference();
        return new GcpBigQueryTableConfig(ref.getDatasetId(), ref.getTableId(), t.getType(), null, false, null,
                GcpNames.labels(t.getLabels()), GcpNames.millis(t.getCreationTime()), GcpNames.millis(t.getExpirationTime()),
                null);
    }

    private static String name(TableList.Tables t) {
        return t.getTableReference().getDatasetId() + "." + t.getTableReference().getTableId();
    }

    private static String resourceId(String project, TableList.Tables t) {
        return GcpNames.fullName("bigquery", "projects/" + project + "/datasets/" + t.getTableReference().getDatasetId()
                + "/tables/" + t.getTableReference().getTableId());
    }
}
