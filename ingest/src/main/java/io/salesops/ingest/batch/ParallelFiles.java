package io.salesops.ingest.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Runs one task per file on a few threads. The largest files start first (the batch takes at least
 * as long as its largest file, so starting it last would waste the other threads); results come
 * back in the tasks' order. The first failure cancels what has not finished and is rethrown.
 */
final class ParallelFiles {

    private ParallelFiles() {
    }

    static <T> List<T> run(List<Callable<T>> tasks, List<Long> sizes, int threads) {
        if (threads <= 1 || tasks.size() <= 1) {
            List<T> results = new ArrayList<>();
            for (Callable<T> task : tasks) {
                results.add(call(task));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), runnable -> {
            Thread thread = new Thread(runnable, "ingest-file");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<T> completions = new ExecutorCompletionService<>(pool);
            Map<Future<T>, Integer> indexes = new HashMap<>();
            IntStream.range(0, tasks.size()).boxed()
                    .sorted(Comparator.comparing(sizes::get).reversed())
                    .forEach(i -> indexes.put(completions.submit(tasks.get(i)), i));
            List<T> results = new ArrayList<>(Collections.nCopies(tasks.size(), null));
            for (int done = 0; done < tasks.size(); done++) {
                Future<T> next = take(completions);
                results.set(indexes.get(next), await(next));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Future<T> take(CompletionService<T> completions) {
        try {
            return completions.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
