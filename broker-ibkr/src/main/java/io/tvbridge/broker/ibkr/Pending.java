package io.tvbridge.broker.ibkr;

import io.tvbridge.broker.spi.BrokerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The answer to one request that TWS gives as several messages and an end marker. */
final class Pending<T> {
    private final List<T> items = new ArrayList<>();
    private final CompletableFuture<List<T>> done = new CompletableFuture<>();
    private final String what;

    Pending(String what) {
        this.what = what;
    }

    synchronized void add(T item) {
        items.add(item);
    }

    synchronized void complete() {
        done.complete(List.copyOf(items));
    }

    void fail(BrokerException reason) {
        done.completeExceptionally(reason);
    }

    List<T> await(Duration timeout) throws BrokerException {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BrokerException(BrokerException.Kind.TIMEOUT, "TWS did not answer " + what + " within "
                    + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BrokerException broker) {
                throw broker;
            }
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, what + " failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "interrupted while waiting for " + what, e);
        }
    }
}
