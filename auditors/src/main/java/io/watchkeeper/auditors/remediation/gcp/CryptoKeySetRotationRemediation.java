package io.watchkeeper.auditors.remediation.gcp;

import com.google.auto.service.AutoService;
import com.google.cloud.kms.v1.CryptoKey;
import com.google.cloud.kms.v1.UpdateCryptoKeyRequest;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import io.watchkeeper.core.config.gcp.GcpKmsCryptoKeyConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.gcp.GcpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sets a 90-day automatic rotation on a symmetric Cloud KMS key ({@code cloudkms.cryptoKeys.patch} with
 * update mask {@code rotationPeriod,nextRotationTime}; the first rotation 90 days after planning, so the
 * plan shows the exact time). Rollback restores the stored period, or removes rotation when there was none.
 */
@AutoService(Remediation.class)
public final class CryptoKeySetRotationRemediation implements Remediation<GcpKmsCryptoKeyConfig> {

    static final long PERIOD = 90L * 24 * 3600;
    static final Pattern NAME = Pattern.compile("projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/locations/[a-z0-9-]{1,40}/keyRings/"
            + "[A-Za-z0-9_-]{1,63}/cryptoKeys/[A-Za-z0-9_-]{1,63}");
    private static final Map<String, List<String>> CALLS = Map.of("cloudkms:cryptoKeys.patch",
            List.of("project", "name", "[rotationPeriod]", "[nextRotationTime]"));

    private final Clock clock;

    public CryptoKeySetRotationRemediation() {
        this(Clock.systemUTC());
    }

    CryptoKeySetRotationRemediation(Clock clock) {
        this.clock = clock;
    }

    @Override public String id() { return "gcp.kms.crypto-key/set-rotation"; }
    @Override public CheckId fixes() { return CheckId.of("gcp.kms.crypto-key/rotation-over-90-days"); }
    @Override public Class<GcpKmsCryptoKeyConfig> configType() { return GcpKmsCryptoKeyConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("cloudkms.cryptoKeys.update"); }
    @Override public String description() { return "Rotate the key automatically every 90 days."; }

    @Override
    public RemediationPlan plan(FindingView finding, GcpKmsCryptoKeyConfig config) {
        String project = GcpCalls.project(finding);
        String name = GcpCalls.valid(config.name(), NAME, "Cloud KMS key name");
        if (!name.startsWith("projects/" + project + "/")) {
            throw new InvalidInputException("refusing to plan " + id() + ": key " + name + " is not in project " + project);
        }
        GcpCalls.accept(this, finding, "//cloudkms.googleapis.com/" + name, Set.of(fixes()));
        if (config.rotationPeriodSeconds() != null && config.rotationPeriodSeconds() <= PERIOD) {
            return GcpCalls.plan(this, finding, "nothing to do: the key rotates every "
                    + config.rotationPeriodSeconds() / 86400 + " days");
        }
        if (config.purpose() != null && !"ENCRYPT_DECRYPT".equals(config.purpose())) {
            throw new InvalidInputException("refusing to plan " + id() + ": Cloud KMS rotates only symmetric keys automatically"
                    + " (this one is " + GcpCalls.printable(config.purpose()) + ")");
        }
        Instant next = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(PERIOD);
        return GcpCalls.plan(this, finding, "Rotate key " + name + " every 90 days, first on " + next,
                patch(project, name, PERIOD, next));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GcpKmsCryptoKeyConfig before) {
        List<ApiCall> patched = GcpCalls.calls(applied, "cryptoKeys.patch");
        if (patched.isEmpty()) {
            return GcpCalls.rollback(this, applied, applied.resourceId(), "", List.of());
        }
        String project = GcpCalls.text(patched.getFirst().parameters(), "project", GcpCalls.PROJECT, "GCP project id");
        String name = GcpCalls.valid(before.name(), NAME, "Cloud KMS key name");
        ApiCall restore;
        if (before.rotationPeriodSeconds() == null) {
            restore = patch(project, name, null, null);
        } else {
            Instant next = before.nextRotationTime() != null && before.nextRotationTime().isAfter(clock.instant())
                    ? before.nextRotationTime() : clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(before.rotationPeriodSeconds());
            restore = patch(project, name, before.rotationPeriodSeconds(), next);
        }
        return GcpCalls.rollback(this, applied, "//cloudkms.googleapis.com/" + name, before.rotationPeriodSeconds() == null
                ? "Turn automatic rotation of " + name + " off again"
                : "Restore rotation of " + name + " every " + before.rotationPeriodSeconds() + "s", List.of(restore));
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        GcpCalls.expect(this, call, CALLS);
        GcpSession gcp = GcpCalls.gcp(session, call);
        String name = GcpCalls.text(call.parameters(), "name", NAME, "Cloud KMS key name");
        if (!name.startsWith("projects/" + gcp.projectId() + "/")) {
            throw new IllegalArgumentException("key " + name + " is not in the session's project " + gcp.projectId());
        }
        CryptoKey.Builder key = CryptoKey.newBuilder().setName(name);
        var period = call.parameters().get("rotationPeriod");
        var next = call.parameters().get("nextRotationTime");
        if ((period == null) != (next == null)) {
            throw new InvalidInputException("refusing a rotation period without a next rotation time (or the reverse)");
        }
        if (period != null) {
            String p = GcpCalls.text(call.parameters(), "rotationPeriod", Pattern.compile("\\d{5,10}s"), "rotation period");
            Instant n = Instant.parse(GcpCalls.text(call.parameters(), "nextRotationTime",
                    Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), "next rotation time"));
            key.setRotationPeriod(Duration.newBuilder().setSeconds(Long.parseLong(p.substring(0, p.length() - 1))))
                    .setNextRotationTime(Timestamp.newBuilder().setSeconds(n.getEpochSecond()));
        }
        UpdateCryptoKeyRequest request = UpdateCryptoKeyRequest.newBuilder().setCryptoKey(key)
                .setUpdateMask(FieldMask.newBuilder().addPaths("rotation_period").addPaths("next_rotation_time")).build();
        GcpCalls.run(call, () -> gcp.kms().updateCryptoKey(request));
    }

    private static ApiCall patch(String project, String name, Long periodSeconds, Instant next) {
        ObjectNode p = Json.object().put("project", project).put("name", name);
        if (periodSeconds != null) {
            p.put("rotationPeriod", periodSeconds + "s").put("nextRotationTime", next.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return new ApiCall("cloudkms", "cryptoKeys.patch", p);
    }
}
