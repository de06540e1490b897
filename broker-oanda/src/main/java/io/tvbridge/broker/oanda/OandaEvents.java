package io.tvbridge.broker.oanda;

import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.OrderUpdate;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Hands events to tvbridge's listener from one thread of the broker's own, in the order they
 * were queued, never on a caller's thread: whoever queues an event returns at once.
 */
final class OandaEvents implements AutoCloseable {
    private static final System.Logger log = System.getLogger(OandaEvents.class.getName());

    private final BrokerListener listener;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread events = new Thread(runnable, "oanda-events");
        events.setDaemon(true);
        return events;
    });

    OandaEvents(BrokerListener listener) {
        this.listener = listener;
    }

    void fill(Fill fill) {
        deliver(() -> listener.onFill(fill));
    }

    void update(OrderUpdate update) {
        deliver(() -> listener.onOrderUpdate(update));
    }

    void connection(ConnectionEvent event) {
        deliver(() -> listener.onConnection(event));
    }

    private void deliver(Runnable call) {
        try {
            thread.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    log.log(Level.WARNING, "tvbridge's listener failed on an OANDA event", e);
                }
            });
        } catch (RejectedExecutionException closed) {
            log.log(Level.DEBUG, "OANDA event after close dropped");
        }
    }

    /** Delivers what is queued (for at most 5 s), then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
