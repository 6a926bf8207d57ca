package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Compute Engine VM ({@code gcp.compute.instance}).
 *
 * @param name the instance's name
 * @param id the numeric id
 * @param zone the zone
 * @param machineType the machine type's name
 * @param status PROVISIONING, RUNNING, STOPPING, TERMINATED, SUSPENDED, …
 * @param serviceAccounts the attached service accounts with their OAuth scopes (sorted)
 * @param networkInterfaces the network interfaces, by name
 * @param canIpForward whether IP forwarding is on
 * @param serialPortEnable the instance metadata value of {@code serial-port-enable}, or null when unset
 * @param blockProjectSshKeys the instance metadata value of {@code block-project-ssh-keys}, or null
 * @param osLogin the instance metadata value of {@code enable-oslogin} (overrides the project's), or null
 * @param metadataKeys every instance metadata key, sorted (values are not recorded)
 * @param shieldedVm Shielded VM settings, or null when the instance has none
 * @param confidentialCompute whether Confidential VM is on
 * @param deletionProtection whether deletion protection is on
 * @param tags network tags, sorted
 * @param labels labels
 * @param createTime when the instance was created
 * @param lastStartTime when it was last started (moves on every start)
 */
public record GcpInstanceConfig(
        String name,
        String id,
        String zone,
        String machineType,
        String status,
        List<ServiceAccount> serviceAccounts,
        List<NetworkInterface> networkInterfaces,
        boolean canIpForward,
        String serialPortEnable,
        String blockProjectSshKeys,
        String osLogin,
        List<String> metadataKeys,
        ShieldedVm shieldedVm,
        boolean confidentialCompute,
        boolean deletionProtection,
        List<String> tags,
        Map<String, String> labels,
        Instant createTime,
        @Ephemeral Instant lastStartTime) {

    /** An attached service account and the OAuth scopes the instance may use with it. */
    public record ServiceAccount(String email, List<String> scopes) {}

    /**
     * A network interface.
     *
     * @param name nic0, nic1, …
     * @param network the network's path
     * @param subnetwork the subnetwork's path
     * @param networkIp the internal IPv4 address
     * @param accessConfigs external access (one per external address)
     */
    public record NetworkInterface(String name, String network, String subnetwork, String networkIp,
                                   List<AccessConfig> accessConfigs) {}

    /**
     * An external address.
     *
     * @param type ONE_TO_ONE_NAT, DIRECT_IPV6, …
     * @param networkTier PREMIUM or STANDARD
     * @param natIp the external address (an ephemeral one changes on stop/start)
     */
    public record AccessConfig(String type, String networkTier, @Ephemeral String natIp) {}

    /** Shielded VM settings. */
    public record ShieldedVm(boolean secureBoot, boolean vtpm, boolean integrityMonitoring) {}
}
