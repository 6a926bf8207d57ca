package io.watchkeeper.watchers.aws.ec2;

import io.watchkeeper.core.secrets.FoundSecret;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * The user-data secret scans of the instances a watcher has read, so that a repeat watch of a
 * running instance makes no DescribeInstanceAttribute call. AWS lets user data be modified only
 * while the instance is {@code stopped}, and starting an instance sets a new {@code launchTime}: an
 * instance that is not stopped has the user data its launch had, so the scan of (account, region,
 * instance id, launch time) stays true for as long as that launch lasts. Stopped instances (and
 * unknown states, or no launch time) are read every watch; every successful read replaces the entry.
 *
 * <p>Only the scan result is kept (masked forms and keyed hashes, as stored in the configuration),
 * never the user data. The keys carry the account and region, so nothing crosses accounts. Bounded
 * (least recently used first out) and per process: it lives in the watcher, which the application
 * builds once ({@code WatcherRegistry}); nothing goes to the database (watchers may not depend on
 * db), so a restart reads each instance once more. A failed read stores nothing. The hashes use the
 * hash key of the process ({@code ConfigSecrets}), installed once at start-up.
 */
final class UserDataScans {

    /** Entries kept: about 200 bytes each, most with no secrets (the shared empty list). */
    static final int CAPACITY = 100_000;

    /** States in which the user data cannot be modified and the launch time names the launch. */
    private static final Set<InstanceStateName> SAME_LAUNCH = Set.of(InstanceStateName.PENDING,
            InstanceStateName.RUNNING, InstanceStateName.STOPPING, InstanceStateName.SHUTTING_DOWN);

    private record Launch(String accountId, String region, String instanceId, Instant launchTime) {}

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<Launch, List<FoundSecret>> scans;

    UserDataScans(int capacity) {
        this.capacity = capacity;
        this.scans = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Launch, List<FoundSecret>> eldest) {
                return size() > UserDataScans.this.capacity;
            }
        };
    }

    /**
     * The secrets in the user data of {@code instance}: the earlier scan of the same launch when the
     * instance is not stopped and was scanned before, else {@code read} (whose failure propagates and
     * keeps nothing).
     */
    List<FoundSecret> secrets(String accountId, String region, Instance instance, Supplier<List<FoundSecret>> read) {
        Launch launch = instance.launchTime() == null || instance.instanceId() == null ? null
                : new Launch(accountId, region, instance.instanceId(), instance.launchTime());
        if (launch != null && instance.state() != null && SAME_LAUNCH.contains(instance.state().name())) {
            List<FoundSecret> known = get(launch);
            if (known != null) {
                return known;
            }
        }
        List<FoundSecret> found = List.copyOf(read.get());
        if (launch != null) {
            put(launch, found);
        }
        return found;
    }

    /** Entries kept (for tests). */
    int size() {
        lock.lock();
        try {
            return scans.size();
        } finally {
            lock.unlock();
        }
    }

    private List<FoundSecret> get(Launch launch) {
        lock.lock();
        try {
            return scans.get(launch);
        } finally {
            lock.unlock();
        }
    }

    private void put(Launch launch, List<FoundSecret> found) {
        lock.lock();
        try {
            scans.put(launch, found);
        } finally {
            lock.unlock();
        }
    }
}
