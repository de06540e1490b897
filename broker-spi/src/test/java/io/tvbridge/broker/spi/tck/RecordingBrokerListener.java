package io.tvbridge.broker.spi.tck;

import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.OrderUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Captures what a broker reports, in order, for tests to wait on and compare. */
public final class RecordingBrokerListener implements BrokerListener {
    private final List<Object> events = new ArrayList<>();

    @Override
    public synchronized void onOrderUpdate(OrderUpdate update) {
        events.add(update);
        notifyAll();
    }

    @Override
    public synchronized void onFill(Fill fill) {
        events.add(fill);
        notifyAll();
    }

    @Override
    public synchronized void onConnection(ConnectionEvent event) {
        events.add(event);
        notifyAll();
    }

    public synchronized List<Object> events() {
        return List.copyOf(events);
    }

    public synchronized <T> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits up to 10 s until an event of {@code type} matching {@code condition} has arrived, and returns it. */
    public <T> T await(Class<T> type, Predicate<T> condition) throws InterruptedException {
        return await(type, condition, Duration.ofSeconds(10));
    }

    /** Waits up to {@code timeout} until an event of {@code type} matching {@code condition} has arrived. */
    public synchronized <T> T await(Class<T> type, Predicate<T> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Object event : events) {
                if (type.isInstance(event) && condition.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching " + type.getSimpleName() + " among " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
