package io.watchkeeper.benchmarks;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.GcpTestServer;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of a {@link GcpBenchOrg} project about what is encrypted and who approves access: a boot disk per
 * instance and one regional disk (CMEK), tables per dataset (two tables, then views), Access Approval settings, and
 * in one project of {@value GcpBenchOrg.Sizes#DATAPROC_EVERY} the Dataproc API with one cluster (the regions list
 * it needs is served for every project).
 */
final class GcpBenchProtection {

    private static final String G = "https://www.googleapis.com/compute/v1/projects/";
    private static final String[] REGIONS = {"us-central1", "us-east1", "europe-west1", "europe-west4", "asia-east1",
            "asia-northeast1", "us-west1", "southamerica-east1"};

    private GcpBenchProtection() {}

    static void project(GcpTestServer server, List<GcpBenchOrg.Mutable> mutable, int p, String id, String number,
                        GcpBenchOrg.Sizes sizes) {
        disks(server, mutable, id, number, sizes);
        tables(server, mutable, id, sizes);
        String settings = "GET /v1/projects/" + id + "/accessApprovalSettings";
        server.document(settings, Json.parse("""
                {"name": "projects/%s/accessApprovalSettings", "notificationEmails": ["security@bench.example"],
                 "enrolledServices": [{"cloudProduct": "all", "enrollmentLevel": "BLOCK_ALL"}], "enrolledAncestor": false}"""
                .formatted(number)));
        mutable.add(new GcpBenchOrg.Mutable("gcp.project.access-approval", settings, id,
                n -> n.putArray("notificationEmails").add("security@bench.example").add("oncall@bench.example")));
        String regions = "/compute/v1/projects/" + id + "/regions";
        server.collection(regions, "items");
        for (String region : REGIONS) {
            server.put(regions, region, (ObjectNode) Json.parse("""
                    {"kind": "compute#region", "name": "%s", "status": "UP"}""".formatted(region)));
            server.collection("/v1/projects/" + id + "/regions/" + region + "/clusters", "clusters");
        }
        if (p % GcpBenchOrg.Sizes.DATAPROC_EVERY == 0) {
            server.put("/v1/projects/" + id + "/services", "dataproc.googleapis.com", (ObjectNode) Json.parse("""
                    {"name": "projects/%s/services/dataproc.googleapis.com", "state": "ENABLED", "parent": "projects/%s",
                     "config": {"name": "dataproc.googleapis.com"}}""".formatted(number, number)));
            String clusters = "/v1/projects/" + id + "/regions/europe-west1/clusters";
            server.put(clusters, "etl", (ObjectNode) Json.parse("""
                    {"projectId": "%s", "clusterName": "etl", "clusterUuid": "uuid-%s",
                     "config": {"gceClusterConfig": {"internalIpOnly": true, "serviceAccount": "sa-4@%s.iam.gserviceaccount.com"},
                       "softwareConfig": {"imageVersion": "2.2.10-debian12"},
                       "encryptionConfig": {"gcePdKmsKeyName": "projects/%s/locations/europe-west1/keyRings/ring-0/cryptoKeys/key-0"}},
                     "labels": {"goog-dataproc-cluster-name": "etl", "v": "0"},
                     "status": {"state": "RUNNING", "stateStartTime": "2026-11-30T10:00:00.000Z"}}""".formatted(id, id, id, id)));
            mutable.add(new GcpBenchOrg.Mutable("gcp.dataproc.cluster", clusters, "etl",
                    n -> ((ObjectNode) n.get("labels")).put("v", "1")));
        }
    }

    private static void disks(GcpTestServer server, List<GcpBenchOrg.Mutable> mutable, String id, String number,
                              GcpBenchOrg.Sizes sizes) {
        for (int i = 0; i < sizes.instances(); i++) {
            String zone = REGIONS[i % 3] + "-" + (char) ('a' + i % 2);
            String c = "/compute/v1/projects/" + id + "/zones/" + zone + "/disks";
            String name = "vm-" + i;
            server.put(c, name, (ObjectNode) Json.parse("""
                    {"kind": "compute#disk", "id": "4%s%d", "name": "%s", "sizeGb": "50", "status": "READY",
                     "zone": "%s%s/zones/%s", "type": "%s%s/zones/%s/diskTypes/pd-balanced",
                     "sourceImage": "https://www.googleapis.com/compute/v1/projects/debian-cloud/global/images/debian-12-bookworm-v20240110",
                     "users": ["%s%s/zones/%s/instances/%s"], "labels": {"v": "0"%s},
                     "creationTimestamp": "2024-01-01T00:00:00.000-07:00", "lastAttachTimestamp": "2024-01-01T00:00:00.000-07:00"}"""
                    .formatted(number, i, name, G, id, zone, G, id, zone, G, id, zone, name,
                            i % 5 == 0 ? ", \"watchkeeper-critical\": \"true\"" : "")));
            mutable.add(new GcpBenchOrg.Mutable("gcp.compute.disk", c, name, n -> ((ObjectNode) n.get("labels")).put("v", "1")));
        }
        String regional = "/compute/v1/projects/" + id + "/regions/europe-west1/disks";
        server.put(regional, "shared", (ObjectNode) Json.parse("""
                {"kind": "compute#disk", "id": "3%s", "name": "shared", "sizeGb": "200", "status": "READY",
                 "region": "%s%s/regions/europe-west1", "type": "%s%s/regions/europe-west1/diskTypes/pd-balanced",
                 "diskEncryptionKey": {"kmsKeyName": "projects/%s/locations/europe-west1/keyRings/ring-0/cryptoKeys/key-0/cryptoKeyVersions/1"},
                 "labels": {"v": "0"}, "creationTimestamp": "2024-01-01T00:00:00.000-07:00"}"""
                .formatted(number, G, id, G, id, id)));
        mutable.add(new GcpBenchOrg.Mutable("gcp.compute.disk", regional, "shared", n -> ((ObjectNode) n.get("labels")).put("v", "1")));
    }

    private static void tables(GcpTestServer server, List<GcpBenchOrg.Mutable> mutable, String id, GcpBenchOrg.Sizes sizes) {
        for (int d = 0; d < sizes.datasets(); d++) {
            String ds = "dataset_" + d;
            String c = "/bigquery/v2/projects/" + id + "/datasets/" + ds + "/tables";
            server.collection(c, "tables");
            for (int t = 0; t < sizes.tablesPerDataset(); t++) {
                String table = "t" + t;
                String type = t < 2 ? "TABLE" : "VIEW";
                String listed = """
                        {"kind": "bigquery#table", "id": "%s:%s.%s", "type": "%s",
                         "tableReference": {"projectId": "%s", "datasetId": "%s", "tableId": "%s"},
                         "labels": {"v": "0"}, "creationTime": "1672531200000"}""".formatted(id, ds, table, type, id, ds, table);
                server.put(c, table, (ObjectNode) Json.parse(listed));
                if (type.equals("TABLE")) {
                    ObjectNode full = (ObjectNode) Json.parse(listed);
                    full.put("location", "EU");
                    full.put("lastModifiedTime", "1672617600000");
                    if (t == 0) {
                        full.putObject("encryptionConfiguration").put("kmsKeyName",
                                "projects/" + id + "/locations/eu/keyRings/ring-0/cryptoKeys/key-0");
                    }
                    String get = "GET " + c + "/" + table;
                    server.document(get, full);
                    mutable.add(new GcpBenchOrg.Mutable("gcp.bigquery.table", get, table,
                            n -> ((ObjectNode) n.get("labels")).put("v", "1")));
                }
            }
        }
    }
}
