package io.watchkeeper.watchers.testing;

import static io.watchkeeper.watchers.testing.GcpTestOrg.DEV;
import static io.watchkeeper.watchers.testing.GcpTestOrg.ORG;
import static io.watchkeeper.watchers.testing.GcpTestOrg.PROJECT;
import static io.watchkeeper.watchers.testing.GcpTestOrg.PROJECT_NUMBER;
import static io.watchkeeper.watchers.testing.GcpTestOrg.json;

/**
 * The part of the synthetic organisation about who is told and what is encrypted (CIS 1.16, 2.15, 4.7, 7.2, 8.1),
 * shaped from the public REST references (Cloud Custodian has no recordings of these APIs): the organisation's
 * Essential Contacts, Access Approval settings, persistent disks, BigQuery tables and Dataproc clusters.
 * Each has a clean resource and a look-alike that fails. Backend services (CIS 2.16) are here too.
 */
final class GcpTestOrgProtection {

    private GcpTestOrgProtection() {}

    static final String ZONE_DISKS = "/compute/v1/projects/" + PROJECT + "/zones/%s/disks";

    static void populate(GcpTestServer s) {
        contacts(s);
        accessApproval(s);
        disks(s);
        tables(s);
        clusters(s);
        backendServices(s);
    }

    /** The organisation's contacts: security and technical covered; the legal contact failed validation. */
    private static void contacts(GcpTestServer s) {
        String contacts = "/v1/organizations/" + ORG + "/contacts";
        s.collection(contacts, "contacts");
        s.put(contacts, json("""
                {"name": "organizations/%s/contacts/101", "email": "security@custodian.com",
                 "notificationCategorySubscriptions": ["SECURITY", "TECHNICAL"], "languageTag": "en",
                 "validationState": "VALID", "validateTime": "2026-06-01T00:00:00Z"}""".formatted(ORG)));
        s.put(contacts, json("""
                {"name": "organizations/%s/contacts/102", "email": "legal@custodian.com",
                 "notificationCategorySubscriptions": ["LEGAL", "SUSPENSION"], "languageTag": "en-GB",
                 "validationState": "INVALID", "validateTime": "2024-01-01T00:00:00Z"}""".formatted(ORG)));
        s.put(contacts, json("""
                {"name": "organizations/%s/contacts/103", "email": "billing@custodian.com",
                 "notificationCategorySubscriptions": ["BILLING"], "languageTag": "en",
                 "validationState": "VALID", "validateTime": "2026-06-01T00:00:00Z"}""".formatted(ORG)));
    }

    /** Access Approval: enrolled in the main project; wk-dev answers settings with nothing enrolled; wk-empty 404s. */
    private static void accessApproval(GcpTestServer s) {
        s.document("GET /v1/projects/" + PROJECT + "/accessApprovalSettings", json("""
                {"name": "projects/%s/accessApprovalSettings", "notificationEmails": ["security@custodian.com"],
                 "enrolledServices": [{"cloudProduct": "all", "enrollmentLevel": "BLOCK_ALL"}],
                 "enrolledAncestor": false, "ancestorHasActiveKeyVersion": false, "invalidKeyVersion": false,
                 "preferNoBroadApprovalRequests": true}""".formatted(PROJECT_NUMBER)));
        s.document("GET /v1/projects/" + DEV + "/accessApprovalSettings", json("""
                {"name": "projects/100000000002/accessApprovalSettings", "enrolledAncestor": false}"""));
    }

    /**
     * Disks of the recorded instances (Google-managed keys), a critical disk with a customer-supplied key (clean),
     * a critical one with only a Cloud KMS key (fails 4.7) and a regional CMEK disk nobody marked critical.
     */
    private static void disks(GcpTestServer s) {
        disk(s, "us-central1-b", "c7n-jenkins", "c7n-jenkins", "", "2026-11-01T00:00:00.000-07:00");
        disk(s, "us-central1-b", "drone", "drone", "", null);
        disk(s, "us-east1-b", "custodian-dev", "custodian-dev", "", null);
        disk(s, "europe-west1-b", "hardened", "hardened", """
                , "labels": {"watchkeeper-critical": "true"},
                 "diskEncryptionKey": {"sha256": "nHvsBMDOZTqmy1RbB2NUrjfMc4jRHS2IB0UYK8BNJ3U="}""", null);
        disk(s, "europe-west1-b", "payments-db", "hardened", """
                , "labels": {"watchkeeper-critical": "true", "team": "payments"},
                 "diskEncryptionKey": {"kmsKeyName": "projects/cloud-custodian/locations/europe-west1/keyRings/disks/cryptoKeys/pd/cryptoKeyVersions/1",
                   "kmsKeyServiceAccount": "service-365206961407@compute-system.iam.gserviceaccount.com"}""", null);
        s.put("/compute/v1/projects/" + PROJECT + "/regions/europe-west1/disks", json("""
                {"kind": "compute#disk", "id": "700000000000000010", "name": "shared-data", "sizeGb": "200", "status": "READY",
                 "region": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/regions/europe-west1",
                 "replicaZones": ["https://www.googleapis.com/compute/v1/projects/cloud-custodian/zones/europe-west1-b",
                   "https://www.googleapis.com/compute/v1/projects/cloud-custodian/zones/europe-west1-c"],
                 "type": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/regions/europe-west1/diskTypes/pd-balanced",
                 "diskEncryptionKey": {"kmsKeyName": "projects/cloud-custodian/locations/europe-west1/keyRings/disks/cryptoKeys/pd/cryptoKeyVersions/1"},
                 "creationTimestamp": "2023-05-01T00:00:00.000-07:00", "labelFingerprint": "42WmSpB8rSM="}"""));
    }

    private static void disk(GcpTestServer s, String zone, String name, String user, String extra, String lastAttach) {
        s.put(ZONE_DISKS.formatted(zone), json("""
                {"kind": "compute#disk", "id": "%d", "name": "%s", "sizeGb": "10", "status": "READY",
                 "zone": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/zones/%s",
                 "type": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/zones/%s/diskTypes/pd-balanced",
                 "sourceImage": "https://www.googleapis.com/compute/v1/projects/debian-cloud/global/images/debian-12-bookworm-v20240110",
                 "users": ["https://www.googleapis.com/compute/v1/projects/cloud-custodian/zones/%s/instances/%s"],
                 "creationTimestamp": "2022-02-01T00:00:00.000-07:00", "labelFingerprint": "42WmSpB8rSM=",
                 "physicalBlockSizeBytes": "4096"%s%s}""".formatted(700000000000000000L + Math.abs(name.hashCode() % 1000), name, zone,
                zone, zone, user, lastAttach == null ? "" : ", \"lastAttachTimestamp\": \"" + lastAttach + "\"", extra)));
    }

    /**
     * BigQuery dataset {@code analytics}: a table with a customer-managed key (clean), one with Google's (fails 7.2)
     * and a view (no storage of its own). The list carries no encryption: only {@code tables.get} does.
     */
    private static void tables(GcpTestServer s) {
        String dataset = "/bigquery/v2/projects/" + PROJECT + "/datasets/analytics";
        s.collection(dataset + "/tables", "tables");
        table(s, dataset, "events", "TABLE", """
                , "encryptionConfiguration": {"kmsKeyName": "projects/cloud-custodian/locations/eu/keyRings/bq/cryptoKeys/bq"}""");
        table(s, dataset, "raw_clicks", "TABLE", "");
        table(s, dataset, "daily_summary", "VIEW", """
                , "view": {"query": "SELECT day, COUNT(*) FROM analytics.events GROUP BY day", "useLegacySql": false}""");
    }

    private static void table(GcpTestServer s, String dataset, String id, String type, String extra) {
        String listed = """
                {"kind": "bigquery#table", "id": "cloud-custodian:analytics.%s", "type": "%s",
                 "tableReference": {"projectId": "cloud-custodian", "datasetId": "analytics", "tableId": "%s"},
                 "labels": {"team": "data"}, "creationTime": "1672531200000"}""".formatted(id, type, id);
        s.put(dataset + "/tables", id, json(listed));
        var full = json(listed);
        full.put("etag", "t-" + id);
        full.put("location", "EU");
        full.put("lastModifiedTime", "1672617600000");
        full.put("numBytes", "123456");
        full.setAll(json("{" + (extra.isEmpty() ? "" : extra.substring(extra.indexOf(',') + 1)) + "}"));
        s.document("GET " + dataset + "/tables/" + id, full);
    }

    /** Dataproc: enabled in the main project; one cluster with CMEK disks (clean), one with Google's (fails 8.1). */
    private static void clusters(GcpTestServer s) {
        s.put("/v1/projects/" + PROJECT + "/services", "dataproc.googleapis.com", json("""
                {"name": "projects/%s/services/dataproc.googleapis.com", "config": {"name": "dataproc.googleapis.com"},
                 "state": "ENABLED", "parent": "projects/%s"}""".formatted(PROJECT_NUMBER, PROJECT_NUMBER)));
        String regions = "/compute/v1/projects/" + PROJECT + "/regions";
        for (String region : new String[] {"europe-west1", "us-central1", "us-east1"}) {
            s.put(regions, json("""
                    {"kind": "compute#region", "id": "%d", "name": "%s", "status": "UP",
                     "selfLink": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/regions/%s"}"""
                    .formatted(1000 + region.length(), region, region)));
            s.collection("/v1/projects/" + PROJECT + "/regions/" + region + "/clusters", "clusters");
        }
        s.put("/v1/projects/" + PROJECT + "/regions/us-central1/clusters", "etl", json("""
                {"projectId": "cloud-custodian", "clusterName": "etl", "clusterUuid": "5a7c1f0e-1111-4c6b-9d1e-000000000001",
                 "config": {"configBucket": "dataproc-staging-us-central1-365206961407-abc",
                   "gceClusterConfig": {"zoneUri": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/zones/us-central1-b",
                     "internalIpOnly": true, "serviceAccount": "dataproc@cloud-custodian.iam.gserviceaccount.com"},
                   "softwareConfig": {"imageVersion": "2.2.10-debian12"},
                   "encryptionConfig": {"gcePdKmsKeyName": "projects/cloud-custodian/locations/us-central1/keyRings/c7n-dataproc-kr-8f5962e0/cryptoKeys/pd"}},
                 "labels": {"goog-dataproc-cluster-name": "etl", "goog-dataproc-location": "us-central1", "team": "data"},
                 "status": {"state": "RUNNING", "stateStartTime": "2026-11-30T10:00:00.000Z"}}"""));
        s.put("/v1/projects/" + PROJECT + "/regions/europe-west1/clusters", "adhoc", json("""
                {"projectId": "cloud-custodian", "clusterName": "adhoc", "clusterUuid": "5a7c1f0e-2222-4c6b-9d1e-000000000002",
                 "config": {"configBucket": "dataproc-staging-europe-west1-365206961407-def",
                   "gceClusterConfig": {"zoneUri": "https://www.googleapis.com/compute/v1/projects/cloud-custodian/zones/europe-west1-b"},
                   "softwareConfig": {"imageVersion": "2.1.50-debian11"}},
                 "labels": {"goog-dataproc-cluster-name": "adhoc", "goog-dataproc-location": "europe-west1"},
                 "status": {"state": "RUNNING", "stateStartTime": "2026-12-01T09:00:00.000Z"}}"""));
    }

    /**
     * Backend services (CIS 2.16): a global HTTPS one with request logging on (clean), a global HTTP one of a classic
     * load balancer with logging off (fails), a regional internal HTTPS one of the same name logging with sample rate 0
     * (clean: the control asks for {@code enable}), and an internal TCP one without a log config (not HTTP(S): clean).
     * Three scopes, so the aggregated list takes two pages.
     */
    private static void backendServices(GcpTestServer s) {
        String g = "https://www.googleapis.com/compute/v1/projects/" + PROJECT;
        s.put("/compute/v1/projects/" + PROJECT + "/global/backendServices", json("""
                {"kind": "compute#backendService", "id": "800000000000000001", "name": "web-backend",
                 "selfLink": "%1$s/global/backendServices/web-backend",
                 "backends": [{"group": "%1$s/zones/us-central1-b/instanceGroups/web", "balancingMode": "UTILIZATION",
                   "capacityScaler": 1}, {"group": "%1$s/zones/europe-west1-b/networkEndpointGroups/web-neg",
                   "balancingMode": "RATE", "maxRatePerEndpoint": 100}],
                 "healthChecks": ["%1$s/global/healthChecks/web-hc"], "timeoutSec": 30, "port": 443, "portName": "https",
                 "protocol": "HTTPS", "loadBalancingScheme": "EXTERNAL_MANAGED", "sessionAffinity": "NONE",
                 "enableCDN": true, "securityPolicy": "%1$s/global/securityPolicies/edge",
                 "iap": {"enabled": true, "oauth2ClientId": "web.apps.googleusercontent.com"},
                 "logConfig": {"enable": true, "sampleRate": 1, "optionalMode": "EXCLUDE_ALL_OPTIONAL"},
                 "connectionDraining": {"drainingTimeoutSec": 300}, "fingerprint": "wk3fYcR5Zk0=",
                 "creationTimestamp": "2025-03-01T10:00:00.000-08:00"}""".formatted(g)));
        s.put("/compute/v1/projects/" + PROJECT + "/global/backendServices", json("""
                {"kind": "compute#backendService", "id": "800000000000000002", "name": "web-legacy",
                 "selfLink": "%1$s/global/backendServices/web-legacy",
                 "backends": [{"group": "%1$s/zones/us-central1-b/instanceGroups/legacy", "balancingMode": "UTILIZATION"}],
                 "healthChecks": ["%1$s/global/healthChecks/web-hc"], "timeoutSec": 30, "port": 80, "portName": "http",
                 "protocol": "HTTP", "loadBalancingScheme": "EXTERNAL", "sessionAffinity": "NONE", "enableCDN": false,
                 "logConfig": {"enable": false}, "fingerprint": "Xk2mV1Ty9aQ=",
                 "creationTimestamp": "2021-06-01T10:00:00.000-07:00"}""".formatted(g)));
        s.put("/compute/v1/projects/" + PROJECT + "/regions/europe-west1/backendServices", json("""
                {"kind": "compute#backendService", "id": "800000000000000003", "name": "web-legacy",
                 "selfLink": "%1$s/regions/europe-west1/backendServices/web-legacy", "region": "%1$s/regions/europe-west1",
                 "backends": [{"group": "%1$s/zones/europe-west1-b/instanceGroups/intranet", "balancingMode": "UTILIZATION"}],
                 "protocol": "HTTPS", "loadBalancingScheme": "INTERNAL_MANAGED", "timeoutSec": 30,
                 "logConfig": {"enable": true, "sampleRate": 0}, "fingerprint": "p0Lq7rZ3nVw=",
                 "creationTimestamp": "2024-02-01T10:00:00.000-08:00"}""".formatted(g)));
        s.put("/compute/v1/projects/" + PROJECT + "/regions/us-central1/backendServices", json("""
                {"kind": "compute#backendService", "id": "800000000000000004", "name": "db-ilb",
                 "selfLink": "%1$s/regions/us-central1/backendServices/db-ilb", "region": "%1$s/regions/us-central1",
                 "backends": [{"group": "%1$s/zones/us-central1-b/instanceGroups/db", "balancingMode": "CONNECTION"}],
                 "healthChecks": ["%1$s/regions/us-central1/healthChecks/db-hc"],
                 "protocol": "TCP", "loadBalancingScheme": "INTERNAL", "sessionAffinity": "CLIENT_IP",
                 "network": "%1$s/global/networks/default", "fingerprint": "bQ8sN2kLx1E=",
                 "creationTimestamp": "2023-09-01T10:00:00.000-07:00"}""".formatted(g)));
    }

    /** The next day: the Jenkins disk was detached and attached again (an ephemeral move only). */
    static void secondState(GcpTestServer s) {
        s.modify(ZONE_DISKS.formatted("us-central1-b"), "c7n-jenkins", d -> {
            d.put("lastAttachTimestamp", "2026-12-07T08:00:00.000-07:00");
            d.put("lastDetachTimestamp", "2026-12-07T07:59:00.000-07:00");
        });
    }
}
