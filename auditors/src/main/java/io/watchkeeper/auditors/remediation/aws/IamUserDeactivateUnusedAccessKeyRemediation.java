package io.watchkeeper.auditors.remediation.aws;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.config.aws.IamUserConfig.AccessKey;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.WatchScope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import tools.jackson.databind.JsonNode;

/**
 * Deactivates an unused access key. The stored configuration comes from the credential report,
 * which names key <em>slots</em> (1, 2), not key ids; so the planned call is UpdateAccessKey with
 * {@code UserName}, {@code Slot} and {@code KeyCreated} (the slot's last-rotated time) in place of
 * {@code AccessKeyId}, and nothing is called at plan time. Execution resolves the id with
 * ListAccessKeys (keys by creation date: slot 1 is the oldest) and refuses, calling nothing, when
 * the resolved key was not created at {@code KeyCreated} (replaced or added since the plan, so
 * the slots moved), when two keys share a creation second, or when the key is already in the
 * wanted status. Rollback is the same call with Status Active, resolved the same way.
 */
@AutoService(Remediation.class)
public final class IamUserDeactivateUnusedAccessKeyRemediation implements Remediation<IamUserConfig> {

    private static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern SLOT = Pattern.compile("[12]");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final Map<String, List<String>> CALLS = Map.of(
            "iam:UpdateAccessKey", List.of("UserName", "Slot", "KeyCreated", "Status"));

    @Override public String id() { return "aws.iam.user/deactivate-unused-access-key"; }
    @Override public CheckId fixes() { return CheckId.of("aws.iam.user/access-key-unused"); }
    @Override public Class<IamUserConfig> configType() { return IamUserConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("iam:ListAccessKeys", "iam:UpdateAccessKey"); }
    @Override public String description() { return "Deactivate the unused access key (it can be reactivated)."; }

    @Override
    public RemediationPlan plan(FindingView finding, IamUserConfig config) {
        String user = AwsCalls.valid(config.userName(), USER_NAME, "IAM user name");
        String arn = AwsCalls.valid(config.arn(), Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:user/([\\w+=,.@/-]{0,512}/)?"
                + Pattern.quote(user)), "IAM user ARN");
        AwsCalls.accept(this, finding, arn, Set.of(fixes()));
        JsonNode slotNode = finding.evidence() == null ? null : finding.evidence().get("slot");
        String key = finding.evidenceKey() == null ? "" : finding.evidenceKey();
        int slot = Integer.parseInt(AwsCalls.valid(slotNode != null && slotNode.isInt() ? slotNode.asString()
                : key.startsWith("key:slot") ? key.substring(8) : null, SLOT, "access key slot (1 or 2)"));
        AccessKey k = slot(config, slot);
        if (k == null || !k.active()) {
            return AwsCalls.plan(this, finding, WatchScope.GLOBAL, "nothing to do: no active key in slot " + slot);
        }
        return AwsCalls.plan(this, finding, WatchScope.GLOBAL, "Deactivate access key " + slot + " of " + user
                + " (created " + created(k) + ")", call(user, k, "Inactive"));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, IamUserConfig before) {
        String user = AwsCalls.valid(before.userName(), USER_NAME, "IAM user name");
        List<ApiCall> calls = AwsCalls.calls(applied, "UpdateAccessKey").stream()
                .map(c -> slot(before, slot(c.parameters())))
                .filter(k -> k != null && k.active())
                .map(k -> call(user, k, "Active"))
                .toList();
        return AwsCalls.rollback(this, applied, before.arn(), "Reactivate the access key of " + user, calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        AwsCalls.expect(this, call, CALLS);
        var iam = AwsCalls.aws(session).iam();
        var p = call.parameters();
        String user = AwsCalls.text(p, "UserName", USER_NAME, "IAM user name");
        int slot = slot(p);
        Instant planned = Instant.parse(AwsCalls.text(p, "KeyCreated", TIME, "key creation time"));
        String status = AwsCalls.text(p, "Status", Pattern.compile("Active|Inactive"), "key status");
        List<AccessKeyMetadata> keys = AwsCalls.run(call, () -> iam.listAccessKeysPaginator(r -> r.userName(user))
                .accessKeyMetadata().stream().sorted(Comparator.comparing(AccessKeyMetadata::createDate)).toList());
        if (keys.stream().map(k -> k.createDate().truncatedTo(ChronoUnit.SECONDS)).distinct().count() < keys.size()) {
            throw new IllegalStateException("refusing: two access keys of " + user + " were created in the same second, "
                    + "so slot " + slot + " cannot be told apart");
        }
        AccessKeyMetadata key = slot <= keys.size() ? keys.get(slot - 1) : null;
        if (key == null || !key.createDate().truncatedTo(ChronoUnit.SECONDS).equals(planned)) {
            throw new IllegalStateException("refusing: access key " + slot + " of " + user + " is "
                    + (key == null ? "gone" : "one created " + key.createDate()) + ", not the one created " + planned
                    + " the plan was made for");
        }
        if (status.equals(key.statusAsString())) {
            throw new IllegalStateException("refusing: access key " + slot + " of " + user + " (" + key.accessKeyId()
                    + ") is already " + status + ", so it is not the state the plan was made from");
        }
        AwsCalls.run(call, () -> iam.updateAccessKey(r -> r.userName(user).accessKeyId(key.accessKeyId()).status(status)));
    }

    private static ApiCall call(String user, AccessKey key, String status) {
        return new ApiCall("iam", "UpdateAccessKey", Json.object().put("UserName", user).put("Slot", key.slot())
                .put("KeyCreated", created(key)).put("Status", status));
    }

    private static String created(AccessKey key) {
        if (key.lastRotated() == null) {
            throw new InvalidInputException("refusing: access key " + key.slot() + " has no creation time to identify it by");
        }
        return key.lastRotated().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static int slot(JsonNode params) {
        Integer slot = AwsCalls.integer(params, "Slot");
        return Integer.parseInt(AwsCalls.valid(slot == null ? null : slot.toString(), SLOT, "access key slot (1 or 2)"));
    }

    private static AccessKey slot(IamUserConfig config, int slot) {
        return config.accessKeys() == null ? null : config.accessKeys().stream()
                .filter(k -> k != null && k.slot() == slot).findFirst().orElse(null);
    }
}
