package io.tvbridge.core.store;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.Reconciliation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One transaction's view of the database. Reads see the session's own uncommitted writes.
 * Not thread-safe: a session belongs to one thread.
 */
public interface StoreSession extends AutoCloseable {

    // signals

    void insertSignal(StoredSignal signal);

    Optional<StoredSignal> findSignal(long id);

    void recordDuplicate(long signalId, Instant at);

    /**
     * The keys of every decided signal that has an alert id, and of every decided signal received at
     * or after {@code since}: what the decision loop needs at start to recognise resent alerts by
     * itself (a signal still in the inbox is recognised when it is decided).
     */
    List<SignalKey> signalKeys(Instant since);

    long maxSignalId();

    List<StoredSignal> recentSignals(int limit);

    // signals stored by instances that do not trade (a shared database)

    /**
     * {@code count} new signal ids from the database's sequence, which every instance of a shared
     * database takes its ids from; an id taken and not used is never handed out again.
     */
    List<Long> nextSignalIds(int count);

    /** Lists a stored, undecided signal for the trading instance to decide; {@code instance} stored it. */
    void addToInbox(long signalId, Instant receivedAt, String instance);

    /**
     * Records the decision of a signal another instance stored and takes it off the inbox; false,
     * changing nothing, when it is not undecided (any more).
     */
    boolean decideStored(long signalId, Decision decision, Optional<String> reason, Instant at, boolean dryRun);

    /** The ids of the signals waiting in the inbox, oldest first, at most {@code limit}. */
    List<Long> inbox(int limit);

    /** The signals of {@code ids} (those that exist), by id. */
    List<StoredSignal> signalsAmong(Set<Long> ids);

    /** How many signals wait in the inbox and since when. */
    Inbox inboxState();

    Optional<StoredSignal> findSignalByAlertId(String alertId);

    /** The first signal with {@code bodyHash} received at or after {@code since}. */
    Optional<Long> signalWithBody(String bodyHash, Instant since);

    /** Those of {@code ids} that have a decision (are not {@code stored} any more). */
    List<StoredSignal> decidedAmong(Set<Long> ids);

    /** A queued signal decided at the open: its decision and reason replace "queued". */
    void updateDecision(long signalId, Decision decision, Optional<String> reason,
                        Instant decidedAt);

    // the pending queue

    void insertPending(PendingSignal pending);

    /** Pending signals in {@code state}, oldest first. */
    List<PendingSignal> pendingSignals(PendingSignal.State state);

    /** The newest pending-queue entries in any state, newest first. */
    List<PendingSignal> recentPending(int limit);

    /** Ends a waiting entry; false when it was no longer waiting. */
    boolean endPending(long signalId, PendingSignal.State state, Instant at, String by, String note);
    /** Signals by symbol, strategy, decision ({@code status}) and time received. */
    Page<StoredSignal> signals(ListQuery query);

    // orders

    void insertOrder(StoredOrder order);

    Optional<StoredOrder> findOrder(ClientOrderId id);

    List<StoredOrder> ordersOfSignal(long signalId);

    /** The client order ids a signal's answer names: its orders, without a bracket's children. */
    default List<ClientOrderId> answeredOrderIds(long signalId) {
        return ordersOfSignal(signalId).stream().filter(order -> order.parent().isEmpty())
                .map(StoredOrder::clientOrderId).toList();
    }

    List<StoredOrder> ordersInPhases(Set<OrderPhase> phases);

    long maxOrderId();

    /** Orders by symbol, strategy of their signal, status and time created. */
    Page<StoredOrder> orders(ListQuery query);

    /**
     * Writes how far an order has got, every field of {@code progress} as it is: the engine
     * writes an order's latest state once per batch, however often it changed within it.
     */
    void saveProgress(ClientOrderId id, OrderProgress progress);

    /** Records a change the broker reported as an order event (the order's own row is written with {@link #saveProgress}). */
    void recordOrderEvent(OrderChange change);

    // fills and positions

    /** Whether no fill with this execution id is stored yet for the broker. */
    boolean isNewFill(String broker, Fill fill);

    /** Stores a new fill with the profit or loss it realized. */
    void insertFill(String broker, Fill fill, BigDecimal realizedPnl, Instant recordedAt);

    List<Fill> fillsOfOrder(ClientOrderId id);

    /** Fills (trades) by symbol, strategy and time filled. */
    Page<StoredFill> fills(ListQuery query);


    /** The total quantity of the order's stored fills. */
    BigDecimal filledQuantity(ClientOrderId id);

    /** Writes the position: an update when a row for it is {@code stored} already, else a new row. */
    void savePosition(ExpectedPosition position, boolean stored);

    List<ExpectedPosition> positions(String broker);

    /** Orders created since {@code since} that went or go to a broker (not dry-run, not bracket children). */
    long ordersSince(Instant since);

    /** Orders that opened or added to a position since {@code since}, counted by symbol. */
    Map<String, Long> entriesSince(Instant since);

    /** The profit or loss realized by fills since {@code since}, before commissions. */
    BigDecimal realizedSince(Instant since);

    BigDecimal commissionsSince(Instant since);

    /** The price of the latest fill of each symbol. */
    Map<String, BigDecimal> lastFillPrices();

    // journals: what happened in a span of time, oldest first

    /** Signals received in {@code range}. */
    List<StoredSignal> signalsReceived(TimeRange range);

    /** Orders created in {@code range}, bracket children included. */
    List<StoredOrder> ordersCreated(TimeRange range);

    /** Fills that happened in {@code range}. */
    List<StoredFill> fillsBetween(TimeRange range);

    // settings

    /** Every stored setting by name. */
    Map<String, String> settings();

    void putSetting(String name, String value, Instant at, String actor);

    // audit and properties

    void audit(AuditEntry entry);

    List<AuditEntry> recentAudit(int limit);

    Page<AuditRecord> auditLog(AuditQuery query);

    // reconciliations

    /** Stores a reconciliation under a new number (the {@code id} given is ignored) and returns it as stored. */
    Reconciliation insertReconciliation(Reconciliation reconciliation);

    Optional<Reconciliation> findReconciliation(long id);

    /** Reconciliations by outcome ({@code status}) and time; the other filters do not apply. */
    Page<Reconciliation> reconciliations(ListQuery query);

    /** Marks a mismatch resolved; false when it was resolved already. */
    boolean resolveReconciliation(long id, Instant at, String actor);

    // broker journals: the lines a broker keeps its own state in, when the database keeps them

    /**
     * Adds {@code lines} after the last line of {@code broker}'s journal {@code name}, in order, written
     * at {@code at}; the number of the last one (a journal's first line is 1). The numbers are the
     * journal's primary key: of two sessions adding to one journal at once, one fails.
     */
    long appendJournalLines(String broker, String name, List<String> lines, Instant at);

    /** How many lines {@code broker}'s journal {@code name} has; 0 for an unknown journal. */
    long journalSize(String broker, String name);

    /** Every line of {@code broker}'s journal {@code name}, in the order they were added; none for an unknown journal. */
    List<String> journalLines(String broker, String name);

    Optional<String> property(String name);

    void putProperty(String name, String value);

    void commit();

    void rollback();

    @Override
    void close();
}
