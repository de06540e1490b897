package io.tvbridge.broker.spi;

import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.BrokerHealth;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.Position;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to one broker account.
 *
 * <p><b>Threads.</b> tvbridge may call every method from any of its threads, and from
 * several at once; a broker makes itself safe for that. No method may call back into the
 * {@link BrokerListener} on the caller's thread while holding a lock the listener could
 * need: events are delivered from the broker's own thread (see {@link BrokerListener}).
 *
 * <p><b>Identity.</b> Orders are identified by tvbridge's {@link ClientOrderId}, which the
 * broker carries to the venue. {@link #submit} with a client order id that was used before
 * places nothing and answers with the earlier order ({@link OrderAck#alreadyKnown()}).
 * {@link #lookup} finds an order by that id also in a new broker instance after a restart
 * of tvbridge, for as long as the venue keeps the order's record.
 *
 * <p><b>Blocking.</b> Calls that reach the venue block at most for the broker's request
 * timeout and then throw {@link BrokerException.Kind#TIMEOUT}. None blocks forever.
 *
 * <p><b>Units.</b> Quantities are positive {@link java.math.BigDecimal}s in instrument
 * units, positions are signed, prices are in the instrument's currency.
 */
public interface Broker extends AutoCloseable {

    /** What this broker supports; tvbridge does not send what is missing. */
    Set<BrokerCapability> capabilities();

    /**
     * Starts the connection to the venue. Blocks at most for the broker's connect timeout.
     * Returns when connected, or when the venue is unreachable but the broker will keep
     * trying in the background (then {@link #health()} says it is not connected, and a
     * {@link BrokerListener#onConnection} event follows when it connects).
     *
     * @throws BrokerException {@link BrokerException.Kind#AUTHENTICATION} or
     *     {@link BrokerException.Kind#CONFIGURATION} when retrying cannot help
     */
    void connect() throws BrokerException;

    /** The broker's health now, without a network round trip. Never throws. */
    BrokerHealth health();

    /**
     * Resolves the instrument a signal named. May ask the venue (and then caches).
     *
     * @throws BrokerException {@link BrokerException.Kind#REJECTED} for an unknown symbol,
     *     with the reason
     */
    Instrument resolve(InstrumentRef ref) throws BrokerException;

    /**
     * Sends an order. Returns once the venue acknowledged it (or, for a venue that does not
     * acknowledge separately, once it was handed over). The order's later life (fills,
     * cancel, reject) arrives through the {@link BrokerListener}. A rejection the venue
     * answers at once may come back either as an exception of kind
     * {@link BrokerException.Kind#REJECTED} or as an ack followed by a rejected update.
     *
     * @throws BrokerException {@link BrokerException.Kind#TIMEOUT} or
     *     {@link BrokerException.Kind#UNAVAILABLE} when the outcome is unknown or the venue
     *     is unreachable: the caller then calls {@link #lookup} before sending again
     */
    OrderAck submit(OrderRequest request) throws BrokerException;

    /**
     * Sends an order without waiting for the venue's acknowledgement: the answer {@link #submit}
     * would return, or the exception it would throw, completes the future instead. tvbridge's
     * order sender calls it from its one sending thread, so that orders of different symbols are
     * in flight at once while it keeps each symbol's orders in sequence (the next waits for this
     * future); it does not call it again with the same client order id before this future is done.
     *
     * <p>Returns once the order is handed over (written to the venue's connection, say): it may
     * block for the broker's outgoing pace and its write, but not for a round trip to the venue
     * (except in a rare case the broker documents, such as an id an earlier run began to send).
     * The future completes on any thread (typically the broker's event thread), and always
     * completes: when the venue does not answer within the broker's request timeout, exceptionally
     * with a {@link BrokerException} of {@link BrokerException.Kind#TIMEOUT}. tvbridge's callbacks
     * on it return at once (they only queue the answer for the sending thread), so completing it
     * from the thread that reads the venue's messages is safe. Every rule of
     * {@link #submit} holds: a used client order id places nothing and answers
     * {@link OrderAck#alreadyKnown()}; an exception whose outcome is unknown means the caller
     * calls {@link #lookup} before sending again. Failures complete the future; this method does
     * not throw.
     *
     * <p>The default runs {@link #submit} on the caller's thread and returns its answer as a
     * completed (or failed) future: right for brokers whose venue answers at once, and for plugins
     * written before this method, which keep working unchanged, one order at a time.
     */
    default CompletableFuture<OrderAck> submitAsync(OrderRequest request) {
        try {
            return CompletableFuture.completedFuture(submit(request));
        } catch (BrokerException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Asks the venue to cancel a working order. The confirmation arrives as a cancelled
     * update; cancelling an order that has just filled is not an error.
     *
     * @throws BrokerException {@link BrokerException.Kind#INVALID_REQUEST} for an id the
     *     broker does not know
     */
    void cancel(ClientOrderId clientOrderId) throws BrokerException;

    /** Orders still working at the venue, including those placed before a restart. */
    List<OrderState> openOrders() throws BrokerException;

    /**
     * Finds an order by tvbridge's id, working or finished, also after a restart.
     * Empty means the venue has no order with that id: it was never placed.
     */
    Optional<OrderState> lookup(ClientOrderId clientOrderId) throws BrokerException;

    /**
     * The executions of one order that the venue still reports, oldest first; empty when
     * there are none. tvbridge asks after a restart or an unknown outcome, to pick up fills
     * it may have missed; an execution reported before carries the same
     * {@link Fill#executionId()} here, so nothing is counted twice.
     */
    List<Fill> executions(ClientOrderId clientOrderId) throws BrokerException;

    /** Net positions held at the venue; flat instruments are left out. */
    List<Position> positions() throws BrokerException;

    /** The account's cash, equity and buying power. */
    AccountSnapshot account() throws BrokerException;

    /**
     * The venue's own factors that turn amounts of {@code currencies} into the account's currency
     * ({@code accountCurrency}, as {@link #account()} reports it). tvbridge's account watcher asks
     * from its own thread every time it reads the account, and the signal path asks once for the
     * currency of an instrument it has not met before; each call may block for the broker's
     * request timeout. The answer may leave out a currency the venue gives no rate for (tvbridge
     * then refuses orders that need it, naming the pair) and may list more than was asked.
     *
     * <p>The default knows no rates: right for a broker whose instruments all trade in the
     * account's currency, and for plugins written before this method.
     *
     * @throws BrokerException {@link BrokerException.Kind#UNAVAILABLE} or
     *     {@link BrokerException.Kind#TIMEOUT} when the venue cannot be asked now
     */
    default ConversionRates conversionRates(String accountCurrency, Set<String> currencies) throws BrokerException {
        return ConversionRates.none(accountCurrency, Instant.EPOCH);   // no factors, so no moment they hold at
    }

    /** Disconnects and frees every resource. Idempotent and never throws. */
    @Override
    void close();
}
