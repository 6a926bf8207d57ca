package io.watchkeeper.watchers.gcp.kms;

import com.google.auto.service.AutoService;
import com.google.cloud.kms.v1.CryptoKey;
import com.google.cloud.kms.v1.KeyManagementServiceClient;
import com.google.cloud.kms.v1.KeyRing;
import com.google.cloud.kms.v1.ListCryptoKeysRequest;
import com.google.cloud.kms.v1.ListKeyRingsRequest;
import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.Location;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.GetPolicyOptions;
import io.watchkeeper.core.config.gcp.GcpIamPolicy;
import io.watchkeeper.core.config.gcp.GcpKmsCryptoKeyConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.Fanout;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpPolicies;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.List;

/**
 * Cloud KMS keys with their key ring's and their own IAM policy. KMS has no cross-location list:
 * locations (one call), key rings per location (listed in parallel), keys per ring (paged), then one IAM call per
 * ring and per key. A location or ring whose listing fails fails the scope.
 */
@AutoService(Watcher.class)
public final class CryptoKeyWatcher extends GcpWatcher<GcpKmsCryptoKeyConfig> {

    public CryptoKeyWatcher() {
        super("gcp.kms.crypto-key", GcpKmsCryptoKeyConfig.class, "cloudkms.locations.list", "cloudkms.keyRings.list",
                "cloudkms.keyRings.getIamPolicy", "cloudkms.cryptoKeys.list", "cloudkms.cryptoKeys.getIamPolicy");
    }

    private record Listed(CryptoKey key, String ring, String location, KeyRingPolicy ringPolicy) {}

    /** A key ring's policy, read once per ring when its first key is described. */
    private static final class KeyRingPolicy {
        private final String ring;
        private GcpIamPolicy policy;

        KeyRingPolicy(String ring) {
            this.ring = ring;
        }

        synchronized GcpIamPolicy get(KeyManagementServiceClient kms) {
            if (policy == null) {
                policy = GcpPolicies.of(kms.getIamPolicy(request(ring)));
            }
            return policy;
        }
    }

    @Override
    protected List<Observation<GcpKmsCryptoKeyConfig>> observe(GcpSession gcp) {
        KeyManagementServiceClient kms = gcp.kms();
        // the REST locations mixin sends no page token: one page (it holds every KMS location, about 40)
        List<Location> locations = new ArrayList<>();
        kms.listLocations(ListLocationsRequest.newBuilder().setName("projects/" + gcp.projectId()).setPageSize(100).build())
                .getPage().getValues().forEach(locations::add);
        // KMS has no cross-location list: the locations are listed in parallel (the project's call cap still
        // bounds the calls in flight); any failing listing fails the scope, as before
        List<Listed> listed = Fanout.map(locations, location -> {
            List<Listed> found = new ArrayList<>();
            // the largest page KMS allows (1,000): left unset, the server picks its own, smaller default
            for (KeyRing ring : Pages.all(kms.listKeyRings(ListKeyRingsRequest.newBuilder()
                    .setParent("projects/" + gcp.projectId() + "/locations/" + location.getLocationId()).setPageSize(1000)
                    .build()).getPage())) {
                KeyRingPolicy policy = new KeyRingPolicy(ring.getName());
                for (CryptoKey key : Pages.all(kms.listCryptoKeys(ListCryptoKeysRequest.newBuilder().setParent(ring.getName())
                        .setPageSize(1000).build()).getPage())) {
                    found.add(new Listed(key, GcpNames.last(ring.getName()), location.getLocationId(), policy));
                }
            }
            return found;
        }).stream().flatMap(List::stream).toList();
        return describeEach(listed, l -> GcpNames.fullName("cloudkms", l.key().getName()), l -> GcpNames.last(l.key().getName()),
                l -> {
                    CryptoKey k = l.key();
                    var config = new GcpKmsCryptoKeyConfig(k.getName(), l.ring(), l.location(), k.getPurpose().name(),
                            k.getVersionTemplate().getProtectionLevel().name(), k.getVersionTemplate().getAlgorithm().name(),
                            k.hasRotationPeriod() ? k.getRotationPeriod().getSeconds() : null,
                            k.hasPrimary() ? k.getPrimary().getState().name() : null, k.getImportOnly(),
                            k.hasDestroyScheduledDuration() ? k.getDestroyScheduledDuration().getSeconds() + "s" : null,
                            GcpNames.labels(k.getLabelsMap()), GcpNames.time(k.getCreateTime()),
                            k.hasNextRotationTime() ? GcpNames.time(k.getNextRotationTime()) : null,
                            k.hasPrimary() ? GcpNames.last(k.getPrimary().getName()) : null,
                            GcpPolicies.of(kms.getIamPolicy(request(k.getName()))), l.ringPolicy().get(kms));
                    return observed(GcpNames.fullName("cloudkms", k.getName()), l.ring() + "/" + GcpNames.last(k.getName()),
                            l.location(), config);
                });
    }

    private static GetIamPolicyRequest request(String resource) {
        return GetIamPolicyRequest.newBuilder().setResource(resource)
                .setOptions(GetPolicyOptions.newBuilder().setRequestedPolicyVersion(3)).build();
    }
}
