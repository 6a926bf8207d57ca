package io.watchkeeper.auditors.aws.kms;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;

/**
 * Automatic rotation is off on an enabled symmetric customer key. Keys where rotation is not
 * applicable (null: asymmetric, HMAC, imported, custom key store) and keys that are disabled or
 * pending deletion are not reported.
 */
@AutoService(Check.class)
public final class KmsKeyRotationDisabledCheck implements Check<KmsKeyConfig> {

    @Override public CheckId id() { return CheckId.of("aws.kms.key/rotation-disabled"); }
    @Override public Class<KmsKeyConfig> configType() { return KmsKeyConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "KMS key rotation is disabled"; }
    @Override public String rationale() {
        return "Without automatic rotation, one key version protects data for years, widening what a leaked or "
                + "cryptanalysed key version exposes.";
    }
    @Override public String remediation() {
        return "Enable automatic key rotation (kms enable-key-rotation), optionally with a rotation period.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:3.6"); }

    @Override
    public List<Evidence> evaluate(KmsKeyConfig key, AuditContext context) {
        boolean applies = Boolean.FALSE.equals(key.rotationEnabled()) && "Enabled".equalsIgnoreCase(key.keyState())
                && (key.keySpec() == null || "SYMMETRIC_DEFAULT".equals(key.keySpec()))
                && (key.origin() == null || "AWS_KMS".equals(key.origin()));
        if (!applies) {
            return List.of();
        }
        return List.of(new Evidence("rotation", "Automatic rotation is off", Exposure.INTERNAL,
                Json.object().put("rotationEnabled", false).put("keySpec", key.keySpec()).put("origin", key.origin())));
    }
}
