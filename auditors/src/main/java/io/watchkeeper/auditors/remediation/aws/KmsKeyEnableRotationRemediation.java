package io.watchkeeper.auditors.remediation.aws;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns on automatic rotation of a customer-managed key (EnableKeyRotation, KMS's default period
 * of 365 days). Keys KMS cannot rotate automatically, and keys not in state Enabled, are refused.
 * Rollback turns rotation off again (DisableKeyRotation).
 */
@AutoService(Remediation.class)
public final class KmsKeyEnableRotationRemediation implements Remediation<KmsKeyConfig> {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "|mrk-[0-9a-f]{32}");
    private static final Map<String, List<String>> CALLS = Map.of("kms:EnableKeyRotation", List.of("Region", "KeyId"),
            "kms:DisableKeyRotation", List.of("Region", "KeyId"));

    @Override public String id() { return "aws.kms.key/enable-rotation"; }
    @Override public CheckId fixes() { return CheckId.of("aws.kms.key/rotation-disabled"); }
    @Override public Class<KmsKeyConfig> configType() { return KmsKeyConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("kms:EnableKeyRotation", "kms:DisableKeyRotation"); }
    @Override public String description() { return "Turn on automatic yearly rotation of the key material."; }

    @Override
    public RemediationPlan plan(FindingView finding, KmsKeyConfig config) {
        String key = AwsCalls.valid(config.keyId(), KEY_ID, "KMS key id");
        String region = AwsCalls.region(finding);
        AwsCalls.accept(this, finding, arn(config, region, key), Set.of(fixes()));
        if (Boolean.TRUE.equals(config.rotationEnabled())) {
            return AwsCalls.plan(this, finding, region, "nothing to do: rotation is on");
        }
        if (config.rotationEnabled() == null || !"Enabled".equals(config.keyState())) {
            throw new InvalidInputException("refusing to plan " + id() + " for key " + key + ": KMS rotates only enabled "
                    + "symmetric keys with KMS-made material automatically (this one is "
                    + AwsCalls.printable(config.keyState() + ", " + config.keySpec() + ", " + config.origin()) + ")");
        }
        return AwsCalls.plan(this, finding, region, "Enable automatic rotation of key " + key,
                new ApiCall("kms", "EnableKeyRotation", Json.object().put("Region", region).put("KeyId", key)));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, KmsKeyConfig before) {
        String key = AwsCalls.valid(before.keyId(), KEY_ID, "KMS key id");
        List<ApiCall> calls = AwsCalls.calls(applied, "EnableKeyRotation").isEmpty()
                || !Boolean.FALSE.equals(before.rotationEnabled()) ? List.of()
                : List.of(new ApiCall("kms", "DisableKeyRotation", Json.object().put("Region", applied.region())
                        .put("KeyId", key)));
        return AwsCalls.rollback(this, applied, arn(before, applied.region(), key), "Disable automatic rotation of key "
                + key + " again", calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        AwsCalls.expect(this, call, CALLS);
        var kms = AwsCalls.aws(session).kms(AwsCalls.region(call));
        String key = AwsCalls.text(call.parameters(), "KeyId", KEY_ID, "KMS key id");
        switch (call.service() + ":" + call.operation()) {
            case "kms:EnableKeyRotation" -> AwsCalls.run(call, () -> kms.enableKeyRotation(r -> r.keyId(key)));
            case "kms:DisableKeyRotation" -> AwsCalls.run(call, () -> kms.disableKeyRotation(r -> r.keyId(key)));
            default -> throw AwsCalls.unknown(this, call);
        }
    }

    /** The key's ARN, which must be of the key and in the region. */
    private static String arn(KmsKeyConfig config, String region, String key) {
        return AwsCalls.valid(config.arn(), Pattern.compile("arn:aws[a-z-]*:kms:" + Pattern.quote(region) + ":\\d{12}:key/"
                + Pattern.quote(key)), "ARN of key " + key + " in " + region);
    }
}
