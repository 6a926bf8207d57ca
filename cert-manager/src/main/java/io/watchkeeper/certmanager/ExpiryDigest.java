package io.watchkeeper.certmanager;

import io.watchkeeper.core.cert.CertificateFilter;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.StoredCertificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which owners have active certificates expiring soon: one entry per owner listing all of theirs,
 * soonest first — the content of the once-a-day expiry digest (sending and deduplication are the
 * notifier's).
 */
public final class ExpiryDigest {

    /** One owner's expiring certificates. */
    public record OwnerDigest(String owner, List<StoredCertificate> certificates) {

        /** The message text: one line per certificate. */
        public String body() {
            StringBuilder sb = new StringBuilder();
            for (StoredCertificate c : certificates) {
                sb.append("- #").append(c.id()).append(' ').append(c.metadata().subject())
                        .append(" (").append(String.join(", ", c.metadata().dnsNames())).append(") expires ")
                        .append(c.metadata().notAfter()).append(c.source().name().equals("ISSUED")
                                ? " — renewed automatically" : " — not issued by Watchkeeper: renew it at its CA")
                        .append('\n');
            }
            return sb.toString();
        }
    }

    private final CertificateStore store;
    private final Clock clock;

    public ExpiryDigest(CertificateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<OwnerDigest> expiringWithin(Duration window) {
        Instant before = clock.instant().plus(window);
        Map<String, List<StoredCertificate>> byOwner = new TreeMap<>();
        long after = 0;
        while (true) {
            List<StoredCertificate> page = store.list(new CertificateFilter(null, null, null, null, CertificateStatus.ACTIVE,
                    before, null, after, 1000, null));
            page.forEach(c -> byOwner.computeIfAbsent(c.ownerLabel(), o -> new ArrayList<>()).add(c));
            if (page.size() < 1000) {
                break;
            }
            after = page.getLast().id();
        }
        List<OwnerDigest> digests = new ArrayList<>();
        byOwner.forEach((owner, certs) -> {
            certs.sort(java.util.Comparator.comparing(c -> c.metadata().notAfter()));
            digests.add(new OwnerDigest(owner, List.copyOf(certs)));
        });
        return digests;
    }
}
