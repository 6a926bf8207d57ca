package io.watchkeeper.auditors.aws.sqs;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;

/** The queue stores messages unencrypted: no SSE-KMS key and SSE-SQS off. */
@AutoService(Check.class)
public final class SqsQueueUnencryptedCheck implements Check<SqsQueueConfig> {

    @Override public CheckId id() { return CheckId.of("aws.sqs.queue/unencrypted"); }
    @Override public Class<SqsQueueConfig> configType() { return SqsQueueConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "SQS queue is not encrypted at rest"; }
    @Override public String rationale() {
        return "Messages often carry personal data or tokens; without server-side encryption they rest in clear.";
    }
    @Override public String remediation() {
        return "Turn on SSE-SQS (SqsManagedSseEnabled) or SSE-KMS with a customer key (KmsMasterKeyId).";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(SqsQueueConfig queue, AuditContext context) {
        boolean kms = queue.kmsMasterKeyId() != null && !queue.kmsMasterKeyId().isBlank();
        if (kms || Boolean.TRUE.equals(queue.sqsManagedSseEnabled())) {
            return List.of();
        }
        return List.of(new Evidence("encryption", "Neither SSE-SQS nor SSE-KMS is on", Exposure.INTERNAL,
                Json.object().put("sqsManagedSseEnabled", false).put("kmsMasterKeyId", "none")));
    }
}
