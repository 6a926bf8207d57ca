package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An RDS DB snapshot ({@code aws.rds.snapshot}) the account owns, with whom it is shared.
 *
 * @param snapshotId its identifier
 * @param arn its ARN
 * @param dbInstanceIdentifier the instance it was taken of
 * @param snapshotType manual, automated or awsbackup
 * @param engine the database engine
 * @param engineVersion its version
 * @param encrypted whether it is encrypted
 * @param kmsKeyId the KMS key encrypting it, or null
 * @param allocatedStorage GiB
 * @param iamDatabaseAuthenticationEnabled whether IAM authentication was on
 * @param snapshotCreateTime when it was taken
 * @param sharedWith accounts that may restore it, sorted; {@code all} means public (manual snapshots
 *     only: automated ones cannot be shared)
 * @param status creating, available, … (progress, not configuration)
 * @param tags tags
 */
public record RdsSnapshotConfig(
        String snapshotId,
        String arn,
        String dbInstanceIdentifier,
        String snapshotType,
        String engine,
        String engineVersion,
        Boolean encrypted,
        String kmsKeyId,
        Integer allocatedStorage,
        Boolean iamDatabaseAuthenticationEnabled,
        Instant snapshotCreateTime,
        List<String> sharedWith,
        @Ephemeral String status,
        Map<String, String> tags) {}
