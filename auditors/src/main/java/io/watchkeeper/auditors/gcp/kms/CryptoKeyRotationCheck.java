package io.watchkeeper.auditors.gcp.kms;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpKmsCryptoKeyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** CIS 1.10: an enabled symmetric Cloud KMS key (not import-only, not external) without rotation or with a period over 90 days (asymmetric keys cannot rotate automatically). */
@AutoService(Check.class)
public final class CryptoKeyRotationCheck extends GcpCheck<GcpKmsCryptoKeyConfig> {

    public CryptoKeyRotationCheck() {
        super("gcp.kms.crypto-key/rotation-over-90-days", GcpKmsCryptoKeyConfig.class, Severity.MEDIUM, "KMS key does not rotate at least every 90 days",
                "Without rotation one key version protects data for years, widening what a leaked or broken version exposes.",
                "Set a rotation period of at most 90 days (gcloud kms keys update --rotation-period=90d --next-rotation-time=…).", "1.10");
    }

    static final long MAX_SECONDS = 90L * 24 * 3600;

    @Override
    public List<Evidence> evaluate(GcpKmsCryptoKeyConfig key, AuditContext context) {
        boolean symmetric = key.purpose() == null || "ENCRYPT_DECRYPT".equals(key.purpose());
        boolean rotatable = symmetric && !key.importOnly()
                && (key.protectionLevel() == null || !key.protectionLevel().startsWith("EXTERNAL"))
                && (key.primaryState() == null || "ENABLED".equals(key.primaryState()));
        if (!rotatable || key.rotationPeriodSeconds() != null && key.rotationPeriodSeconds() <= MAX_SECONDS) {
            return List.of();
        }
        String what = key.rotationPeriodSeconds() == null ? "Automatic rotation is off"
                : "Rotation period is " + key.rotationPeriodSeconds() / 86400 + " days";
        return List.of(Members.evidence("rotation", what, Exposure.INTERNAL,
                Json.object().put("rotationPeriodSeconds", key.rotationPeriodSeconds())));
    }
}
