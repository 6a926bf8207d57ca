package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An RDS DB cluster ({@code aws.rds.cluster}): Aurora, or a Multi-AZ DB cluster.
 *
 * @param dbClusterIdentifier its identifier
 * @param arn its ARN
 * @param engine aurora-mysql, aurora-postgresql, mysql, postgres, …
 * @param engineVersion its version
 * @param engineMode provisioned, serverless, …, or null
 * @param storageEncrypted whether its storage is encrypted
 * @param kmsKeyId the KMS key encrypting it, or null
 * @param iamDatabaseAuthenticationEnabled whether IAM authentication is on
 * @param deletionProtection whether it is protected against deletion
 * @param backupRetentionPeriod days automated backups are kept
 * @param multiAz whether it spans several zones
 * @param publiclyAccessible whether it is reachable from the internet (Multi-AZ DB clusters), or null
 * @param endpoint the writer endpoint
 * @param readerEndpoint the reader endpoint, or null
 * @param port its port
 * @param masterUsername the master user's name
 * @param masterUserSecretArn the Secrets Manager secret holding the master password when RDS manages it, or null
 * @param vpcSecurityGroupIds its security groups, sorted
 * @param dbSubnetGroup its subnet group
 * @param members its instances, sorted by identifier
 * @param enabledCloudwatchLogsExports logs exported to CloudWatch, sorted
 * @param copyTagsToSnapshot whether snapshots get its tags
 * @param autoMinorVersionUpgrade whether minor versions are applied automatically, or null
 * @param activityStreamStatus the database activity stream's status, or null
 * @param httpEndpointEnabled whether the Data API is on
 * @param dbClusterParameterGroup its cluster parameter group
 * @param tlsParameters the TLS parameters ({@code require_secure_transport}, {@code rds.force_ssl}) set in its
 *        cluster parameter group (not the engine defaults): name to value; empty when none is set, null when not read
 * @param backtrackWindow seconds of backtrack (Aurora MySQL), or null
 * @param clusterCreateTime when it was created
 * @param status available, backing-up, modifying, … (changes without the configuration changing)
 * @param latestRestorableTime moves on continuously
 * @param tags tags
 */
public record RdsClusterConfig(
        String dbClusterIdentifier,
        String arn,
        String engine,
        String engineVersion,
        String engineMode,
        Boolean storageEncrypted,
        String kmsKeyId,
        Boolean iamDatabaseAuthenticationEnabled,
        Boolean deletionProtection,
        Integer backupRetentionPeriod,
        Boolean multiAz,
        Boolean publiclyAccessible,
        String endpoint,
        String readerEndpoint,
        Integer port,
        String masterUsername,
        String masterUserSecretArn,
        List<String> vpcSecurityGroupIds,
        String dbSubnetGroup,
        List<Member> members,
        List<String> enabledCloudwatchLogsExports,
        Boolean copyTagsToSnapshot,
        Boolean autoMinorVersionUpgrade,
        String activityStreamStatus,
        Boolean httpEndpointEnabled,
        String dbClusterParameterGroup,
        Map<String, String> tlsParameters,
        Long backtrackWindow,
        Instant clusterCreateTime,
        @Ephemeral String status,
        @Ephemeral Instant latestRestorableTime,
        Map<String, String> tags) {

    /**
     * One member instance.
     *
     * @param dbInstanceIdentifier the instance
     * @param writer whether it is the writer
     */
    public record Member(String dbInstanceIdentifier, Boolean writer) {}
}
