package io.tvbridge.core.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that owns a piece of state and takes its work from a queue in batches: it
 * waits for one item, then takes whatever else has arrived (up to {@code maxBatch}) and
 * hands the lot to the handler at once. Under load, batches grow and one database commit
 * serves many items; when idle, an item is handled alone with no added delay.
 *
 * <p>{@link #close()} refuses new items, lets the handler finish everything queued, and
 * waits for the thread to end.
 */
public final class BatchWorker<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);

    private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<T>> handler;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean accepting = true;

    public BatchWorker(String name, int maxBatch, Consumer<List<T>> handler) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
        }
        this.handler = Objects.requireNonNull(handler, "handler");
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(false);
    }

    public BatchWorker<T> start() {
        thread.start();
        return this;
    }

    /** Queues an item; false when the worker is closing and took nothing. */
    public boolean offer(T item) {
        if (!accepting) {
            return false;
        }
        return queue.offer(Objects.requireNonNull(item, "item"));
    }

    public int queued() {
        return queue.size();
    }

    /** Whether the caller is this worker's own thread. */
    public boolean isWorkerThread() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        List<T> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                T first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!accepting && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                handler.accept(List.copyOf(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // the handler reports its own failures; this only keeps the thread alive
                log.error("{} failed on a batch of {}", thread.getName(), batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    /** Waits up to {@code timeout} for everything queued so far to be handled. */
    public void close(Duration timeout) {
        accepting = false;
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("{} did not finish within {} s; {} items left", thread.getName(), timeout.toSeconds(),
                    queue.size());
            thread.interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
