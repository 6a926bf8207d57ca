package io.watchkeeper.benchmarks;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.GcpTestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A deterministic GCP organisation served by the watchers' {@link GcpTestServer}: organisation
 * {@value #ORG} ({@value #DOMAIN}) with N projects, half directly under it and half in one folder, each
 * holding the per-project counts of {@link Sizes} (a mid-sized production project). Every item the
 * product watches is generated here; {@link #mutate} changes a durable field of exactly
 * {@code round(fraction x mutable items)} of them.
 */
final class GcpBenchOrg {

    static final String ORG = "333333333333";
    static final String DOMAIN = "bench.example";
    static final String FOLDER = "444444444444";
    private static final String G = "https://www.googleapis.com/compute/v1/projects/";
    private static final String[] REGIONS = {"us-central1", "us-east1", "europe-west1", "europe-west4", "asia-east1",
            "asia-northeast1", "us-west1", "southamerica-east1"};

    /**
     * Per-project counts. {@code kmsLocations} is how many locations KMS reports ({@code locations.list}
     * answers every location Cloud KMS offers, about 40 today); key rings live in two of them.
     */
    record Sizes(int projects, int services, int serviceAccounts, int firewalls, int networks, int subnetworks,
                 int addresses, int instances, int buckets, int keyRings, int keysPerRing, int kmsLocations,
                 int sqlInstances, int sinks, int metrics, int alertPolicies, int datasets, int dnsZones, int apiKeys,
                 int runServices, int functions, int tablesPerDataset) {

        /** One project in this many has the Dataproc API enabled and one cluster (the others: one call, nothing). */
        static final int DATAPROC_EVERY = 4;

        static Sizes defaults(int projects, int kmsLocations) {
            return new Sizes(projects, 20, 10, 12, 2, 16, 3, 15, 8, 2, 3, kmsLocations, 2, 3, 8, 8, 4, 2, 3, 3, 2, 3);
        }

        /**
         * Items per project: the project, its IAM policy, the organisation policy, the organisation's contacts, the
         * Access Approval settings and every resource (a boot disk per instance and one regional disk).
         */
        int perProject() {
            return 5 + serviceAccounts + firewalls + networks + subnetworks + addresses + instances + buckets
                    + keyRings * keysPerRing + sqlInstances + sinks + metrics + alertPolicies + datasets + dnsZones
                    + apiKeys + runServices + functions + instances + 1 + datasets * tablesPerDataset;
        }

        /** Every item: the odd-numbered projects sit in the folder and also have its policy; some have a cluster. */
        long total() {
            return (long) projects * perProject() + projects / 2 + (projects + DATAPROC_EVERY - 1) / DATAPROC_EVERY;
        }
    }

    /** An item the benchmark may change: where it is served and how a durable field moves. */
    record Mutable(String type, String collection, String key, Consumer<ObjectNode> change) {}

    private final Sizes sizes;
    private final GcpTestServer server;
    private final List<Mutable> mutable = new ArrayList<>();

    GcpBenchOrg(Sizes sizes, GcpTestServer server) {
        this.sizes = sizes;
        this.server = server;
        server.pageSize(1000);
        organisation();
        for (int p = 0; p < sizes.projects(); p++) {
            project(p);
        }
    }

    Sizes sizes() {
        return sizes;
    }

    static String projectId(int p) {
        return String.format(Locale.ROOT, "bench-%05d", p);
    }

    private static String number(int p) {
        return String.valueOf(500_000_000_000L + p);
    }

    /**
     * Changes {@code round(fraction x mutable items)} distinct items chosen by {@code seed} (a label,
     * description, filter, flag or notification channel: fields the product records) and returns the
     * count per type.
     */
    Map<String, Integer> mutate(double fraction, long seed) {
        int count = (int) Math.round(fraction * mutable.size());
        List<Mutable> pool = new ArrayList<>(mutable);
        java.util.Collections.shuffle(pool, new Random(seed));
        Map<String, Integer> changed = new TreeMap<>();
        for (Mutable m : pool.subList(0, count)) {
            if (m.collection().startsWith("GET ")) {
                server.modifyDocument(m.collection(), m.change());
            } else {
                server.modify(m.collection(), m.key(), m.change());
            }
            changed.merge(m.type(), 1, Integer::sum);
        }
        return changed;
    }

    // ---- the world ----

    private void organisation() {
        server.document("GET /v3/organizations/" + ORG, json(Map.of("name", "organizations/" + ORG, "displayName", DOMAIN,
                "state", "ACTIVE", "directoryCustomerId", "C0bench")));
        server.document("POST /v3/organizations/" + ORG + ":getIamPolicy", Json.parse("""
                {"version": 1, "etag": "BwWKmjvelug=", "bindings": [
                  {"role": "roles/resourcemanager.organizationAdmin", "members": ["group:gcp-admins@bench.example"]},
                  {"role": "roles/billing.user", "members": ["domain:bench.example"]}],
                 "auditConfigs": [{"service": "allServices", "auditLogConfigs": [{"logType": "ADMIN_READ"}, {"logType": "DATA_WRITE"}]}]}"""));
        String contacts = "/v1/organizations/" + ORG + "/contacts";
        server.collection(contacts, "contacts");
        String[][] people = {{"security", "SECURITY,TECHNICAL"}, {"legal", "LEGAL,SUSPENSION"}, {"billing", "BILLING"}};
        for (int i = 0; i < people.length; i++) {
            ObjectNode c = json(Map.of("name", "organizations/" + ORG + "/contacts/" + (100 + i), "email",
                    people[i][0] + "@" + DOMAIN, "languageTag", "en", "validationState", "VALID",
                    "validateTime", "2026-06-01T00:00:00Z"));
            ArrayNode categories = c.putArray("notificationCategorySubscriptions");
            for (String category : people[i][1].split(",")) {
                categories.add(category);
            }
            server.put(contacts, String.valueOf(100 + i), c);
        }
        server.document("GET /v3/folders/" + FOLDER, json(Map.of("name", "folders/" + FOLDER, "parent", "organizations/" + ORG,
                "displayName", "workloads", "state", "ACTIVE")));
        server.document("POST /v3/folders/" + FOLDER + ":getIamPolicy", Json.parse("""
                {"version": 1, "etag": "BwF1", "bindings": [{"role": "roles/viewer", "members": ["group:workload-readers@bench.example"]}],
                 "auditConfigs": [{"service": "allServices", "auditLogConfigs": [{"logType": "DATA_READ"}]}]}"""));
    }

    private void project(int p) {
        String id = projectId(p);
        String parent = p % 2 == 0 ? "organizations/" + ORG : "folders/" + FOLDER;
        server.document("GET /v3/projects/" + id, json(Map.of("name", "projects/" + number(p), "projectId", id,
                "displayName", id, "state", "ACTIVE", "parent", parent, "createTime", "2023-01-01T00:00:00Z")));
        ObjectNode policy = (ObjectNode) Json.parse("""
                {"version": 1, "etag": "BwWKmjvelug=", "bindings": [
                  {"role": "roles/owner", "members": ["group:gcp-admins@bench.example"]},
                  {"role": "roles/viewer", "members": ["group:engineers@bench.example", "user:auditor@partner.example"]},
                  {"role": "roles/editor", "members": ["serviceAccount:%s-compute@developer.gserviceaccount.com"]}]}"""
                .formatted(number(p)));
        server.document("POST /v3/projects/" + id + ":getIamPolicy", policy);
        services(p, id);
        server.document("GET /compute/v1/projects/" + id, Json.parse("""
                {"kind": "compute#project", "name": "%s", "defaultServiceAccount": "%s-compute@developer.gserviceaccount.com",
                 "commonInstanceMetadata": {"fingerprint": "fp=", "items": [{"key": "enable-oslogin", "value": "TRUE"}]}}"""
                .formatted(id, number(p))));
        serviceAccounts(p, id);
        network(p, id);
        instances(p, id);
        buckets(p, id);
        kms(p, id);
        sql(p, id);
        logging(p, id);
        bigquery(p, id);
        dns(p, id);
        apiKeys(p, id);
        serverless(p, id);
        GcpBenchProtection.project(server, mutable, p, id, number(p), sizes);
    }

    private void services(int p, String id) {
        String c = "/v1/projects/" + id + "/services";
        server.collection(c, "services");
        String[] apis = {"compute", "storage", "cloudkms", "sqladmin", "logging", "monitoring", "bigquery", "dns",
                "apikeys", "run", "cloudfunctions", "iam", "cloudresourcemanager", "serviceusage", "pubsub",
                "container", "artifactregistry", "secretmanager", "cloudbuild", "oslogin"};
        for (int i = 0; i < sizes.services(); i++) {
            String api = (i < apis.length ? apis[i] : "api" + i) + ".googleapis.com";
            server.put(c, api, json(Map.of("name", "projects/" + number(p) + "/services/" + api, "state", "ENABLED",
                    "parent", "projects/" + number(p), "config", Map.of("name", api))));
        }
    }

    private void serviceAccounts(int p, String id) {
        String c = "/v1/projects/" + id + "/serviceAccounts";
        server.collection(c, "accounts");
        for (int i = 0; i < sizes.serviceAccounts(); i++) {
            String email = "sa-" + i + "@" + id + ".iam.gserviceaccount.com";
            server.put(c, email, json(Map.of("name", "projects/" + id + "/serviceAccounts/" + email, "email", email,
                    "uniqueId", "1" + number(p) + i, "displayName", "service " + i, "description", "v0")));
            server.collection(c + "/" + email + "/keys", "keys");
            if (i % 3 == 0) {
                server.put(c + "/" + email + "/keys", json(Map.of("name", "projects/" + id + "/serviceAccounts/" + email
                        + "/keys/k" + i, "keyType", "USER_MANAGED", "keyAlgorithm", "KEY_ALG_RSA_2048", "keyOrigin",
                        "GOOGLE_PROVIDED", "validAfterTime", "2026-01-01T00:00:00Z", "validBeforeTime", "9999-12-31T23:59:59Z")));
            }
            if (i % 5 == 0) {
                server.document("POST /v1/projects/" + id + "/serviceAccounts/" + email + ":getIamPolicy", Json.parse("""
                        {"version": 1, "etag": "BwWKmjvelug=", "bindings": [{"role": "roles/iam.serviceAccountUser",
                          "members": ["group:engineers@bench.example"]}]}"""));
            }
            mutable.add(new Mutable("gcp.iam.service-account", c, email, n -> n.put("description", "v1")));
        }
    }

    private void network(int p, String id) {
        String fw = "/compute/v1/projects/" + id + "/global/firewalls";
        String nets = "/compute/v1/projects/" + id + "/global/networks";
        server.collection(fw, "items");
        server.collection(nets, "items");
        for (int i = 0; i < sizes.networks(); i++) {
            String name = i == 0 ? "default" : "vpc-" + i;
            server.put(nets, name, json(Map.of("id", "7" + number(p) + i, "name", name, "description", "v0",
                    "autoCreateSubnetworks", i == 0, "routingConfig", Map.of("routingMode", "REGIONAL"),
                    "creationTimestamp", "2023-01-01T00:00:00.000-07:00")));
            mutable.add(new Mutable("gcp.compute.network", nets, name, n -> n.put("description", "v1")));
        }
        for (int i = 0; i < sizes.firewalls(); i++) {
            String name = "fw-" + i;
            ObjectNode rule = json(Map.of("id", "8" + number(p) + i, "name", name, "description", "v0",
                    "network", G + id + "/global/networks/default", "priority", 1000 + i, "direction", "INGRESS",
                    "disabled", false, "creationTimestamp", "2023-01-01T00:00:00.000-07:00"));
            rule.putArray("sourceRanges").add(i == 0 ? "0.0.0.0/0" : "10." + i + ".0.0/16");
            ObjectNode allowed = rule.putArray("allowed").addObject();
            allowed.put("IPProtocol", "tcp");
            allowed.putArray("ports").add(i == 0 ? "22" : String.valueOf(8000 + i));
            server.put(fw, name, rule);
            mutable.add(new Mutable("gcp.compute.firewall", fw, name, n -> n.put("description", "v1")));
        }
        for (int i = 0; i < sizes.subnetworks(); i++) {
            String region = REGIONS[i % REGIONS.length];
            String c = "/compute/v1/projects/" + id + "/regions/" + region + "/subnetworks";
            String name = "subnet-" + i;
            ObjectNode s = json(Map.of("id", "9" + number(p) + i, "name", name, "region", G + id + "/regions/" + region,
                    "network", G + id + "/global/networks/default", "ipCidrRange", "10." + (100 + i) + ".0.0/20",
                    "privateIpGoogleAccess", false, "purpose", "PRIVATE", "stackType", "IPV4_ONLY",
                    "creationTimestamp", "2023-01-01T00:00:00.000-07:00"));
            if (i % 2 == 0) {
                s.set("logConfig", json(Map.of("enable", true, "aggregationInterval", "INTERVAL_5_SEC",
                        "flowSampling", 0.5, "metadata", "INCLUDE_ALL_METADATA")));
            }
            server.put(c, name, s);
            mutable.add(new Mutable("gcp.compute.subnetwork", c, name, n -> n.put("privateIpGoogleAccess", true)));
        }
        for (int i = 0; i < sizes.addresses(); i++) {
            String region = REGIONS[i % REGIONS.length];
            String c = "/compute/v1/projects/" + id + "/regions/" + region + "/addresses";
            String name = "ip-" + i;
            server.put(c, name, json(Map.of("id", "6" + number(p) + i, "name", name, "address", "34.1." + (p % 250) + "." + i,
                    "addressType", "EXTERNAL", "networkTier", "PREMIUM", "status", "RESERVED", "region",
                    G + id + "/regions/" + region, "creationTimestamp", "2023-01-01T00:00:00.000-07:00",
                    "labels", Map.of("v", "0"))));
            mutable.add(new Mutable("gcp.compute.address", c, name, n -> ((ObjectNode) n.get("labels")).put("v", "1")));
        }
    }

    private void instances(int p, String id) {
        for (int i = 0; i < sizes.instances(); i++) {
            String zone = REGIONS[i % 3] + "-" + (char) ('a' + i % 2);
            String c = "/compute/v1/projects/" + id + "/zones/" + zone + "/instances";
            String name = "vm-" + i;
            ObjectNode vm = (ObjectNode) Json.parse("""
                    {"id": "%s", "name": "%s", "zone": "%szones/%s", "machineType": "%szones/%s/machineTypes/e2-standard-4",
                     "status": "RUNNING", "canIpForward": false, "deletionProtection": false,
                     "serviceAccounts": [{"email": "sa-1@%s.iam.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}],
                     "networkInterfaces": [{"name": "nic0", "network": "%sglobal/networks/default",
                       "subnetwork": "%sregions/%s/subnetworks/subnet-0", "networkIP": "10.100.0.%d"%s}],
                     "metadata": {"fingerprint": "m=", "items": [{"key": "enable-oslogin", "value": "TRUE"}]},
                     "shieldedInstanceConfig": {"enableSecureBoot": %s, "enableVtpm": true, "enableIntegrityMonitoring": true},
                     "tags": {"items": ["web"]}, "labels": {"v": "0"},
                     "creationTimestamp": "2024-01-01T00:00:00.000-07:00", "lastStartTimestamp": "2026-12-01T00:00:00.000-07:00"}"""
                    .formatted("5" + number(p) + i, name, G + id + "/", zone, G + id + "/", zone, id, G + id + "/", G + id + "/",
                            REGIONS[i % 3], i + 2, i % 4 == 0 ? ", \"accessConfigs\": [{\"type\": \"ONE_TO_ONE_NAT\", "
                                    + "\"networkTier\": \"PREMIUM\", \"natIP\": \"35.0.0." + i + "\"}]" : "", i % 2 == 0));
            server.put(c, name, vm);
            mutable.add(new Mutable("gcp.compute.instance", c, name, n -> ((ObjectNode) n.get("labels")).put("v", "1")));
        }
    }

    private void buckets(int p, String id) {
        String c = "/storage/v1/b?project=" + id;
        server.collection(c, "items");
        for (int i = 0; i < sizes.buckets(); i++) {
            String name = id + "-data-" + i;
            ObjectNode b = (ObjectNode) Json.parse("""
                    {"kind": "storage#bucket", "id": "%s", "name": "%s", "location": "EU", "locationType": "multi-region",
                     "storageClass": "STANDARD", "timeCreated": "2023-01-01T00:00:00.000Z", "updated": "2023-01-02T00:00:00.000Z",
                     "iamConfiguration": {"uniformBucketLevelAccess": {"enabled": %s}, "publicAccessPrevention": "%s"},
                     "versioning": {"enabled": true}, "labels": {"v": "0"}}"""
                    .formatted(name, name, i % 4 != 0, i % 4 == 0 ? "inherited" : "enforced"));
            server.put(c, name, b);
            if (i % 4 == 0) {
                server.document("GET /storage/v1/b/" + name + "/iam", Json.parse("""
                        {"version": 1, "etag": "CAE=", "resourceId": "projects/_/buckets/%s", "bindings": [
                          {"role": "roles/storage.objectViewer", "members": ["group:engineers@bench.example"]}]}""".formatted(name)));
            }
            mutable.add(new Mutable("gcp.storage.bucket", c, name, n -> ((ObjectNode) n.get("labels")).put("v", "1")));
        }
    }

    private void kms(int p, String id) {
        String locations = "/v1/projects/" + id + "/locations";
        server.collection(locations, "locations");
        for (int l = 0; l < sizes.kmsLocations(); l++) {
            String location = l < REGIONS.length ? REGIONS[l] : "location-" + l;
            server.put(locations, location, json(Map.of("name", "projects/" + id + "/locations/" + location,
                    "locationId", location)));
            server.collection(locations + "/" + location + "/keyRings", "keyRings");
        }
        for (int r = 0; r < sizes.keyRings(); r++) {
            String location = REGIONS[r % Math.min(REGIONS.length, Math.max(1, sizes.kmsLocations()))];
            String rings = locations + "/" + location + "/keyRings";
            String ring = "ring-" + r;
            server.put(rings, ring, json(Map.of("name", "projects/" + id + "/locations/" + location + "/keyRings/" + ring,
                    "createTime", "2023-01-01T00:00:00Z")));
            String keys = rings + "/" + ring + "/cryptoKeys";
            server.collection(keys, "cryptoKeys");
            for (int k = 0; k < sizes.keysPerRing(); k++) {
                String key = "key-" + k;
                String name = "projects/" + id + "/locations/" + location + "/keyRings/" + ring + "/cryptoKeys/" + key;
                ObjectNode node = (ObjectNode) Json.parse("""
                        {"name": "%s", "purpose": "ENCRYPT_DECRYPT", "createTime": "2023-01-01T00:00:00Z",
                         "primary": {"name": "%s/cryptoKeyVersions/1", "state": "ENABLED"},
                         "versionTemplate": {"protectionLevel": "SOFTWARE", "algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION"},
                         "labels": {"v": "0"}}""".formatted(name, name));
                if (k % 2 == 0) {
                    node.put("rotationPeriod", "7776000s");
                    node.put("nextRotationTime", "2027-01-01T00:00:00Z");
                }
                server.put(keys, key, node);
                mutable.add(new Mutable("gcp.kms.crypto-key", keys, key, n -> ((ObjectNode) n.get("labels")).put("v", "1")));
            }
        }
    }

    private void sql(int p, String id) {
        String c = "/v1/projects/" + id + "/instances";
        server.collection(c, "items");
        for (int i = 0; i < sizes.sqlInstances(); i++) {
            String name = "db-" + i;
            server.put(c, name, (ObjectNode) Json.parse("""
                    {"name": "%s", "databaseVersion": "%s", "region": "europe-west1", "instanceType": "CLOUD_SQL_INSTANCE",
                     "state": "RUNNABLE", "createTime": "2023-03-01T00:00:00Z",
                     "ipAddresses": [{"type": "PRIVATE", "ipAddress": "10.50.0.%d"}],
                     "settings": {"tier": "db-custom-2-7680", "activationPolicy": "ALWAYS", "availabilityType": "REGIONAL",
                       "ipConfiguration": {"ipv4Enabled": false, "privateNetwork": "projects/%s/global/networks/default",
                         "sslMode": "ENCRYPTED_ONLY", "requireSsl": true},
                       "backupConfiguration": {"enabled": true, "pointInTimeRecoveryEnabled": true},
                       "databaseFlags": [{"name": "log_connections", "value": "on"}],
                       "deletionProtectionEnabled": true, "userLabels": {"v": "0"}}}"""
                    .formatted(name, i % 2 == 0 ? "POSTGRES_16" : "MYSQL_8_0", i + 2, id)));
            mutable.add(new Mutable("gcp.sql.instance", c, name,
                    n -> ((ObjectNode) n.get("settings").get("userLabels")).put("v", "1")));
        }
    }

    private void logging(int p, String id) {
        String sinks = "/v2/projects/" + id + "/sinks";
        String metrics = "/v2/projects/" + id + "/metrics";
        String alerts = "/v3/projects/" + id + "/alertPolicies";
        server.collection(sinks, "sinks");
        server.collection(metrics, "metrics");
        server.collection(alerts, "alertPolicies");
        for (int i = 0; i < sizes.sinks(); i++) {
            String name = i == 0 ? "_Required" : i == 1 ? "_Default" : "export-" + i;
            server.put(sinks, name, json(Map.of("name", name, "destination",
                    "logging.googleapis.com/projects/" + id + "/locations/global/buckets/" + name, "filter",
                    i == 0 ? "LOG_ID(\"cloudaudit.googleapis.com/activity\")" : "severity>=DEFAULT",
                    "createTime", "2023-01-01T00:00:00Z", "updateTime", "2023-01-01T00:00:00Z")));
            mutable.add(new Mutable("gcp.logging.sink", sinks, name, n -> n.put("filter", "severity>=INFO")));
        }
        for (int i = 0; i < sizes.metrics(); i++) {
            String name = "metric-" + i;
            server.put(metrics, name, json(Map.of("name", name, "description", "v0", "filter",
                    "protoPayload.methodName=\"SetIamPolicy\" AND n=" + i, "metricDescriptor",
                    Map.of("metricKind", "DELTA", "valueType", "INT64"), "createTime", "2023-01-01T00:00:00Z",
                    "updateTime", "2023-01-01T00:00:00Z")));
            mutable.add(new Mutable("gcp.logging.metric", metrics, name, n -> n.put("description", "v1")));
        }
        for (int i = 0; i < sizes.alertPolicies(); i++) {
            String name = "projects/" + id + "/alertPolicies/" + (1000 + i);
            ObjectNode a = (ObjectNode) Json.parse("""
                    {"name": "%s", "displayName": "alert %d", "enabled": true, "combiner": "OR",
                     "conditions": [{"name": "%s/conditions/1", "displayName": "c",
                       "conditionThreshold": {"filter": "metric.type=\\"logging.googleapis.com/user/metric-%d\\"",
                         "comparison": "COMPARISON_GT", "thresholdValue": 0, "duration": "0s"}}],
                     "notificationChannels": ["projects/%s/notificationChannels/1"]}""".formatted(name, i, name, i, id));
            server.put(alerts, String.valueOf(1000 + i), a);
            mutable.add(new Mutable("gcp.monitoring.alert-policy", alerts, String.valueOf(1000 + i),
                    n -> ((ArrayNode) n.get("notificationChannels")).add("projects/" + id + "/notificationChannels/2")));
        }
    }

    private void bigquery(int p, String id) {
        String c = "/bigquery/v2/projects/" + id + "/datasets";
        server.collection(c, "datasets");
        for (int i = 0; i < sizes.datasets(); i++) {
            String ds = "dataset_" + i;
            server.put(c, ds, json(Map.of("kind", "bigquery#dataset", "id", id + ":" + ds,
                    "datasetReference", Map.of("datasetId", ds, "projectId", id), "location", "EU")));
            String get = "GET " + c + "/" + ds;
            server.document(get, Json.parse("""
                    {"kind": "bigquery#dataset", "id": "%s:%s", "datasetReference": {"datasetId": "%s", "projectId": "%s"},
                     "location": "EU", "creationTime": "1672531200000", "lastModifiedTime": "1672617600000", "etag": "e1",
                     "access": [{"role": "OWNER", "specialGroup": "projectOwners"},
                       {"role": "READER", "groupByEmail": "analysts@bench.example"}],
                     "labels": {"v": "0"}}""".formatted(id, ds, ds, id)));
            mutable.add(new Mutable("gcp.bigquery.dataset", get, ds, n -> ((ObjectNode) n.get("labels")).put("v", "1")));
        }
    }

    private void dns(int p, String id) {
        String zones = "/dns/v1/projects/" + id + "/managedZones";
        server.collection(zones, "managedZones");
        server.collection("/dns/v1/projects/" + id + "/policies", "policies");
        for (int i = 0; i < sizes.dnsZones(); i++) {
            String name = "zone-" + i;
            server.put(zones, name, (ObjectNode) Json.parse("""
                    {"name": "%s", "dnsName": "z%d.%s.bench.example.", "description": "v0", "visibility": "public", "id": "%d",
                     "creationTime": "2023-01-01T00:00:00.000Z",
                     "dnssecConfig": {"state": "on", "nonExistence": "nsec3", "defaultKeySpecs": [
                       {"keyType": "keySigning", "algorithm": "rsasha256", "keyLength": 2048},
                       {"keyType": "zoneSigning", "algorithm": "rsasha256", "keyLength": 1024}]},
                     "cloudLoggingConfig": {"enableLogging": true}}""".formatted(name, i, id, i + 1)));
            mutable.add(new Mutable("gcp.dns.managed-zone", zones, name, n -> n.put("description", "v1")));
        }
    }

    private void apiKeys(int p, String id) {
        String c = "/v2/projects/" + id + "/locations/global/keys";
        server.collection(c, "keys");
        for (int i = 0; i < sizes.apiKeys(); i++) {
            String uid = "key-" + i;
            ObjectNode k = json(Map.of("name", "projects/" + number(p) + "/locations/global/keys/" + uid, "uid", uid,
                    "displayName", "key " + i, "createTime", "2026-10-01T00:00:00Z", "updateTime", "2026-10-02T00:00:00Z",
                    "etag", "W/1"));
            if (i > 0) {
                k.set("restrictions", Json.parse("{\"apiTargets\": [{\"service\": \"maps-backend.googleapis.com\"}]}"));
            }
            server.put(c, uid, k);
            mutable.add(new Mutable("gcp.apikeys.key", c, uid, n -> n.set("restrictions",
                    Json.parse("{\"apiTargets\": [{\"service\": \"translate.googleapis.com\"}]}"))));
        }
    }

    private void serverless(int p, String id) {
        String run = "/v2/projects/" + id + "/locations/-/services";
        String fns = "/v2/projects/" + id + "/locations/-/functions";
        server.collection(run, "services");
        server.collection(fns, "functions");
        for (int i = 0; i < sizes.runServices(); i++) {
            String name = "projects/" + id + "/locations/" + REGIONS[i % 3] + "/services/svc-" + i;
            server.put(run, "svc-" + i, (ObjectNode) Json.parse("""
                    {"name": "%s", "uid": "u%d", "uri": "https://svc-%d-%s.a.run.app", "ingress": "INGRESS_TRAFFIC_INTERNAL_ONLY",
                     "template": {"serviceAccount": "sa-2@%s.iam.gserviceaccount.com"}, "labels": {"v": "0"},
                     "createTime": "2024-01-01T00:00:00Z", "updateTime": "2024-02-01T00:00:00Z", "etag": "\\"e\\""}"""
                    .formatted(name, i, i, id, id)));
            mutable.add(new Mutable("gcp.run.service", run, "svc-" + i, n -> ((ObjectNode) n.get("labels")).put("v", "1")));
        }
        for (int i = 0; i < sizes.functions(); i++) {
            String name = "projects/" + id + "/locations/" + REGIONS[i % 3] + "/functions/fn-" + i;
            server.put(fns, "fn-" + i, (ObjectNode) Json.parse("""
                    {"name": "%s", "environment": "GEN_2", "state": "ACTIVE", "buildConfig": {"runtime": "python312"},
                     "serviceConfig": {"serviceAccountEmail": "sa-3@%s.iam.gserviceaccount.com", "ingressSettings": "ALLOW_INTERNAL_ONLY",
                       "uri": "https://fn-%d-%s.a.run.app"}, "labels": {"v": "0"}, "updateTime": "2024-03-01T00:00:00Z"}"""
                    .formatted(name, id, i, id)));
            mutable.add(new Mutable("gcp.functions.function", fns, "fn-" + i, n -> ((ObjectNode) n.get("labels")).put("v", "1")));
        }
    }

    private static ObjectNode json(Map<String, ?> fields) {
        return (ObjectNode) Json.mapper().valueToTree(new LinkedHashMap<>(fields));
    }
}
