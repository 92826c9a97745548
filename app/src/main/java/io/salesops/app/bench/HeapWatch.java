package io.salesops.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a measured section used, two ways: the peak of heap in use, sampled every 50 ms, and
 * the peak of heap still live right after a collection, which is what the work really holds on
 * to. The first depends on -Xmx (a collector lets garbage pile up when there is room); the second
 * does not.
 */
final class HeapWatch implements AutoCloseable {

    private final AtomicLong peakLiveAfterGc = new AtomicLong();
    private final AtomicLong peakUsed = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService sampler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "heap-watch");
                thread.setDaemon(true);
                return thread;
            });

    static HeapWatch start() {
        System.gc();
        HeapWatch watch = new HeapWatch();
        var memory = ManagementFactory.getMemoryMXBean();
        watch.sampler.scheduleAtFixedRate(() -> watch.peakUsed.accumulateAndGet(
                memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
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

    /** The most heap in use at any sample since start. */
    long peakUsedBytes() {
        return peakUsed.get();
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
        sampler.shutdownNow();
        unsubscribe.forEach(Runnable::run);
    }
}
