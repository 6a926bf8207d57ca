package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.Map;

/**
 * A Dataproc cluster on Compute Engine ({@code gcp.dataproc.cluster}).
 *
 * @param clusterName the cluster's name
 * @param clusterUuid the id Dataproc gives it (new when a cluster of the same name is recreated)
 * @param region the Dataproc region
 * @param state CREATING, RUNNING, ERROR, DELETING, UPDATING, STOPPING, STOPPED, STARTING, …
 * @param gcePdKmsKeyName the Cloud KMS key encrypting the cluster's persistent disks, or null (Google-managed)
 * @param kmsKey the Cloud KMS key encrypting job arguments and other cluster data, or null
 * @param serviceAccount the VMs' service account, or null (the Compute default)
 * @param internalIpOnly whether the VMs have internal addresses only
 * @param imageVersion the Dataproc image version
 * @param labels labels (Dataproc adds its own {@code goog-dataproc-*} ones)
 * @param stateStartTime when the cluster entered its state
 */
public record GcpDataprocClusterConfig(
        String clusterName,
        String clusterUuid,
        String region,
        String state,
        String gcePdKmsKeyName,
        String kmsKey,
        String serviceAccount,
        boolean internalIpOnly,
        String imageVersion,
        Map<String, String> labels,
        @Ephemeral Instant stateStartTime) {}
