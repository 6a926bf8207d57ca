package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.model.PolicyDocument;
import java.time.Instant;

/**
 * An ECR repository ({@code aws.ecr.repository}) with its policy and scanning. Tags are not read
 * (a call per repository).
 *
 * @param repositoryName its name
 * @param repositoryArn its ARN
 * @param registryId the registry (account)
 * @param repositoryUri its URI
 * @param imageTagMutability MUTABLE or IMMUTABLE (or their _WITH_EXCLUSION forms)
 * @param scanOnPush whether basic scanning on push is set on the repository
 * @param registryScanType the registry's scan type, BASIC or ENHANCED
 * @param registryScanFrequency the frequency of the registry scanning rule that applies to this
 *     repository (SCAN_ON_PUSH, CONTINUOUS_SCAN, MANUAL), or null when no rule matches it
 * @param encryptionType AES256 or KMS
 * @param kmsKey the KMS key of KMS encryption, or null
 * @param createdAt when it was created
 * @param policy its repository policy, or null when it has none
 */
public record EcrRepositoryConfig(
        String repositoryName,
        String repositoryArn,
        String registryId,
        String repositoryUri,
        String imageTagMutability,
        Boolean scanOnPush,
        String registryScanType,
        String registryScanFrequency,
        String encryptionType,
        String kmsKey,
        Instant createdAt,
        PolicyDocument policy) {}
