package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * IAM Access Analyzer in one region ({@code aws.accessanalyzer.analyzer}): one item per account
 * and region with the region's analyzers (empty when none).
 *
 * @param region the region
 * @param analyzers the analyzers, sorted by ARN
 */
public record AccessAnalyzerConfig(String region, List<Analyzer> analyzers) {

    /**
     * One analyzer.
     *
     * @param name its name
     * @param arn its ARN
     * @param type ACCOUNT, ORGANIZATION, ACCOUNT_UNUSED_ACCESS or ORGANIZATION_UNUSED_ACCESS
     * @param status ACTIVE, CREATING, DISABLED or FAILED
     * @param statusReason why it is not active, or null
     * @param unusedAccessAge days after which access counts as unused (unused-access analyzers), or null
     * @param createdAt when it was created
     * @param lastResourceAnalyzed the resource it analysed last
     * @param lastResourceAnalyzedAt when
     * @param tags tags
     */
    public record Analyzer(String name, String arn, String type, String status, String statusReason,
                           Integer unusedAccessAge, Instant createdAt, @Ephemeral String lastResourceAnalyzed,
                           @Ephemeral Instant lastResourceAnalyzedAt, Map<String, String> tags) {}
}
