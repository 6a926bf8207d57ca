package io.watchkeeper.watchers.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.RootAccountConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * The root user, one item per account: the credential report's {@code <root_account>} row (access
 * keys, MFA, last use), the account summary's root flags and the virtual MFA devices assigned to
 * the root user. Four IAM calls per account, none per user.
 */
@AutoService(Watcher.class)
public final class RootAccountWatcher extends AwsWatcher<RootAccountConfig> {

    public RootAccountWatcher() {
        super("aws.iam.root-account", RootAccountConfig.class, ScopeKind.GLOBAL, "iam:GenerateCredentialReport",
                "iam:GetCredentialReport", "iam:GetAccountSummary", "iam:ListVirtualMFADevices");
    }

    @Override
    protected List<Observation<RootAccountConfig>> observe(WatchScope scope, AwsSession aws) {
        IamClient iam = aws.iam();
        String accountId = aws.accountId();
        IamCredentialReport.RootRow row = IamCredentialReport.fetch(aws).root();
        Map<String, Integer> summary = iam.getAccountSummary().summaryMapAsStrings();
        String arn = row != null && row.arn() != null ? row.arn() : "arn:aws:iam::" + accountId + ":root";
        List<String> virtual = iam.listVirtualMFADevicesPaginator(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED))
                .virtualMFADevices().stream()
                .filter(d -> isRoots(d, arn))
                .map(VirtualMFADevice::serialNumber)
                .toList();
        var config = new RootAccountConfig(accountId, arn, row != null,
                row == null ? null : row.creationTime(),
                row == null ? null : row.mfaActive(),
                row == null ? null : row.accessKeys(),
                row == null ? null : row.activeSigningCertificates(),
                row == null ? null : row.passwordLastUsed(),
                flag(summary, "AccountMFAEnabled"),
                flag(summary, "AccountAccessKeysPresent"),
                flag(summary, "AccountSigningCertificatesPresent"),
                sorted(virtual, Comparator.naturalOrder()));
        return List.of(new Observation.Observed<>(arn, "root of " + accountId, WatchScope.GLOBAL, config));
    }

    /** A device assigned to the root user: its user is the root ARN, or it has the root's reserved serial. */
    private static boolean isRoots(VirtualMFADevice device, String rootArn) {
        if (device.user() != null && rootArn.equals(device.user().arn())) {
            return true;
        }
        String serial = device.serialNumber();
        return serial != null && serial.endsWith(":mfa/root-account-mfa-device");
    }

    private static Boolean flag(Map<String, Integer> summary, String key) {
        Integer value = summary.get(key);
        return value == null ? null : value > 0;
    }
}
