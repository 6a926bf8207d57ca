package io.watchkeeper.watchers.gcp.iam;

import com.google.api.services.iam.v1.model.ListServiceAccountsResponse;
import com.google.api.services.iam.v1.model.ServiceAccount;
import com.google.api.services.iam.v1.model.ServiceAccountKey;
import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpServiceAccountConfig;
import io.watchkeeper.core.config.gcp.GcpServiceAccountConfig.Key;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpPolicies;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.Comparator;
import java.util.List;

/**
 * Service accounts (IAM Admin REST API, paged list) with their user-managed keys and IAM policy: two
 * calls per account, since the list carries neither.
 */
@AutoService(Watcher.class)
public final class ServiceAccountWatcher extends GcpWatcher<GcpServiceAccountConfig> {

    public ServiceAccountWatcher() {
        super("gcp.iam.service-account", GcpServiceAccountConfig.class, "iam.serviceAccounts.list",
                "iam.serviceAccountKeys.list", "iam.serviceAccounts.getIamPolicy");
    }

    @Override
    protected List<Observation<GcpServiceAccountConfig>> observe(GcpSession gcp) {
        var accounts = gcp.iam().projects().serviceAccounts();
        List<ServiceAccount> listed = Pages.all(token -> {
            ListServiceAccountsResponse page = GcpSession.call(() -> accounts.list("projects/" + gcp.projectId())
                    .setPageSize(100).setPageToken(token).execute());
            return new Pages.Page<>(page.getAccounts(), page.getNextPageToken());
        });
        return describeEach(listed, a -> resourceId(a), ServiceAccount::getEmail, a -> {
            List<ServiceAccountKey> keys = GcpSession.call(() -> accounts.keys().list(a.getName())
                    .setKeyTypes(List.of("USER_MANAGED")).execute()).getKeys();
            var policy = GcpSession.call(() -> accounts.getIamPolicy(a.getName())
                    .setOptionsRequestedPolicyVersion(3).execute());
            List<Key> userKeys = keys == null ? List.of() : keys.stream()
                    .filter(k -> "USER_MANAGED".equals(k.getKeyType()))
                    .map(k -> new Key(GcpNames.last(k.getName()), k.getKeyType(), k.getKeyAlgorithm(), k.getKeyOrigin(),
                            GcpNames.time(k.getValidAfterTime()), GcpNames.time(k.getValidBeforeTime()),
                            Boolean.TRUE.equals(k.getDisabled())))
                    .sorted(Comparator.comparing(Key::keyId)).toList();
            var config = new GcpServiceAccountConfig(a.getEmail(), a.getUniqueId(), a.getDisplayName(),
                    a.getDescription(), Boolean.TRUE.equals(a.getDisabled()), userKeys, GcpPolicies.of(policy));
            return observed(resourceId(a), a.getEmail(), null, config);
        });
    }

    private static String resourceId(ServiceAccount a) {
        return GcpNames.fullName("iam", a.getName());
    }
}
