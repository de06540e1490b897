package io.tvbridge.core.order;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.core.routing.BrokerHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the broker for the account's cash, equity and buying power at start and then every
 * {@code interval}, off the decision thread, and passes the answer on (to sizing and the
 * cash checks). A failed request leaves the last known snapshot in place.
 */
public final class AccountWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccountWatcher.class);

    private final BrokerHandle broker;
    private final Consumer<AccountSnapshot> consumer;
    private final ScheduledExecutorService timer;
    private volatile Optional<AccountSnapshot> latest = Optional.empty();

    public AccountWatcher(BrokerHandle broker, Duration interval, Consumer<AccountSnapshot> consumer) {
        this.broker = broker;
        this.consumer = consumer;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tvbridge-account");
            thread.setDaemon(true);
            return thread;
        });
        refresh();   // sizing by equity can work from the first signal on
        timer.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks now, in the background. */
    public void refreshSoon() {
        try {
            timer.execute(this::refresh);
        } catch (RejectedExecutionException e) {
            // stopping: the account is not asked again (it is asked at the next start)
        }
    }

    /** Asks now and waits for the answer; the snapshot reaches the consumer before this returns. */
    public void refreshNow() {
        refresh();
    }

    public Optional<AccountSnapshot> latest() {
        return latest;
    }

    private void refresh() {
        try {
            if (!broker.broker().health().connected()) {
                return;
            }
            AccountSnapshot snapshot = broker.broker().account();
            latest = Optional.of(snapshot);
            consumer.accept(snapshot);
        } catch (BrokerException | RuntimeException e) {
            log.debug("the {} account could not be read: {}", broker.name(), e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
