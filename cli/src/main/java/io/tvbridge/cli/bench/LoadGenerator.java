package io.tvbridge.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Runs a {@link LoadPlan}: one sender thread per connection, each sending one alert and waiting
 * for its answer before the next.
 *
 * <p>At a fixed rate, alert n is due at {@code start + n / rate}: a sender takes the next due
 * alert, waits for its time, sends it, and counts its latency from that due time, not from when
 * it was really sent. When the daemon is slow and every sender is busy, later alerts leave late,
 * and the lateness is part of their latency, as it would be for TradingView, which does not wait
 * for tvbridge before firing the next alert (coordinated omission, accounted for). As fast as
 * possible, each sender sends its next alert as soon as the last one was answered, and latency
 * counts from the send.
 */
public final class LoadGenerator {
    private final LoadPlan plan;
    private final Transport transport;
    private final LongFunction<byte[]> bodies;
    private final NanoClock clock;
    private final ReplyObserver observer;

    /** {@code bodies} gives the body of the n-th alert (see {@link AlertBodies#body}). */
    public LoadGenerator(LoadPlan plan, Transport transport, LongFunction<byte[]> bodies, NanoClock clock,
                         ReplyObserver observer) {
        this.plan = plan;
        this.transport = transport;
        this.bodies = bodies;
        this.clock = clock;
        this.observer = observer;
    }

    /** Runs {@code plan} over HTTP with {@link JettyTransport}, {@code bodies} giving the n-th alert's body. */
    public static LoadResult send(LoadPlan plan, LongFunction<byte[]> bodies, ReplyObserver observer)
            throws InterruptedException {
        try (JettyTransport transport = new JettyTransport(plan.webhook(), plan.connections(), plan.timeout())) {
            return new LoadGenerator(plan, transport, bodies, NanoClock.SYSTEM, observer).run();
        }
    }

    /** Sends for the warm-up and the duration, waits for the last answers, and returns the counts. */
    public LoadResult run() throws InterruptedException {
        long start = clock.nanoTime();
        long measureFrom = start + plan.warmup().toNanos();
        long end = measureFrom + plan.duration().toNanos();
        AtomicLong next = new AtomicLong();
        List<Sender> senders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < plan.connections(); i++) {
            Sender sender = new Sender(next, start, measureFrom, end);
            senders.add(sender);
            Thread thread = new Thread(sender, "bench-sender-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Tally warmup = new Tally();
        Tally measured = new Tally();
        for (Sender sender : senders) {
            warmup.add(sender.warmup);
            measured.add(sender.measured);
        }
        return new LoadResult(warmup, measured, measureFrom, end);
    }

    /** When alert {@code index} is due at a fixed rate of {@code perSecond}, counted from {@code start}. */
    static long dueAt(long start, long index, int perSecond) {
        return start + Math.round(index * (1_000_000_000.0 / perSecond));
    }

    private final class Sender implements Runnable {
        private final AtomicLong next;
        private final long start;
        private final long measureFrom;
        private final long end;
        private final Tally warmup = new Tally();
        private final Tally measured = new Tally();

        Sender(AtomicLong next, long start, long measureFrom, long end) {
            this.next = next;
            this.start = start;
            this.measureFrom = measureFrom;
            this.end = end;
        }

        @Override
        public void run() {
            while (true) {
                long index = next.getAndIncrement();
                long intended;
                if (plan.fixedRate()) {
                    intended = dueAt(start, index, plan.rate());
                    if (intended >= end) {
                        return;
                    }
                    clock.sleepUntil(intended);
                } else {
                    intended = clock.nanoTime();
                    if (intended >= end) {
                        return;
                    }
                }
                Reply reply = transport.post(bodies.apply(index));
                long answered = clock.nanoTime();
                (intended < measureFrom ? warmup : measured).count(reply, answered - intended, answered);
                observer.replied(index, intended, answered, reply);
            }
        }
    }
}
