package io.tvbridge.broker.oanda;

import io.tvbridge.broker.oanda.codec.OandaReply;
import io.tvbridge.broker.oanda.codec.OandaTransaction;
import io.tvbridge.broker.oanda.mapping.OandaReasons;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Places one order and learns its outcome from OANDA's transactions, never from the HTTP
 * status alone: OANDA answers 201 to a market order it then cancels (closed market, margin),
 * so a fill transaction means filled, a cancel transaction means refused, a reject
 * transaction (with a 400) means refused before an order existed.
 *
 * <p>When the answer is lost (timeout, broken connection, 5xx) the order is not sent again
 * blindly: OANDA's client order id is unique only among pending orders, so a second market
 * order with the same id would be placed. Instead the account's transactions since the last
 * id known before sending are searched for tvbridge's id (carried by the order, its fill or
 * cancel, and the trade it opened). Found: that is the outcome. Not found: it never arrived
 * and is sent again. The search failing too: the outcome is unknown, said by
 * {@link BrokerException.Kind#TIMEOUT} or {@link BrokerException.Kind#UNAVAILABLE}, and a
 * later {@code lookup} searches again.
 */
final class OandaPlacement {
    private static final System.Logger log = System.getLogger(OandaPlacement.class.getName());

    private final OandaApi api;
    private final OandaSession session;
    private final OandaOrderTracker tracker;
    private final OandaConfig config;
    private final Clock clock;

    OandaPlacement(OandaApi api, OandaSession session, OandaOrderTracker tracker, OandaConfig config, Clock clock) {
        this.api = api;
        this.session = session;
        this.tracker = tracker;
        this.config = config;
        this.clock = clock;
    }

    /** Sends {@code body}, the order with client id {@code id}, and answers with its outcome. */
    OrderAck place(ClientOrderId id, String body) throws BrokerException {
        for (int attempt = 0; ; attempt++) {
            String since = tracker.lastTransactionId();
            try {
                return outcome(id, api.createOrder(body));
            } catch (OandaCallException e) {
                if (!e.mayHaveArrived()) {
                    throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "order " + id
                            + " was not sent: " + e.getMessage(), e);
                }
                log.log(Level.WARNING, "the outcome of order " + id + " is unknown (" + e.getMessage()
                        + "); searching OANDA's transactions after " + since);
                Optional<OrderAck> found = search(id, since, e);
                if (found.isPresent()) {
                    return found.get();
                }
                if (attempt >= config.retries()) {
                    throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "order " + id + " did not reach"
                            + " OANDA in " + (attempt + 1) + " tries; nothing was placed (" + e.getMessage() + ")", e);
                }
                log.log(Level.INFO, "order " + id + " did not reach OANDA; sending it again");
            }
        }
    }

    /**
     * The outcome of an order from the transactions in OANDA's answer. A rejection throws
     * {@link BrokerException.Kind#REJECTED} with OANDA's reason; a cancelled market order is
     * acknowledged as rejected, its reason following in the rejected update.
     */
    OrderAck outcome(ClientOrderId id, OandaReply reply) throws BrokerException {
        List<OandaTransaction> ours = reply.transactions().stream().filter(t -> t.concerns(id.value())).toList();
        tracker.apply(reply.transactions());
        reply.lastTransactionId().ifPresent(tracker::noteLastTransactionId);
        Optional<OandaTransaction> rejected = ours.stream()
                .filter(t -> t.kind() == OandaTransaction.Kind.ORDER_REJECTED).findFirst();
        if (rejected.isPresent()) {
            throw new BrokerException(BrokerException.Kind.REJECTED, "OANDA rejected order " + id + ": "
                    + OandaReasons.describe(rejected.get().reason().orElse("REJECTED"))
                    + reply.errorMessage().map(m -> " - " + m).orElse(""));
        }
        Optional<OandaTransaction> created = ours.stream()
                .filter(t -> t.kind() == OandaTransaction.Kind.ORDER_CREATED).findFirst();
        if (created.isEmpty()) {
            throw new BrokerException(BrokerException.Kind.REJECTED, "OANDA refused order " + id + ": "
                    + reply.error().orElse("it created no order"));
        }
        OrderStatus status = tracker.state(id).map(OrderState::status).orElse(OrderStatus.PENDING);
        return new OrderAck(id, created.get().id(), status, false, clock.instant());
    }

    /**
     * Searches the transactions after {@code since} for order {@code id}: found, the tracker knows
     * its outcome (the poller may even have read it first); empty when it is not there.
     */
    private Optional<OrderAck> search(ClientOrderId id, String since, OandaCallException cause)
            throws BrokerException {
        BrokerException last = null;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            try {
                // a pause first, so that an order still on its way is in the history when it is read
                session.pause(OandaSession.backoff(attempt));
                OandaApi.Transactions page = api.transactionsSince(since, 0);
                tracker.apply(page.transactions());
                tracker.noteLastTransactionId(page.lastTransactionId());
                Optional<OrderState> found = tracker.state(id);
                found.ifPresent(state -> log.log(Level.INFO, "order " + id + " did reach OANDA: "
                        + state.status() + state.reason().map(r -> " - " + r).orElse("")));
                return found.map(state -> new OrderAck(id, state.brokerOrderId(), state.status(), false,
                        clock.instant()));
            } catch (OandaCallException interrupted) {
                break;
            } catch (BrokerException e) {
                if (e.kind() != BrokerException.Kind.UNAVAILABLE && e.kind() != BrokerException.Kind.TIMEOUT) {
                    throw e;
                }
                last = e;
            }
        }
        tracker.unresolved(id, since);
        throw new BrokerException(cause.timedOut() ? BrokerException.Kind.TIMEOUT : BrokerException.Kind.UNAVAILABLE,
                "the outcome of order " + id + " is unknown: " + cause.getMessage() + ", and OANDA's transactions"
                + " could not be searched since" + (last == null ? "" : " (" + last.getMessage() + ")"), cause);
    }
}
