package io.salesops.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a measured section used, two ways: the peak of heap in use (the sum of each heap pool's
 * peak since {@link #start}, so an upper bound: pools peak at different moments), and the peak of
 * heap still live right after a collection, which is what the work really holds on to. The first
 * depends on -Xmx (a collector lets garbage pile up when there is room); the second does not.
 */
final class HeapWatch implements AutoCloseable {

    private final AtomicLong peakLiveAfterGc = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();

    static HeapWatch start() {
        System.gc();
        HeapWatch watch = new HeapWatch();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                NotificationListener listener = watch::onCollection;
                emitter.addNotificationListener(listener, null, null);
                watch.unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
        return watch;
    }

    /** Sum over heap pools of their peak use since start. */
    long peakUsedBytes() {
        return heapPools().stream().map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
    }

    long peakLiveAfterGcBytes() {
        return peakLiveAfterGc.get();
    }

    static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long live = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> heapPools().stream().anyMatch(p -> p.getName().equals(e.getKey())))
                .mapToLong(e -> e.getValue().getUsed()).sum();
        peakLiveAfterGc.accumulateAndGet(live, Math::max);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    @Override
    public void close() {
        unsubscribe.forEach(Runnable::run);
    }
}
