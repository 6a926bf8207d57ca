package io.watchkeeper.core.config.aws;

import java.time.Instant;

/**
 * An IAM server certificate ({@code aws.iam.server-certificate}), from {@code ListServerCertificates}
 * (the certificate body and chain are not read).
 *
 * @param name the certificate's name
 * @param serverCertificateId its stable id (ASCA…)
 * @param arn its ARN
 * @param path its path
 * @param uploadDate when it was uploaded
 * @param expiration when it expires
 */
public record IamServerCertificateConfig(
        String name,
        String serverCertificateId,
        String arn,
        String path,
        Instant uploadDate,
        Instant expiration) {}
