package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM user ({@code aws.iam.user}): its permissions from GetAccountAuthorizationDetails and its
 * credentials from the account's credential report (which AWS regenerates at most every four
 * hours, so password and key state can lag by that much).
 *
 * @param userName the user's name
 * @param userId the stable unique id (AIDA…)
 * @param arn the user's ARN
 * @param path the user's path
 * @param createDate creation time
 * @param inlinePolicies inline policies, sorted by name
 * @param attachedPolicyArns ARNs of the attached managed policies, sorted
 * @param groups names of the groups the user belongs to, sorted
 * @param permissionsBoundaryArn ARN of the permissions boundary policy, or null when there is none
 * @param tags tags
 * @param passwordEnabled whether the user has a console password
 * @param passwordLastChanged when the password was last set, or null when there is no password
 * @param mfaActive whether an MFA device is enabled for the user
 * @param accessKeys the user's access keys by slot (at most two), in slot order; empty when none
 * @param passwordLastUsed when the password was last used to sign in, or null when never or unknown
 */
public record IamUserConfig(
        String userName,
        String userId,
        String arn,
        String path,
        Instant createDate,
        List<IamInlinePolicy> inlinePolicies,
        List<String> attachedPolicyArns,
        List<String> groups,
        String permissionsBoundaryArn,
        Map<String, String> tags,
        boolean passwordEnabled,
        Instant passwordLastChanged,
        boolean mfaActive,
        List<AccessKey> accessKeys,
        @Ephemeral Instant passwordLastUsed) {

    /**
     * One access-key slot of the credential report. The report does not name key ids: the id comes
     * from ListAccessKeys, matched to the slot by the key's creation time.
     *
     * @param slot 1 or 2
     * @param active whether the key is active
     * @param lastRotated when the key was created or last rotated
     * @param lastUsedDate when the key was last used, or null when never
     * @param lastUsedRegion the region of that use, or null
     * @param lastUsedService the service of that use, or null
     * @param accessKeyId the key's id (AKIA…; not secret), or null when ListAccessKeys did not name it
     */
    public record AccessKey(
            int slot,
            boolean active,
            Instant lastRotated,
            @Ephemeral Instant lastUsedDate,
            @Ephemeral String lastUsedRegion,
            @Ephemeral String lastUsedService,
            String accessKeyId) {

        /** A slot whose key id is not known. */
        public AccessKey(int slot, boolean active, Instant lastRotated, Instant lastUsedDate, String lastUsedRegion,
                         String lastUsedService) {
            this(slot, active, lastRotated, lastUsedDate, lastUsedRegion, lastUsedService, null);
        }

        /** This slot with the key id (and the current status) ListAccessKeys gave. */
        public AccessKey withKey(String id, boolean currentlyActive) {
            return new AccessKey(slot, currentlyActive, lastRotated, lastUsedDate, lastUsedRegion, lastUsedService, id);
        }
    }
}
