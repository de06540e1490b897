package io.tvbridge.broker.ibkr;

import io.tvbridge.broker.ibkr.codec.IbCommissionReport;
import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbExecution;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderState;
import io.tvbridge.broker.ibkr.codec.IbOrderStatus;
import io.tvbridge.broker.ibkr.mapping.IbkrErrorCodes;
import io.tvbridge.broker.ibkr.mapping.IbkrSymbols;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns what TWS reports into tvbridge's events. Every method hops onto the broker's one
 * event thread, so the tracked state changes in the order TWS spoke and the listener is
 * called from one thread, never concurrently.
 *
 * <p>TWS repeats identical ORDER_STATUS messages: they are folded. It does not promise a
 * status for every change, so fills come from executions, each joined with its commission
 * report (or reported without one after {@link #COMMISSION_WAIT}) and counted once by its
 * execution id without the correction suffix. A status that reports more filled than the
 * fills reported so far is held until they are, so a filled update never overtakes its fills.
 */
final class IbkrEvents implements IbkrSession.Events {
    private static final System.Logger log = System.getLogger(IbkrEvents.class.getName());
    static final Duration COMMISSION_WAIT = Duration.ofSeconds(5);
    static final Duration HOLD_LIMIT = Duration.ofSeconds(10);
    private static final DateTimeFormatter EXECUTION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    /** The parts of the broker the events reach: the connection's life and the orders that need a look. */
    interface Connection {
        void up(IbkrSession.SessionInfo info);

        void down(String reason);

        void linkLost(String detail);

        void linkRestored(String detail, boolean dataLost);

        void readOnly();

        void queryOrder(TrackedOrder order);

        void accountsManaged(List<String> accounts);
    }

    private final IbkrState state;
    private final IbkrOrderJournal journal;
    private final BrokerListener listener;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final Connection connection;

    IbkrEvents(IbkrState state, IbkrOrderJournal journal, BrokerListener listener, Clock clock,
               ScheduledExecutorService thread, Connection connection) {
        this.state = state;
        this.journal = journal;
        this.listener = listener;
        this.clock = clock;
        this.thread = thread;
        this.connection = connection;
    }

    private void onThread(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.log(System.Logger.Level.ERROR, "IBKR: handling an event failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.log(System.Logger.Level.DEBUG, "IBKR: an event arrived after the broker closed");
        }
    }

    @Override
    public void sessionUp(IbkrSession.SessionInfo info) {
        onThread(() -> connection.up(info));
    }

    @Override
    public void sessionDown(String reason) {
        onThread(() -> {
            BrokerException unavailable = new BrokerException(BrokerException.Kind.UNAVAILABLE,
                    "the connection to TWS was lost: " + reason);
            state.contractRequests.values().forEach(p -> p.fail(unavailable));
            state.executionRequests.values().forEach(p -> p.fail(unavailable));
            state.summaryRequests.values().forEach(p -> p.fail(unavailable));
            Optional.ofNullable(state.positions).ifPresent(p -> p.fail(unavailable));
            Optional.ofNullable(state.openOrders).ifPresent(p -> p.fail(unavailable));
            connection.down(reason);
        });
    }

    @Override
    public void managedAccounts(List<String> accounts) {
        onThread(() -> connection.accountsManaged(accounts));
    }

    // --- orders ---

    @Override
    public void orderStatus(IbOrderStatus status) {
        onThread(() -> state.find("", status.permId(), status.orderId()).ifPresent(order -> {
            state.identify(order, status.orderId(), status.permId());
            journal.permanentId(order.id, status.permId());
            String key = status.status() + "|" + status.filled() + "|" + status.remaining() + "|"
                    + status.avgFillPrice() + "|" + status.lastFillPrice() + "|" + status.whyHeld();
            if (key.equals(order.lastStatusKey)) {
                return;   // TWS repeats identical statuses
            }
            order.lastStatusKey = key;
            BigDecimal filled = status.filled() == null ? order.filled : status.filled();
            OrderStatus mapped = map(status.status(), filled, order.quantity);
            acknowledge(order, mapped);
            if (status.avgFillPrice() != null && status.avgFillPrice().signum() > 0) {
                order.averagePrice = Optional.of(status.avgFillPrice());
            }
            report(order, mapped, filled.max(order.filled), order.reason);
        }));
    }

    @Override
    public void openOrder(IbContract contract, IbOrder ibOrder, IbOrderState orderState) {
        onThread(() -> {
            Optional<Pending<IbkrState.OpenOrderRow>> pending = Optional.ofNullable(state.openOrders);
            pending.ifPresent(p -> p.add(new IbkrState.OpenOrderRow(contract, ibOrder, orderState)));
            Optional<TrackedOrder> found = state.find(ibOrder.orderRef(), ibOrder.permId(), ibOrder.orderId());
            if (found.isEmpty()) {
                found = adopt(contract, ibOrder);
            }
            found.ifPresent(order -> {
                state.identify(order, ibOrder.orderId(), ibOrder.permId());
                journal.permanentId(order.id, ibOrder.permId());
                OrderStatus mapped = map(orderState.status(), order.filled, order.quantity);
                acknowledge(order, mapped);
                if (mapped != order.status && mapped != OrderStatus.FILLED) {
                    report(order, mapped, order.filled, order.reason);
                }
            });
        });
    }

    @Override
    public void openOrderEnd() {
        onThread(() -> Optional.ofNullable(state.openOrders).ifPresent(Pending::complete));
    }

    /** An order of tvbridge's that this run did not send (placed before a restart): tracked from now on. */
    private Optional<TrackedOrder> adopt(IbContract contract, IbOrder ibOrder) {
        Optional<ClientOrderId> id = IbkrState.clientOrderId(ibOrder.orderRef());
        if (id.isEmpty() || ibOrder.totalQuantity() == null) {
            return Optional.empty();   // not one of ours
        }
        OrderType type = orderType(ibOrder.orderType());
        TrackedOrder order = new TrackedOrder(id.get(), IbkrSymbols.tradingViewSymbol(contract),
                ibOrder.action().equals("SELL") ? Side.SELL : Side.BUY, ibOrder.totalQuantity(), type,
                Optional.ofNullable(ibOrder.lmtPrice()).filter(p -> type.needsLimitPrice()),
                Optional.ofNullable(ibOrder.auxPrice()).filter(p -> type.needsStopPrice()), ibOrder.orderId(),
                clock.instant(), false);
        state.track(order);
        log.log(System.Logger.Level.INFO, "IBKR: adopted order " + order.id + " (IB order " + ibOrder.orderId()
                + ", perm " + ibOrder.permId() + ") still working from before");
        return Optional.of(order);
    }

    @Override
    public void execution(int reqId, IbContract contract, IbExecution execution) {
        onThread(() -> {
            if (reqId >= 0) {
                Optional.ofNullable(state.executionRequests.get(reqId))
                        .ifPresent(p -> p.add(new IbkrState.ExecutionRow(contract, execution)));
            }
            Optional<TrackedOrder> found = state.find(execution.orderRef(), execution.permId(), execution.orderId());
            if (found.isEmpty()) {
                found = adoptFromExecution(contract, execution);
            }
            found.ifPresent(order -> {
                String base = baseExecutionId(execution.execId());
                if (order.fills.containsKey(base) || order.awaitingCommission.values().stream()
                        .anyMatch(e -> baseExecutionId(e.execId()).equals(base))) {
                    // a repeat after a reconnect, or a correction: the execution counts once
                    log.log(System.Logger.Level.DEBUG, "IBKR: execution " + execution.execId() + " seen before");
                    return;
                }
                state.identify(order, execution.orderId(), execution.permId());
                order.awaitingCommission.put(execution.execId(), execution);
                state.byExecutionId.put(execution.execId(), order);
                IbCommissionReport early = state.earlyCommissions.remove(execution.execId());
                if (early != null) {
                    completeFill(order, execution, early.commission(), early.currency());
                } else {
                    thread.schedule(() -> commissionTimedOut(order, execution.execId()),
                            COMMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        });
    }

    private Optional<TrackedOrder> adoptFromExecution(IbContract contract, IbExecution execution) {
        Optional<ClientOrderId> id = IbkrState.clientOrderId(execution.orderRef());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal quantity = execution.cumQty() != null ? execution.cumQty() : execution.shares();
        TrackedOrder order = new TrackedOrder(id.get(), IbkrSymbols.tradingViewSymbol(contract),
                execution.side().equals("SLD") ? Side.SELL : Side.BUY, quantity, OrderType.MARKET,
                Optional.empty(), Optional.empty(), execution.orderId(), clock.instant(), false);
        state.track(order);
        return Optional.of(order);
    }

    @Override
    public void executionsEnd(int reqId) {
        onThread(() -> Optional.ofNullable(state.executionRequests.remove(reqId)).ifPresent(Pending::complete));
    }

    @Override
    public void commissionReport(IbCommissionReport report) {
        onThread(() -> {
            TrackedOrder order = state.byExecutionId.get(report.execId());
            if (order == null || !order.awaitingCommission.containsKey(report.execId())) {
                if (order == null) {
                    state.earlyCommissions.put(report.execId(), report);
                }
                return;
            }
            completeFill(order, order.awaitingCommission.get(report.execId()), report.commission(), report.currency());
        });
    }

    private void commissionTimedOut(TrackedOrder order, String execId) {
        IbExecution execution = order.awaitingCommission.get(execId);
        if (execution != null) {
            log.log(System.Logger.Level.WARNING, "IBKR: no commission report for execution " + execId + " within "
                    + COMMISSION_WAIT.toSeconds() + " s; the fill is recorded without commission");
            completeFill(order, execution, BigDecimal.ZERO, "");
        }
    }

    private void completeFill(TrackedOrder order, IbExecution execution, BigDecimal commission, String currency) {
        order.awaitingCommission.remove(execution.execId());
        String base = baseExecutionId(execution.execId());
        if (order.fills.containsKey(base) || execution.shares() == null || execution.price() == null) {
            return;
        }
        Fill fill = new Fill(order.id, base, order.symbol, execution.side().equals("SLD") ? Side.SELL : Side.BUY,
                execution.shares(), execution.price(), commission == null ? BigDecimal.ZERO : commission.abs(),
                currency == null || currency.isBlank() ? "USD" : currency, executionTime(execution.time()));
        order.fills.put(base, fill);
        BigDecimal reported = order.reportedFills();
        if (reported.compareTo(order.filled) > 0) {
            order.filled = reported;
        }
        if (execution.avgPrice() != null && execution.avgPrice().signum() > 0) {
            order.averagePrice = Optional.of(execution.avgPrice());
        }
        listener.onFill(fill);
        if (order.held != null && reported.compareTo(order.held.filledQuantity()) >= 0) {
            release(order);
        } else if (order.held == null && !order.status.isTerminal() && reported.compareTo(order.quantity) >= 0) {
            report(order, OrderStatus.FILLED, reported, order.reason);
        }
    }

    // --- errors and notices ---

    @Override
    public void error(int id, int code, String message, String advancedOrderRejectJson) {
        onThread(() -> {
            IbkrErrorCodes.Category category = IbkrErrorCodes.categorize(code);
            String reason = IbkrErrorCodes.describe(code, message);
            if (id >= 0 && failRequest(id, category, reason)) {
                return;
            }
            TrackedOrder order = id > 0 ? state.byOrderId.get(id) : null;
            switch (category) {
                case ORDER_REJECTED, READ_ONLY -> {
                    if (category == IbkrErrorCodes.Category.READ_ONLY && message.contains("Read-Only")) {
                        connection.readOnly();
                    }
                    if (order != null) {
                        reject(order, reason);
                    } else {
                        log.log(System.Logger.Level.WARNING, "IBKR: " + reason);
                    }
                }
                case ORDER_CANCELLED -> {
                    if (order != null && !message.isBlank() && !message.strip().endsWith("reason:")) {
                        order.reason = Optional.of(reason);
                    }
                }
                case ORDER_WARNING -> log.log(System.Logger.Level.INFO, "IBKR: " + reason
                        + (order == null ? "" : " (order " + order.id + ")"));
                case QUERY_ORDER, UNKNOWN -> {
                    log.log(System.Logger.Level.WARNING, "IBKR: " + reason + (order == null ? "" : "; asking TWS "
                            + "where order " + order.id + " stands"));
                    if (order != null) {
                        connection.queryOrder(order);
                    }
                }
                case CONNECTIVITY_LOST -> connection.linkLost(reason);
                case CONNECTIVITY_RESTORED -> connection.linkRestored(reason, false);
                case CONNECTIVITY_RESTORED_DATA_LOST -> connection.linkRestored(reason, true);
                case CONNECTION_CLOSED, PACING -> log.log(System.Logger.Level.WARNING, "IBKR: " + reason);
                case INFORMATIONAL -> log.log(System.Logger.Level.DEBUG, "IBKR: " + reason);
                case REQUEST_FAILED -> log.log(System.Logger.Level.WARNING, "IBKR: " + reason);
            }
        });
    }

    /** An error that answers a request (not an order): the request fails with IB's reason. */
    private boolean failRequest(int reqId, IbkrErrorCodes.Category category, String reason) {
        BrokerException failure = new BrokerException(BrokerException.Kind.REJECTED, reason);
        Pending<IbContractDetails> contracts = state.contractRequests.remove(reqId);
        if (contracts != null) {
            contracts.fail(failure);
            return true;
        }
        Pending<IbkrState.ExecutionRow> executions = state.executionRequests.remove(reqId);
        if (executions != null) {
            executions.fail(failure);
            return true;
        }
        Pending<IbkrState.SummaryRow> summary = state.summaryRequests.remove(reqId);
        if (summary != null) {
            summary.fail(failure);
            return true;
        }
        return false;
    }

    private void reject(TrackedOrder order, String reason) {
        order.reason = Optional.of(reason);
        if (order.acknowledged != null && !order.acknowledged.isDone()) {
            order.acknowledged.completeExceptionally(new BrokerException(BrokerException.Kind.REJECTED, reason));
        }
        report(order, OrderStatus.REJECTED, order.filled, order.reason);
    }

    // --- requests ---

    @Override
    public void contractDetails(int reqId, IbContractDetails details) {
        onThread(() -> Optional.ofNullable(state.contractRequests.get(reqId)).ifPresent(p -> p.add(details)));
    }

    @Override
    public void contractDetailsEnd(int reqId) {
        onThread(() -> Optional.ofNullable(state.contractRequests.remove(reqId)).ifPresent(Pending::complete));
    }

    @Override
    public void position(String account, IbContract contract, BigDecimal position, BigDecimal averageCost) {
        onThread(() -> Optional.ofNullable(state.positions)
                .ifPresent(p -> p.add(new IbkrState.PositionRow(account, contract, position, averageCost))));
    }

    @Override
    public void positionEnd() {
        onThread(() -> Optional.ofNullable(state.positions).ifPresent(Pending::complete));
    }

    @Override
    public void accountSummary(int reqId, String account, String tag, String value, String currency) {
        onThread(() -> Optional.ofNullable(state.summaryRequests.get(reqId))
                .ifPresent(p -> p.add(new IbkrState.SummaryRow(account, tag, value, currency))));
    }

    @Override
    public void accountSummaryEnd(int reqId) {
        onThread(() -> Optional.ofNullable(state.summaryRequests.remove(reqId)).ifPresent(Pending::complete));
    }

    // --- reporting ---

    private void acknowledge(TrackedOrder order, OrderStatus status) {
        if (order.acknowledged != null && !order.acknowledged.isDone()) {
            if (status == OrderStatus.REJECTED) {
                order.acknowledged.completeExceptionally(new BrokerException(BrokerException.Kind.REJECTED,
                        order.reason.orElse("IB did not accept the order")));
            } else {
                order.acknowledged.complete(status);
            }
        }
    }

    /** Reports a state, unless it would move the order back or report fills not reported yet. */
    private void report(TrackedOrder order, OrderStatus status, BigDecimal filled, Optional<String> reason) {
        if (order.status.isTerminal() || (status == order.status && filled.compareTo(order.filled) <= 0
                && reason.equals(order.reason) && order.held == null)) {
            return;
        }
        if (status != order.status && !order.status.canMoveTo(status)) {
            return;
        }
        OrderUpdate update = new OrderUpdate(order.id, Optional.of(order.brokerOrderId()), status, filled,
                order.averagePrice, reason, clock.instant());
        if (filled.compareTo(order.reportedFills()) > 0) {
            order.held = update;   // its fills are on their way
            thread.schedule(() -> {
                if (order.held == update) {
                    log.log(System.Logger.Level.WARNING, "IBKR: order " + order.id + " reports " + filled
                            + " filled but only " + order.reportedFills() + " came as executions; reporting it");
                    release(order);
                }
            }, HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        apply(order, update);
    }

    private void release(TrackedOrder order) {
        OrderUpdate held = order.held;
        order.held = null;
        if (held != null && !order.status.isTerminal()) {
            apply(order, held);
        }
    }

    private void apply(TrackedOrder order, OrderUpdate update) {
        order.status = update.status();
        order.filled = order.filled.max(update.filledQuantity());
        order.updatedAt = update.time();
        listener.onOrderUpdate(update);
    }

    // --- mapping ---

    /** IB's status words (§5.2) to tvbridge's; {@code Inactive} counts as a rejection. */
    static OrderStatus map(String ibStatus, BigDecimal filled, BigDecimal quantity) {
        boolean partly = filled != null && filled.signum() > 0;
        boolean complete = filled != null && filled.compareTo(quantity) >= 0;
        return switch (ibStatus) {
            case "ApiPending", "PendingSubmit" -> OrderStatus.PENDING;
            case "PreSubmitted", "Submitted", "PendingCancel" ->
                    complete ? OrderStatus.FILLED : partly ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
            case "Filled" -> OrderStatus.FILLED;
            case "Cancelled", "ApiCancelled" -> complete ? OrderStatus.FILLED : OrderStatus.CANCELLED;
            case "Inactive" -> OrderStatus.REJECTED;
            default -> partly ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        };
    }

    static OrderType orderType(String ibType) {
        return switch (ibType) {
            case "LMT" -> OrderType.LIMIT;
            case "STP" -> OrderType.STOP;
            case "STP LMT" -> OrderType.STOP_LIMIT;
            case "TRAIL" -> OrderType.TRAILING_STOP;
            default -> OrderType.MARKET;
        };
    }

    /** An execution id without the suffix a correction changes ({@code 0000e0d5.6789abcd.01.01} → {@code ...01}). */
    static String baseExecutionId(String execId) {
        int dot = execId.lastIndexOf('.');
        return dot > 0 ? execId.substring(0, dot) : execId;
    }

    /** {@code 20260115 09:31:02 US/Eastern} (or an older form without zone) → an instant; now if unreadable. */
    private Instant executionTime(String text) {
        try {
            String[] parts = text.strip().split("\\s+");
            LocalDateTime local = LocalDateTime.parse(parts[0] + " " + parts[1], EXECUTION_TIME);
            ZoneId zone = parts.length > 2 ? ZoneId.of(parts[2]) : ZoneId.of("America/New_York");
            return local.atZone(zone).toInstant();
        } catch (RuntimeException e) {
            return clock.instant();
        }
    }
}
