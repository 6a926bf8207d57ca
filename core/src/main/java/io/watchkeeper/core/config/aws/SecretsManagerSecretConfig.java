package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import io.watchkeeper.core.model.PolicyDocument;
import java.time.Instant;
import java.util.Map;

/**
 * A Secrets Manager secret ({@code aws.secretsmanager.secret}): its metadata, rotation and
 * resource policy. Never its value: Watchkeeper neither reads it nor holds the permission to.
 *
 * @param name its name
 * @param arn its ARN
 * @param description its description, or null
 * @param kmsKeyId the KMS key encrypting it, or null (the AWS managed key aws/secretsmanager)
 * @param rotationEnabled whether rotation is on
 * @param rotationLambdaArn the function that rotates it, or null
 * @param rotationAfterDays rotation interval in days, or null
 * @param rotationSchedule rotation schedule expression, or null
 * @param owningService the service that manages it (rds, …), or null
 * @param primaryRegion the region of the primary secret of a replica, or null
 * @param createdDate when it was created
 * @param deletedDate when it is scheduled to be deleted, or null
 * @param policy its resource policy, or null when it has none
 * @param lastRotatedDate when it was last rotated (activity)
 * @param lastChangedDate when it or its value last changed (activity)
 * @param lastAccessedDate the day it was last read (activity)
 * @param tags tags
 */
public record SecretsManagerSecretConfig(
        String name,
        String arn,
        String description,
        String kmsKeyId,
        Boolean rotationEnabled,
        String rotationLambdaArn,
        Long rotationAfterDays,
        String rotationSchedule,
        String owningService,
        String primaryRegion,
        Instant createdDate,
        Instant deletedDate,
        PolicyDocument policy,
        @Ephemeral Instant lastRotatedDate,
        @Ephemeral Instant lastChangedDate,
        @Ephemeral Instant lastAccessedDate,
        Map<String, String> tags) {}
