package io.watchkeeper.watchers.gcp.apikeys;

import com.google.api.apikeys.v2.Key;
import com.google.api.apikeys.v2.ListKeysRequest;
import com.google.api.apikeys.v2.Restrictions;
import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpApiKeyConfig;
import io.watchkeeper.core.config.gcp.GcpApiKeyConfig.ApiTarget;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** API keys (one paged list; the list never carries key strings, and none is ever asked for). */
@AutoService(Watcher.class)
public final class ApiKeyWatcher extends GcpWatcher<GcpApiKeyConfig> {

    public ApiKeyWatcher() {
        super("gcp.apikeys.key", GcpApiKeyConfig.class, "apikeys.keys.list");
    }

    @Override
    protected List<Observation<GcpApiKeyConfig>> observe(GcpSession gcp) {
        List<Observation<GcpApiKeyConfig>> out = new ArrayList<>();
        var request = ListKeysRequest.newBuilder().setParent("projects/" + gcp.projectId() + "/locations/global")
                .setPageSize(300).build();
        for (Key k : Pages.all(gcp.apiKeys().listKeys(request).getPage())) {
            var config = new GcpApiKeyConfig(k.getName(), k.getUid(), GcpNames.blankToNull(k.getDisplayName()),
                    restrictions(k.getRestrictions()), GcpNames.time(k.getCreateTime()), GcpNames.time(k.getUpdateTime()));
            out.add(observed(GcpNames.fullName("apikeys", k.getName()),
                    k.getDisplayName().isEmpty() ? k.getUid() : k.getDisplayName(), null, config));
        }
        return out;
    }

    private static GcpApiKeyConfig.Restrictions restrictions(Restrictions r) {
        String type = r.hasBrowserKeyRestrictions() ? "browser" : r.hasServerKeyRestrictions() ? "server"
                : r.hasAndroidKeyRestrictions() ? "android" : r.hasIosKeyRestrictions() ? "ios" : "none";
        return new GcpApiKeyConfig.Restrictions(type,
                GcpNames.sorted(r.getBrowserKeyRestrictions().getAllowedReferrersList()),
                GcpNames.sorted(r.getServerKeyRestrictions().getAllowedIpsList()),
                GcpNames.sorted(r.getAndroidKeyRestrictions().getAllowedApplicationsList().stream()
                        .map(a -> a.getPackageName() + "/" + a.getSha1Fingerprint()).toList()),
                GcpNames.sorted(r.getIosKeyRestrictions().getAllowedBundleIdsList()),
                r.getApiTargetsList().stream().map(t -> new ApiTarget(t.getService(), GcpNames.sorted(t.getMethodsList())))
                        .sorted(Comparator.comparing(ApiTarget::service)).toList());
    }
}
