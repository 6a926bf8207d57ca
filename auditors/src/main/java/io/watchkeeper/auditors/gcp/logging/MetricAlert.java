package io.watchkeeper.auditors.gcp.logging;

import java.util.List;
import java.util.Locale;

/**
 * One CIS "log metric filter and alert" recommendation as data: the terms a log-based metric's filter
 * must contain (compared without white space and case, quotes unified) to count as that metric.
 *
 * @param cis the CIS GCP 3.0 id (2.4 … 2.11)
 * @param slug the check id's suffix
 * @param what what the metric watches, for titles
 * @param terms the filter terms CIS's filter has, every one required
 */
public record MetricAlert(String cis, String slug, String what, List<String> terms) {

    /** Lower case, no white space, single quotes as double quotes. */
    static String normalise(String filter) {
        return filter == null ? "" : filter.replaceAll("\\s+", "").replace('\'', '"').toLowerCase(Locale.ROOT);
    }

    /** Whether {@code filter} contains every term. */
    public boolean matches(String filter) {
        String f = normalise(filter);
        return !f.isEmpty() && terms.stream().allMatch(t -> f.contains(normalise(t)));
    }

    public static final List<MetricAlert> CIS = List.of(
            new MetricAlert("2.4", "project-ownership-changes", "project ownership assignments and changes", List.of(
                    "protoPayload.serviceName=\"cloudresourcemanager.googleapis.com\"", "ProjectOwnership",
                    "projectOwnerInvitee", "protoPayload.serviceData.policyDelta.bindingDeltas.action=\"REMOVE\"",
                    "protoPayload.serviceData.policyDelta.bindingDeltas.action=\"ADD\"",
                    "protoPayload.serviceData.policyDelta.bindingDeltas.role=\"roles/owner\"")),
            new MetricAlert("2.5", "audit-config-changes", "audit configuration changes", List.of(
                    "protoPayload.methodName=\"SetIamPolicy\"", "protoPayload.serviceData.policyDelta.auditConfigDeltas:*")),
            new MetricAlert("2.6", "custom-role-changes", "custom role changes", List.of("resource.type=\"iam_role\"",
                    "google.iam.admin.v1.CreateRole", "google.iam.admin.v1.DeleteRole", "google.iam.admin.v1.UpdateRole")),
            new MetricAlert("2.7", "firewall-rule-changes", "VPC firewall rule changes", List.of(
                    "resource.type=\"gce_firewall_rule\"", "compute.firewalls.patch", "compute.firewalls.insert",
                    "compute.firewalls.delete")),
            new MetricAlert("2.8", "route-changes", "VPC network route changes", List.of("resource.type=\"gce_route\"",
                    "compute.routes.delete", "compute.routes.insert")),
            new MetricAlert("2.9", "network-changes", "VPC network changes", List.of("resource.type=\"gce_network\"",
                    "compute.networks.insert", "compute.networks.patch", "compute.networks.delete",
                    "compute.networks.removePeering", "compute.networks.addPeering")),
            new MetricAlert("2.10", "storage-iam-changes", "Cloud Storage IAM permission changes", List.of(
                    "resource.type=\"gcs_bucket\"", "protoPayload.methodName=\"storage.setIamPermissions\"")),
            new MetricAlert("2.11", "sql-instance-changes", "Cloud SQL instance configuration changes", List.of(
                    "protoPayload.methodName=\"cloudsql.instances.update\"")));
}
