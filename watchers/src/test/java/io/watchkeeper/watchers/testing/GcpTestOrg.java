package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The synthetic organisation the GCP test server serves: organisation {@value #ORG} ({@value #DOMAIN})
 * with project {@value #PROJECT} (directly under it; mostly recorded Cloud Custodian responses, see
 * {@code src/test/resources/gcp/recorded}), project {@value #DEV} (in folder {@value #FOLDER}, a few
 * synthetic resources) and project {@value #EMPTY} (nothing in it). {@link #secondState} changes it the
 * way a day of work would: modified, deleted and created resources, for history tests. Contacts, Access Approval,
 * disks, BigQuery tables and Dataproc clusters are in {@link GcpTestOrgProtection}.
 */
public final class GcpTestOrg {

    public static final String ORG = "111111111111";
    public static final String DOMAIN = "custodian.com";
    public static final String FOLDER = "222222222222";
    public static final String PROJECT = "cloud-custodian";
    public static final String PROJECT_NUMBER = "365206961407";
    public static final String DEV = "wk-dev";
    public static final String EMPTY = "wk-empty";

    private GcpTestOrg() {}

    /** The list endpoints of a project and the field each answer carries its items in. */
    static final Map<String, String> LISTS = Map.ofEntries(
            Map.entry("/compute/v1/projects/%s/global/firewalls", "items"),
            Map.entry("/compute/v1/projects/%s/global/networks", "items"),
            Map.entry("/storage/v1/b?project=%s", "items"),
            Map.entry("/v1/projects/%s/services", "services"),
            Map.entry("/v1/projects/%s/serviceAccounts", "accounts"),
            Map.entry("/v1/projects/%s/locations", "locations"),
            Map.entry("/v1/projects/%s/instances", "items"),
            Map.entry("/v2/projects/%s/sinks", "sinks"),
            Map.entry("/v2/projects/%s/metrics", "metrics"),
            Map.entry("/v3/projects/%s/alertPolicies", "alertPolicies"),
            Map.entry("/bigquery/v2/projects/%s/datasets", "datasets"),
            Map.entry("/dns/v1/projects/%s/managedZones", "managedZones"),
            Map.entry("/dns/v1/projects/%s/policies", "policies"),
            Map.entry("/v2/projects/%s/locations/global/keys", "keys"),
            Map.entry("/v2/projects/%s/locations/-/services", "services"),
            Map.entry("/v2/projects/%s/locations/-/functions", "functions"));

    public static void populate(GcpTestServer s) {
        organisation(s);
        project(s, PROJECT, PROJECT_NUMBER, "organizations/" + ORG);
        project(s, DEV, "100000000002", "folders/" + FOLDER);
        project(s, EMPTY, "100000000003", "organizations/" + ORG);
        custodian(s);
        dev(s);
        GcpTestOrgProtection.populate(s);
    }

    private static void organisation(GcpTestServer s) {
        JsonNode recorded = recorded("organization-get-resource/get-v1-organizations-111111111111_1.json");
        s.document("GET /v3/organizations/" + ORG, json("""
                {"name": "organizations/%s", "displayName": "%s", "state": "ACTIVE", "directoryCustomerId": "C0abc123"}
                """.formatted(ORG, recorded.path("displayName").asString())));
        ObjectNode policy = (ObjectNode) recorded("organization-iam-policy/post-v1-organizations-111111111111-getIamPolicy_1.json");
        policy.set("auditConfigs", Json.parse("""
                [{"service": "allServices", "auditLogConfigs": [{"logType": "ADMIN_READ"}, {"logType": "DATA_WRITE"}]}]"""));
        s.document("POST /v3/organizations/" + ORG + ":getIamPolicy", policy);
        s.document("GET /v3/folders/" + FOLDER, json("""
                {"name": "folders/%s", "parent": "organizations/%s", "displayName": "dev", "state": "ACTIVE"}
                """.formatted(FOLDER, ORG)));
        // the folder completes the organisation's audit config (DATA_READ) for the projects below it
        s.document("POST /v3/folders/" + FOLDER + ":getIamPolicy", json("""
                {"version": 1, "etag": "BwF1", "bindings": [{"role": "roles/viewer", "members": ["group:devs@custodian.com",
                  "serviceAccount:service-%s@gcp-sa-pubsub.iam.gserviceaccount.com", "serviceAccount:ci@outsider-project.iam.gserviceaccount.com"]}],
                 "auditConfigs": [{"service": "allServices", "auditLogConfigs": [{"logType": "DATA_READ"}]}]}
                """.formatted(PROJECT_NUMBER)));
        s.collection("/v3/projects?parent=organizations/" + ORG, "projects");
        s.collection("/v3/projects?parent=folders/" + FOLDER, "projects");
        s.collection("/v3/folders?parent=organizations/" + ORG, "folders");
        s.collection("/v3/folders?parent=folders/" + FOLDER, "folders");
        s.put("/v3/folders?parent=organizations/" + ORG, FOLDER, (ObjectNode) s.document("GET /v3/folders/" + FOLDER));
    }

    private static void project(GcpTestServer s, String id, String number, String parent) {
        for (var list : LISTS.entrySet()) {
            s.collection(list.getKey().formatted(id), list.getValue());
        }
        ObjectNode project = json("""
                {"name": "projects/%s", "projectId": "%s", "displayName": "%s", "state": "ACTIVE", "parent": "%s",
                 "createTime": "2022-05-17T14:54:05.471Z", "labels": {"env": "%s"}}
                """.formatted(number, id, id, parent, id.equals(DEV) ? "dev" : "prod"));
        s.document("GET /v3/projects/" + id, project);
        s.put("/v3/projects?parent=" + parent, id, project);
        s.document("GET /compute/v1/projects/" + id, json("""
                {"kind": "compute#project", "name": "%s", "commonInstanceMetadata": {"fingerprint": "abc=", "items": []}}
                """.formatted(id)));
        s.put("/v1/projects/" + id + "/locations", json("""
                {"name": "projects/%s/locations/global", "locationId": "global"}""".formatted(id)));
    }

    private static void custodian(GcpTestServer s) {
        String p = PROJECT;
        s.document("POST /v3/projects/" + p + ":getIamPolicy",
                recorded("project-set-iam-policy/post-v1-projects-cloud-custodian-getIamPolicy_1.json"));
        ObjectNode compute = (ObjectNode) recorded("project-compute-meta/get-compute-v1-projects-cloud-custodian_1.json");
        compute.put("defaultServiceAccount", "628364681111-compute@developer.gserviceaccount.com");
        ((tools.jackson.databind.node.ArrayNode) compute.path("commonInstanceMetadata").path("items")).add(json("""
                {"key": "ssh-keys", "value": "alice:ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb0rBtOdc9gC3m6Fpzq2cWzAW6pZ6d5lSbzK8ANk3J+ alice@laptop\\nbob:ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7 google-ssh {\\"userName\\":\\"bob@custodian.com\\",\\"expireOn\\":\\"2030-01-01T00:00:00+0000\\"}"}"""));
        s.document("GET /compute/v1/projects/" + p, compute);
        for (String api : new String[] {"compute.googleapis.com", "storage.googleapis.com", "cloudkms.googleapis.com",
                "sqladmin.googleapis.com", "logging.googleapis.com"}) {
            s.put("/v1/projects/" + p + "/services", api, json("""
                    {"name": "projects/%s/services/%s", "config": {"name": "%s"}, "state": "ENABLED",
                     "parent": "projects/%s"}""".formatted(PROJECT_NUMBER, api, api, PROJECT_NUMBER)));
        }
        // VPC
        String firewalls = "/compute/v1/projects/" + p + "/global/firewalls";
        items(s, firewalls, recorded("firewall-modify/get-compute-v1-projects-cloud-custodian-global-firewalls_1.json"));
        s.put(firewalls, (ObjectNode) recorded("firewall-get/get-compute-v1-projects-cloud-custodian-global-firewalls-allow-inbound-xyz_1.json"));
        s.put(firewalls, json("""
                {"id": "900000000000000001", "name": "default-allow-internal", "network": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/global/networks/default",
                 "priority": 65534, "direction": "INGRESS", "sourceRanges": ["10.128.0.0/9"], "disabled": false,
                 "allowed": [{"IPProtocol": "udp", "ports": ["0-65535"]}, {"IPProtocol": "tcp", "ports": ["0-65535"]}, {"IPProtocol": "icmp"}],
                 "creationTimestamp": "2021-03-17T12:38:59.990-07:00", "logConfig": {"enable": true}}"""));
        String networks = "/compute/v1/projects/" + p + "/global/networks";
        s.put(networks, (ObjectNode) recorded("network-get-resource/get-compute-v1-projects-cloud-custodian-global-networks-default_1.json"));
        s.put(networks, json("""
                {"id": "900000000000000002", "name": "legacy-net", "IPv4Range": "10.240.0.0/16", "gatewayIPv4": "10.240.0.1",
                 "routingConfig": {"routingMode": "REGIONAL"}, "creationTimestamp": "2019-01-01T00:00:00.000-07:00"}"""));
        s.put(networks, json("""
                {"id": "900000000000000003", "name": "prod-vpc", "autoCreateSubnetworks": false, "mtu": 1460,
                 "routingConfig": {"routingMode": "GLOBAL"}, "creationTimestamp": "2022-01-01T00:00:00.000-07:00",
                 "subnetworks": ["https://www.googleapis.com/compute/v1/projects/cloud-custodian/regions/europe-west1/subnetworks/prod-eu"],
                 "peerings": [{"name": "to-shared", "network": "https://www.googleapis.com/compute/v1/projects/shared/global/networks/hub",
                   "state": "ACTIVE", "exportCustomRoutes": true, "importCustomRoutes": false}]}"""));
        aggregated(s, "subnetworks", recorded("subnet-set-flow/get-compute-v1-projects-cloud-custodian-aggregated-subnetworks_1.json"));
        s.put("/compute/v1/projects/" + p + "/regions/us-central1/subnetworks",
                (ObjectNode) recorded("subnet-get-resource/get-compute-v1-projects-cloud-custodian-regions-us-central1-subnetworks-default_1.json"));
        s.put("/compute/v1/projects/" + p + "/regions/europe-west1/subnetworks", json("""
                {"id": "900000000000000004", "name": "prod-eu", "region": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/regions/europe-west1",
                 "network": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/global/networks/prod-vpc",
                 "ipCidrRange": "10.10.0.0/20", "privateIpGoogleAccess": true, "purpose": "PRIVATE", "stackType": "IPV4_ONLY",
                 "secondaryIpRanges": [{"rangeName": "pods", "ipCidrRange": "10.20.0.0/16"}],
                 "logConfig": {"enable": true, "aggregationInterval": "INTERVAL_5_SEC", "flowSampling": 0.5, "metadata": "INCLUDE_ALL_METADATA"},
                 "creationTimestamp": "2022-01-01T00:00:00.000-07:00"}"""));
        s.put("/compute/v1/projects/" + p + "/regions/europe-west1/addresses", json("""
                {"id": "900000000000000006", "name": "web-ip", "address": "34.76.1.2", "addressType": "EXTERNAL",
                 "networkTier": "PREMIUM", "status": "IN_USE", "region": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/regions/europe-west1",
                 "users": ["https://www.googleapis.com/compute/v1/projects/cloud-custodian/zones/europe-west1-b/instances/hardened"],
                 "creationTimestamp": "2022-02-01T00:00:00.000-07:00"}"""));
        s.put("/compute/v1/projects/" + p + "/regions/us-central1/addresses", json("""
                {"id": "900000000000000007", "name": "spare-ip", "address": "35.2.3.4", "addressType": "EXTERNAL",
                 "networkTier": "STANDARD", "status": "RESERVED", "region": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/regions/us-central1",
                 "creationTimestamp": "2022-02-01T00:00:00.000-07:00"}"""));
        s.put("/compute/v1/projects/" + p + "/global/addresses", json("""
                {"id": "900000000000000008", "name": "peering-range", "address": "10.99.0.0", "prefixLength": 16,
                 "addressType": "INTERNAL", "purpose": "VPC_PEERING", "status": "RESERVED",
                 "network": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/global/networks/prod-vpc",
                 "creationTimestamp": "2022-02-01T00:00:00.000-07:00"}"""));
        aggregated(s, "instances", recorded("instance-query/get-compute-v1-projects-cloud-custodian-aggregated-instances_1.json"));
        s.put("/compute/v1/projects/" + p + "/zones/europe-west1-b/instances", json("""
                {"id": "900000000000000005", "name": "hardened", "zone": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/zones/europe-west1-b",
                 "machineType": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/zones/europe-west1-b/machineTypes/e2-small",
                 "status": "RUNNING", "canIpForward": false, "deletionProtection": true,
                 "serviceAccounts": [{"email": "app@cloud-custodian.iam.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/logging.write"]}],
                 "networkInterfaces": [{"name": "nic0", "network": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/global/networks/prod-vpc",
                   "subnetwork": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/regions/europe-west1/subnetworks/prod-eu", "networkIP": "10.10.0.2"}],
                 "metadata": {"fingerprint": "x1=", "items": [{"key": "block-project-ssh-keys", "value": "true"}, {"key": "enable-oslogin", "value": "TRUE"},
                   {"key": "startup-script", "value": "echo secret-ish"}]},
                 "shieldedInstanceConfig": {"enableSecureBoot": true, "enableVtpm": true, "enableIntegrityMonitoring": true},
                 "tags": {"items": ["web"]}, "labels": {"team": "web"},
                 "creationTimestamp": "2022-02-01T00:00:00.000-07:00", "lastStartTimestamp": "2026-12-01T00:00:00.000-07:00"}"""));
        // storage
        String buckets = "/storage/v1/b?project=" + p;
        items(s, buckets, recorded("bucket-iam-policy/get-storage-v1-b_1.json"));
        s.put(buckets, json("""
                {"kind": "storage#bucket", "id": "wk-logs", "name": "wk-logs", "location": "EU", "locationType": "multi-region",
                 "storageClass": "STANDARD", "timeCreated": "2023-01-01T00:00:00.000Z", "updated": "2023-01-02T00:00:00.000Z",
                 "iamConfiguration": {"uniformBucketLevelAccess": {"enabled": true}, "publicAccessPrevention": "enforced"},
                 "retentionPolicy": {"retentionPeriod": "31536000", "isLocked": true, "effectiveTime": "2023-01-01T00:00:00.000Z"},
                 "versioning": {"enabled": true}, "logging": {"logBucket": "wk-access-logs", "logObjectPrefix": "wk-logs/"},
                 "encryption": {"defaultKmsKeyName": "projects/cloud-custodian/locations/europe/keyRings/logs/cryptoKeys/logs"},
                 "labels": {"purpose": "audit"}}"""));
        s.document("GET /storage/v1/b/cloud-custodian-test-1/iam", recorded("bucket-iam-policy/get-storage-v1-b-cloud-custodian-test-1-iam_1.json"));
        s.document("GET /storage/v1/b/cloud-custodian-test-2/iam", recorded("bucket-iam-policy/get-storage-v1-b-cloud-custodian-test-2-iam_1.json"));
        // IAM
        String accounts = "/v1/projects/" + p + "/serviceAccounts";
        items(s, accounts, recorded("iam-service-account-key-query/get-v1-projects-cloud-custodian-serviceAccounts_1.json"));
        String scc = "test-cutodian-scc@cloud-custodian.iam.gserviceaccount.com";
        s.collection(accounts + "/" + scc + "/keys", "keys");
        items(s, accounts + "/" + scc + "/keys", recorded(
                "iam-service-account-key-query/get-v1-projects-cloud-custodian-serviceAccounts-test-cutodian-scc@cloud-custodian.iam.gserviceaccount.com-keys_1.json"));
        s.put(accounts, json("""
                {"name": "projects/cloud-custodian/serviceAccounts/app@cloud-custodian.iam.gserviceaccount.com", "projectId": "cloud-custodian",
                 "uniqueId": "104000000000000000001", "email": "app@cloud-custodian.iam.gserviceaccount.com", "displayName": "app",
                 "etag": "MDEwMjE5MjA=", "oauth2ClientId": "104000000000000000001"}"""));
        s.collection(accounts + "/app@cloud-custodian.iam.gserviceaccount.com/keys", "keys");
        s.document("POST " + accounts + "/app@cloud-custodian.iam.gserviceaccount.com:getIamPolicy", json("""
                {"version": 1, "etag": "BwX1", "bindings": [{"role": "roles/iam.serviceAccountTokenCreator", "members": ["user:dev@custodian.com"]}]}"""));
        // KMS
        String locations = "/v1/projects/" + p + "/locations";
        s.put(locations, json("""
                {"name": "projects/cloud-custodian/locations/us-central1", "locationId": "us-central1"}"""));
        s.put(locations, json("""
                {"name": "projects/cloud-custodian/locations/europe-west1", "locationId": "europe-west1"}"""));
        String rings = locations + "/us-central1/keyRings";
        s.collection(rings, "keyRings");
        s.collection(locations + "/europe-west1/keyRings", "keyRings");
        s.collection(locations + "/global/keyRings", "keyRings");
        JsonNode recordedRings = recorded("kms-cryptokey-label/get-v1-projects-cloud-custodian-locations-us-central1-keyRings_1.json");
        for (JsonNode ring : recordedRings.path("keyRings")) {
            s.put(rings, (ObjectNode) ring);
            s.collection(rings + "/" + last(ring.path("name").asString()) + "/cryptoKeys", "cryptoKeys");
        }
        items(s, rings + "/c7n-kr-002c1dda/cryptoKeys",
                recorded("kms-cryptokey-label/get-v1-projects-cloud-custodian-locations-us-central1-keyRings-c7n-kr-002c1dda-cryptoKeys_1.json"));
        s.put(rings, json("""
                {"name": "projects/cloud-custodian/locations/us-central1/keyRings/custodian-test-keyring", "createTime": "2020-01-01T00:00:00Z"}"""));
        s.collection(rings + "/custodian-test-keyring/cryptoKeys", "cryptoKeys");
        s.put(rings + "/custodian-test-keyring/cryptoKeys", json("""
                {"name": "projects/cloud-custodian/locations/us-central1/keyRings/custodian-test-keyring/cryptoKeys/shared",
                 "purpose": "ENCRYPT_DECRYPT", "createTime": "2020-01-01T00:00:00Z", "rotationPeriod": "7776000s",
                 "nextRotationTime": "2027-01-01T00:00:00Z",
                 "primary": {"name": "projects/cloud-custodian/locations/us-central1/keyRings/custodian-test-keyring/cryptoKeys/shared/cryptoKeyVersions/3", "state": "ENABLED"},
                 "versionTemplate": {"protectionLevel": "HSM", "algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION"}}"""));
        s.document("GET " + rings + "/custodian-test-keyring:getIamPolicy", recorded(
                "kms-keyring-filter-iam/get-v1-projects-cloud-custodian-locations-us-central1-keyRings-custodian-test-keyring-getIamPolicy_1.json"));
        // Cloud SQL (the v1 API; the recordings are v1beta4, same DatabaseInstance JSON)
        String sql = "/v1/projects/" + p + "/instances";
        items(s, sql, recorded("sqlinstance-query/get-sql-v1beta4-projects-cloud-custodian-instances_1.json"));
        s.put(sql, (ObjectNode) recorded("sqlsslcert-get/get-sql-v1beta4-projects-cloud-custodian-instances-custodian-postgres_1.json"));
        s.put(sql, json("""
                {"name": "wk-mysql", "databaseVersion": "MYSQL_8_0", "region": "europe-west1", "instanceType": "CLOUD_SQL_INSTANCE",
                 "state": "RUNNABLE", "createTime": "2023-03-01T00:00:00Z",
                 "ipAddresses": [{"type": "PRIMARY", "ipAddress": "34.1.2.3"}],
                 "settings": {"tier": "db-f1-micro", "activationPolicy": "ALWAYS", "availabilityType": "ZONAL",
                   "ipConfiguration": {"ipv4Enabled": true, "requireSsl": false, "sslMode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED",
                     "authorizedNetworks": [{"value": "0.0.0.0/0", "name": "anywhere"}, {"value": "203.0.113.0/24", "name": "office"}]},
                   "backupConfiguration": {"enabled": false, "binaryLogEnabled": false},
                   "databaseFlags": [{"name": "local_infile", "value": "on"}, {"name": "skip_show_database", "value": "off"}],
                   "deletionProtectionEnabled": false, "userLabels": {"team": "data"}}}"""));
        // logging, monitoring
        s.put("/v2/projects/" + p + "/sinks", json("""
                {"name": "_Required", "destination": "logging.googleapis.com/projects/cloud-custodian/locations/global/buckets/_Required",
                 "filter": "LOG_ID(\\"cloudaudit.googleapis.com/activity\\")", "createTime": "2022-05-17T14:54:05Z", "updateTime": "2022-05-17T14:54:05Z"}"""));
        s.put("/v2/projects/" + p + "/sinks", json("""
                {"name": "audit-archive", "destination": "storage.googleapis.com/wk-logs", "filter": "",
                 "writerIdentity": "serviceAccount:service-365206961407@gcp-sa-logging.iam.gserviceaccount.com",
                 "exclusions": [{"name": "no-debug", "filter": "severity<INFO"}],
                 "createTime": "2023-01-01T00:00:00Z", "updateTime": "2023-01-05T00:00:00Z"}"""));
        s.put("/v2/projects/" + p + "/metrics", json("""
                {"name": "project-ownership-changes", "description": "CIS 2.4",
                 "filter": "(protoPayload.serviceName=\\"cloudresourcemanager.googleapis.com\\") AND (ProjectOwnership OR projectOwnerInvitee)",
                 "metricDescriptor": {"metricKind": "DELTA", "valueType": "INT64"},
                 "createTime": "2023-01-01T00:00:00Z", "updateTime": "2023-01-01T00:00:00Z"}"""));
        s.put("/v3/projects/" + p + "/alertPolicies", json("""
                {"name": "projects/cloud-custodian/alertPolicies/1234", "displayName": "Ownership changes", "enabled": true, "combiner": "OR",
                 "conditions": [{"name": "projects/cloud-custodian/alertPolicies/1234/conditions/1", "displayName": "ownership changed",
                   "conditionThreshold": {"filter": "metric.type=\\"logging.googleapis.com/user/project-ownership-changes\\"",
                     "comparison": "COMPARISON_GT", "thresholdValue": 0, "duration": "0s"}}],
                 "notificationChannels": ["projects/cloud-custodian/notificationChannels/55"]}"""));
        // BigQuery: the list carries no access entries, datasets.get does
        s.put("/bigquery/v2/projects/" + p + "/datasets", "analytics", json("""
                {"kind": "bigquery#dataset", "id": "cloud-custodian:analytics",
                 "datasetReference": {"datasetId": "analytics", "projectId": "cloud-custodian"}, "location": "EU"}"""));
        s.document("GET /bigquery/v2/projects/" + p + "/datasets/analytics", json("""
                {"kind": "bigquery#dataset", "id": "cloud-custodian:analytics",
                 "datasetReference": {"datasetId": "analytics", "projectId": "cloud-custodian"}, "location": "EU",
                 "creationTime": "1672531200000", "lastModifiedTime": "1672617600000", "etag": "e1",
                 "access": [{"role": "OWNER", "specialGroup": "projectOwners"}, {"role": "READER", "specialGroup": "allAuthenticatedUsers"},
                   {"role": "WRITER", "userByEmail": "etl@cloud-custodian.iam.gserviceaccount.com"}],
                 "defaultEncryptionConfiguration": {"kmsKeyName": "projects/cloud-custodian/locations/eu/keyRings/bq/cryptoKeys/bq"},
                 "labels": {"team": "data"}}"""));
        // DNS
        s.put("/dns/v1/projects/" + p + "/managedZones", json("""
                {"name": "example-com", "dnsName": "example.com.", "description": "public", "visibility": "public", "id": "1",
                 "creationTime": "2023-01-01T00:00:00.000Z",
                 "dnssecConfig": {"state": "on", "nonExistence": "nsec3", "defaultKeySpecs": [
                   {"keyType": "keySigning", "algorithm": "rsasha256", "keyLength": 2048},
                   {"keyType": "zoneSigning", "algorithm": "rsasha1", "keyLength": 1024}]},
                 "cloudLoggingConfig": {"enableLogging": false}}"""));
        s.put("/dns/v1/projects/" + p + "/managedZones", json("""
                {"name": "internal", "dnsName": "internal.example.com.", "visibility": "private", "id": "2",
                 "creationTime": "2023-01-01T00:00:00.000Z",
                 "privateVisibilityConfig": {"networks": [{"networkUrl": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/global/networks/default"}]}}"""));
        s.put("/dns/v1/projects/" + p + "/policies", json("""
                {"name": "default-logging", "id": "7", "enableLogging": true,
                 "networks": [{"networkUrl": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/global/networks/default"}]}"""));
        // API keys, Cloud Run, Cloud Functions
        String keys = "/v2/projects/" + p + "/locations/global/keys";
        s.put(keys, json("""
                {"name": "projects/365206961407/locations/global/keys/k-legacy", "uid": "k-legacy", "displayName": "legacy",
                 "createTime": "2021-01-01T00:00:00Z", "updateTime": "2021-01-01T00:00:00Z", "etag": "W/1"}"""));
        s.put(keys, json("""
                {"name": "projects/365206961407/locations/global/keys/k-maps", "uid": "k-maps", "displayName": "maps",
                 "createTime": "2026-10-01T00:00:00Z", "updateTime": "2026-10-02T00:00:00Z", "etag": "W/2",
                 "restrictions": {"browserKeyRestrictions": {"allowedReferrers": ["https://www.custodian.com/*"]},
                   "apiTargets": [{"service": "maps-backend.googleapis.com"}]}}"""));
        s.put("/v2/projects/" + p + "/locations/-/services", json("""
                {"name": "projects/cloud-custodian/locations/us-central1/services/hello", "uid": "u1",
                 "uri": "https://hello-abc-uc.a.run.app", "ingress": "INGRESS_TRAFFIC_ALL",
                 "template": {"serviceAccount": "app@cloud-custodian.iam.gserviceaccount.com"},
                 "createTime": "2024-01-01T00:00:00Z", "updateTime": "2024-02-01T00:00:00Z", "etag": "\\"abc\\""}"""));
        s.document("GET /v2/projects/" + p + "/locations/us-central1/services/hello:getIamPolicy", json("""
                {"version": 1, "etag": "BwY1", "bindings": [{"role": "roles/run.invoker", "members": ["allUsers"]}]}"""));
        s.put("/v2/projects/" + p + "/locations/-/functions", json("""
                {"name": "projects/cloud-custodian/locations/europe-west1/functions/thumbnail", "environment": "GEN_2", "state": "ACTIVE",
                 "buildConfig": {"runtime": "python312"},
                 "serviceConfig": {"serviceAccountEmail": "app@cloud-custodian.iam.gserviceaccount.com", "ingressSettings": "ALLOW_INTERNAL_ONLY",
                   "uri": "https://thumbnail-abc-ew.a.run.app"},
                 "updateTime": "2024-03-01T00:00:00Z"}"""));
        s.document("GET /v2/projects/" + p + "/locations/europe-west1/functions/thumbnail:getIamPolicy", json("""
                {"version": 1, "etag": "BwY2", "bindings": [{"role": "roles/cloudfunctions.invoker", "members": ["serviceAccount:app@cloud-custodian.iam.gserviceaccount.com"]}]}"""));
    }

    private static void dev(GcpTestServer s) {
        s.document("POST /v3/projects/" + DEV + ":getIamPolicy", json("""
                {"version": 1, "etag": "BwD1", "bindings": [{"role": "roles/editor", "members": ["user:dev@custodian.com"]}]}"""));
        s.put("/compute/v1/projects/" + DEV + "/global/networks", json("""
                {"id": "800000000000000001", "name": "dev-vpc", "autoCreateSubnetworks": false, "routingConfig": {"routingMode": "REGIONAL"},
                 "creationTimestamp": "2024-01-01T00:00:00.000-07:00"}"""));
        s.put("/compute/v1/projects/" + DEV + "/global/firewalls", json("""
                {"id": "800000000000000002", "name": "dev-allow-rdp", "network": "https://www.googleapis.com/compute/v1/projects/wk-dev/global/networks/dev-vpc",
                 "priority": 1000, "direction": "INGRESS", "sourceRanges": ["0.0.0.0/0"], "allowed": [{"IPProtocol": "tcp", "ports": ["3389"]}],
                 "disabled": false, "creationTimestamp": "2024-01-01T00:00:00.000-07:00"}"""));
        s.put("/storage/v1/b?project=" + DEV, json("""
                {"kind": "storage#bucket", "id": "wk-dev-scratch", "name": "wk-dev-scratch", "location": "US", "locationType": "multi-region",
                 "storageClass": "STANDARD", "timeCreated": "2024-01-01T00:00:00.000Z", "updated": "2024-01-01T00:00:00.000Z",
                 "iamConfiguration": {"uniformBucketLevelAccess": {"enabled": false}, "publicAccessPrevention": "inherited"},
                 "acl": [{"entity": "allUsers", "role": "READER"}, {"entity": "project-owners-100000000002", "role": "OWNER"}]}"""));
    }

    /**
     * The next day: in {@value #PROJECT} the firewall rule {@code test} is opened to the world, the
     * bucket {@code cloud-custodian-test-2} is deleted, a network {@code staging-vpc} is created;
     * ephemeral values move (an instance restarted: new external IP and start time; a bucket's
     * metadata update time; a KMS key rotated).
     */
    public static void secondState(GcpTestServer s) {
        GcpTestOrgProtection.secondState(s);
        String p = PROJECT;
        s.modify("/compute/v1/projects/" + p + "/global/firewalls", "test", f -> {
            f.putArray("sourceRanges").add("0.0.0.0/0");
        });
        s.remove("/storage/v1/b?project=" + p, "cloud-custodian-test-2");
        s.put("/compute/v1/projects/" + p + "/global/networks", json("""
                {"id": "900000000000000009", "name": "staging-vpc", "autoCreateSubnetworks": false,
                 "routingConfig": {"routingMode": "REGIONAL"}, "creationTimestamp": "2026-12-07T00:00:00.000-07:00"}"""));
        s.modify("/compute/v1/projects/" + p + "/zones/us-central1-b/instances", "c7n-jenkins", i -> {
            ((ObjectNode) i.path("networkInterfaces").get(0).path("accessConfigs").get(0)).put("natIP", "35.1.2.3");
            i.put("lastStartTimestamp", "2026-12-07T08:00:00.000-07:00");
        });
        s.modify("/storage/v1/b?project=" + p, "wk-logs", b -> b.put("updated", "2026-12-07T00:00:00.000Z"));
        s.modify("/v1/projects/" + p + "/locations/us-central1/keyRings/custodian-test-keyring/cryptoKeys", "shared", k -> {
            k.put("nextRotationTime", "2027-04-01T00:00:00Z");
            ((ObjectNode) k.path("primary")).put("name",
                    "projects/cloud-custodian/locations/us-central1/keyRings/custodian-test-keyring/cryptoKeys/shared/cryptoKeyVersions/4");
        });
    }

    // ---- helpers ----

    /** The body of a recorded response in {@code src/test/resources/gcp/recorded}. */
    public static JsonNode recorded(String file) {
        try (InputStream in = GcpTestOrg.class.getResourceAsStream("/gcp/recorded/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded response " + file);
            }
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).path("body");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode json(String text) {
        return (ObjectNode) Json.parse(text);
    }

    /** The items of a recorded list answer, into a collection. */
    private static void items(GcpTestServer s, String collection, JsonNode list) {
        for (Iterator<String> fields = list.propertyNames().iterator(); fields.hasNext(); ) {
            JsonNode value = list.get(fields.next());
            if (value.isArray()) {
                value.forEach(item -> s.put(collection, (ObjectNode) item));
            }
        }
    }

    /** A recorded aggregated list, into the zonal or regional collections it was built from. */
    private static void aggregated(GcpTestServer s, String kind, JsonNode list) {
        for (Iterator<String> scopes = list.path("items").propertyNames().iterator(); scopes.hasNext(); ) {
            String scope = scopes.next();
            String path = "/compute/v1/projects/" + PROJECT + "/" + scope + "/" + kind;
            s.collection(path, "items");
            list.path("items").path(scope).path(kind).forEach(item -> s.put(path, (ObjectNode) item));
        }
    }

    private static String last(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
