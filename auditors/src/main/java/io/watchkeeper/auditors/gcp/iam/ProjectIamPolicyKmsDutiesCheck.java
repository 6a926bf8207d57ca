package io.watchkeeper.auditors.gcp.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** CIS 1.11: one non-service-account member holds roles/cloudkms.admin and an encrypter or decrypter role. */
@AutoService(Check.class)
public final class ProjectIamPolicyKmsDutiesCheck extends GcpCheck<GcpProjectIamPolicyConfig> {

    public ProjectIamPolicyKmsDutiesCheck() {
        super("gcp.project.iam-policy/kms-separation-of-duties", GcpProjectIamPolicyConfig.class, Severity.MEDIUM, "One member both administers KMS keys and encrypts or decrypts with them",
                "A Cloud KMS Admin who may also decrypt can change a key's policy and read the data it protects without a second person.",
                "Give Cloud KMS Admin and the CryptoKey Encrypter/Decrypter roles to different people or groups.", "1.11");
    }

    @Override
    public List<Evidence> evaluate(GcpProjectIamPolicyConfig config, AuditContext context) {
        return Duties.both(config.policy(), java.util.Set.of("roles/cloudkms.admin"),
                java.util.Set.of("roles/cloudkms.cryptoKeyEncrypterDecrypter", "roles/cloudkms.cryptoKeyEncrypter",
                        "roles/cloudkms.cryptoKeyDecrypter"), "Cloud KMS Admin", "a CryptoKey Encrypter/Decrypter role");
    }
}
