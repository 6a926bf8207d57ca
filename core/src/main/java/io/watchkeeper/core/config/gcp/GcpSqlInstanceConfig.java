package io.watchkeeper.core.config.gcp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Cloud SQL instance ({@code gcp.sql.instance}).
 *
 * @param name the instance's name
 * @param databaseVersion MYSQL_8_0, POSTGRES_15, SQLSERVER_2019_STANDARD, …
 * @param region the region
 * @param instanceType CLOUD_SQL_INSTANCE, READ_REPLICA_INSTANCE, …
 * @param tier the machine tier
 * @param state RUNNABLE, SUSPENDED, …
 * @param activationPolicy ALWAYS, NEVER, …
 * @param availabilityType ZONAL or REGIONAL
 * @param ipv4Enabled whether the instance has a public IPv4 address
 * @param privateNetwork the VPC of its private IP, or null
 * @param authorizedNetworks networks allowed to connect to the public address, sorted by value
 * @param requireSsl the legacy requireSsl flag
 * @param sslMode ALLOW_UNENCRYPTED_AND_ENCRYPTED, ENCRYPTED_ONLY, TRUSTED_CLIENT_CERTIFICATE_REQUIRED, or null
 * @param publicAddresses the instance's PRIMARY (public) addresses, sorted
 * @param backupEnabled whether automated backups are on
 * @param pointInTimeRecovery whether point-in-time recovery is on (PostgreSQL, SQL Server)
 * @param binaryLogEnabled whether the binary log is on (MySQL)
 * @param databaseFlags database flags by name
 * @param deletionProtection whether deletion protection is on
 * @param labels user labels
 * @param createTime when the instance was created
 */
public record GcpSqlInstanceConfig(
        String name,
        String databaseVersion,
        String region,
        String instanceType,
        String tier,
        String state,
        String activationPolicy,
        String availabilityType,
        boolean ipv4Enabled,
        String privateNetwork,
        List<AuthorizedNetwork> authorizedNetworks,
        Boolean requireSsl,
        String sslMode,
        List<String> publicAddresses,
        boolean backupEnabled,
        boolean pointInTimeRecovery,
        boolean binaryLogEnabled,
        Map<String, String> databaseFlags,
        boolean deletionProtection,
        Map<String, String> labels,
        Instant createTime) {

    /** An authorised network: its label and CIDR. */
    public record AuthorizedNetwork(String name, String value) {}
}
