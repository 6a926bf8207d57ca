package io.watchkeeper.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM during a measured span: used heap sampled every 20 ms on a daemon
 * thread; the heap memory pools' own peak usage (reset at the start of each span; their sum is an
 * upper bound, the pools peak at different moments); and the largest heap left after a garbage
 * collection (what was still reachable, from GC notifications). Also the span's GC count and
 * time and the process CPU time.
 */
final class HeapSampler implements AutoCloseable {

    /** What one span showed. */
    record Peak(long sampledBytes, long poolPeakSumBytes, long afterGcBytes, long gcCount, long gcMillis, long cpuNanos) {}

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long max;
    private volatile long maxAfterGc;
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final NotificationListener gcListener = this::afterGc;
    private long gcCount0;
    private long gcMillis0;
    private long cpu0;

    HeapSampler() {
        thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::loop);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
            }
        }
    }

    private void afterGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcName().contains("Concurrent")) {
            return; // pauses of a concurrent cycle (remark, cleanup) leave the young generation as it was
        }
        Map<String, MemoryUsage> after = info.getGcInfo().getMemoryUsageAfterGc();
        long used = after.entrySet().stream().filter(e -> heapPoolNames.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
        synchronized (this) {
            if (used > maxAfterGc) {
                maxAfterGc = used;
            }
        }
    }

    private void loop() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > max) {
                max = used;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts a span. */
    void reset() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        max = memory.getHeapMemoryUsage().getUsed();
        maxAfterGc = 0;
        gcCount0 = gcCount();
        gcMillis0 = gcMillis();
        cpu0 = cpuNanos();
    }

    /** The span so far. */
    Peak peak() {
        long pools = heapPools.stream().mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed()).sum();
        return new Peak(max, pools, maxAfterGc, gcCount() - gcCount0, gcMillis() - gcMillis0, cpuNanos() - cpu0);
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(c -> c > 0).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(c -> c > 0).sum();
    }

    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(gcListener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // not registered
                }
            }
        }
        running = false;
        thread.interrupt();
    }
}
