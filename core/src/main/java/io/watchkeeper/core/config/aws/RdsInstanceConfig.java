package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An RDS DB instance ({@code aws.rds.instance}).
 *
 * @param dbInstanceIdentifier the instance's name
 * @param arn its ARN
 * @param engine postgres, mysql, aurora-postgresql, …
 * @param engineVersion engine version
 * @param instanceClass db.t3.micro, …
 * @param publiclyAccessible whether its endpoint resolves to a public address
 * @param storageEncrypted whether storage is encrypted
 * @param kmsKeyId the KMS key of encrypted storage, or null
 * @param vpcSecurityGroupIds its VPC security groups, sorted
 * @param dbSubnetGroup name of its DB subnet group, or null
 * @param multiAz whether it is a Multi-AZ deployment
 * @param backupRetentionPeriod days automated backups are kept (0 = off)
 * @param deletionProtection whether deletion protection is on
 * @param iamDatabaseAuthenticationEnabled whether IAM database authentication is on
 * @param autoMinorVersionUpgrade whether minor versions are applied automatically
 * @param endpointAddress its DNS endpoint, or null while creating
 * @param endpointPort its port, or null while creating
 * @param caCertificateIdentifier the CA of the server certificate (rds-ca-rsa2048-g1, …), or null
 * @param dbParameterGroups the names of its DB parameter groups, sorted
 * @param tlsParameters the TLS parameters ({@code rds.force_ssl}, {@code require_secure_transport}) set in
 *        its parameter groups (not the engine defaults): name to value; empty when none is set, null when not read
 * @param latestRestorableTime latest point-in-time restore target (moves on every read)
 * @param dbInstanceStatus available, backing-up, modifying, … (operational)
 * @param tags tags
 */
public record RdsInstanceConfig(
        String dbInstanceIdentifier,
        String arn,
        String engine,
        String engineVersion,
        String instanceClass,
        Boolean publiclyAccessible,
        Boolean storageEncrypted,
        String kmsKeyId,
        List<String> vpcSecurityGroupIds,
        String dbSubnetGroup,
        Boolean multiAz,
        Integer backupRetentionPeriod,
        Boolean deletionProtection,
        Boolean iamDatabaseAuthenticationEnabled,
        Boolean autoMinorVersionUpgrade,
        String endpointAddress,
        Integer endpointPort,
        String caCertificateIdentifier,
        List<String> dbParameterGroups,
        Map<String, String> tlsParameters,
        @Ephemeral Instant latestRestorableTime,
        @Ephemeral String dbInstanceStatus,
        Map<String, String> tags) {}
