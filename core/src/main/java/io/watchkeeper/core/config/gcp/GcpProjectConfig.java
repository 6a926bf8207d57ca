package io.watchkeeper.core.config.gcp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A project ({@code gcp.project}): Resource Manager settings, Compute Engine's common instance
 * metadata (the flags that matter to security, the other keys by name only) and the enabled APIs.
 *
 * @param projectId the project id
 * @param projectNumber the project number
 * @param displayName the display name
 * @param state ACTIVE, DELETE_REQUESTED, …
 * @param parent {@code organizations/<id>}, {@code folders/<id>} or empty
 * @param labels the project's labels
 * @param createTime when the project was created
 * @param defaultServiceAccount the Compute Engine default service account, or null when Compute Engine is not used
 * @param osLogin the project metadata value of {@code enable-oslogin} (e.g. "TRUE"), or null when unset
 * @param osLogin2fa the project metadata value of {@code enable-oslogin-2fa}, or null
 * @param blockProjectSshKeys the project metadata value of {@code block-project-ssh-keys}, or null
 * @param serialPortEnable the project metadata value of {@code serial-port-enable}, or null
 * @param metadataKeys every project metadata key, sorted (values are not recorded)
 * @param sshKeys the project-wide SSH keys ({@code ssh-keys} / {@code sshKeys}): user, type and fingerprint only
 * @param enabledServices the enabled APIs ({@code compute.googleapis.com}, …), sorted
 */
public record GcpProjectConfig(
        String projectId,
        String projectNumber,
        String displayName,
        String state,
        String parent,
        Map<String, String> labels,
        Instant createTime,
        String defaultServiceAccount,
        String osLogin,
        String osLogin2fa,
        String blockProjectSshKeys,
        String serialPortEnable,
        List<String> metadataKeys,
        List<SshKey> sshKeys,
        List<String> enabledServices) {

    /**
     * A project-wide SSH key, without the key itself.
     *
     * @param user the user name the key logs in as
     * @param keyType ssh-rsa, ssh-ed25519, ecdsa-sha2-nistp256, …
     * @param fingerprint {@code SHA256:<base64>} of the public key, as ssh-keygen prints it
     * @param expiresOn the {@code expireOn} of a key with Google's expiry comment, or null
     */
    public record SshKey(String user, String keyType, String fingerprint, String expiresOn) {}
}
