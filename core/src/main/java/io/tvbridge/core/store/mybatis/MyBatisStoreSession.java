package io.tvbridge.core.store.mybatis;

import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Holding;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertAction;
import io.tvbridge.core.alert.AlertDialect;
import io.tvbridge.core.alert.AlertExits;
import io.tvbridge.core.alert.AlertPrices;
import io.tvbridge.core.alert.AlertSize;
import io.tvbridge.core.alert.AlertTags;
import io.tvbridge.core.alert.CancelScope;
import io.tvbridge.core.alert.QuantityUnit;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.model.OrderPrices;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.model.PositionDifference;
import io.tvbridge.core.model.Reconciliation;
import io.tvbridge.core.store.AuditEntry;
import io.tvbridge.core.store.AuditQuery;
import io.tvbridge.core.store.AuditRecord;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.Inbox;
import io.tvbridge.core.store.ListQuery;
import io.tvbridge.core.store.OrderChange;
import io.tvbridge.core.store.OrderProgress;
import io.tvbridge.core.store.OrderRef;
import io.tvbridge.core.store.Page;
import io.tvbridge.core.store.PendingSignal;
import io.tvbridge.core.store.SignalKey;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredFill;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.StoredSignal;
import io.tvbridge.core.store.TimeRange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.ibatis.session.SqlSession;

/** A {@link StoreSession} over one MyBatis session; converts rows to and from tvbridge's records. */
final class MyBatisStoreSession implements StoreSession {
    private final SqlSession session;
    private final SignalMapper signals;
    private final OrderMapper orders;
    private final FillMapper fills;
    private final PositionMapper positions;
    private final AuditMapper audit;
    private final SettingsMapper settings;
    private final PendingMapper pending;
    private final ReconciliationMapper reconciliations;
    private final InboxMapper inbox;
    private final BrokerJournalMapper journals;
    private final Clock clock;

    MyBatisStoreSession(SqlSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.signals = session.getMapper(SignalMapper.class);
        this.orders = session.getMapper(OrderMapper.class);
        this.fills = session.getMapper(FillMapper.class);
        this.positions = session.getMapper(PositionMapper.class);
        this.audit = session.getMapper(AuditMapper.class);
        this.settings = session.getMapper(SettingsMapper.class);
        this.pending = session.getMapper(PendingMapper.class);
        this.reconciliations = session.getMapper(ReconciliationMapper.class);
        this.inbox = session.getMapper(InboxMapper.class);
        this.journals = session.getMapper(BrokerJournalMapper.class);
    }

    /** A mapper in this session's transaction, for the SQL that lives beside the session (the lease's fence). */
    <T> T mapper(Class<T> type) {
        return session.getMapper(type);
    }

    // signals

    @Override
    public void insertSignal(StoredSignal s) {
        Alert a = s.alert();
        signals.insert(new SignalRow(s.id(), s.receivedAt(), a.alertId().orElse(null), s.bodyHash(),
                s.sourceAddress().orElse(null), s.contentType().orElse(null), s.payload(), a.action().name(),
                a.symbol().orElse(null), a.instrument().flatMap(InstrumentRef::exchange).orElse(null),
                a.quantity().orElse(null), orderTypeColumn(a), a.price().orElse(null),
                a.limitPrice().orElse(null), a.stopPrice().orElse(null), a.stopLoss().orElse(null),
                a.takeProfit().orElse(null), a.strategy().orElse(null), a.time().orElse(null),
                a.comment().orElse(null), s.decision().name(), s.reason().orElse(null), s.decidedAt(),
                s.duplicates(), s.dryRun(), a.targetPosition().orElse(null), a.conviction().orElse(null),
                a.outsideRegularHours(), a.dialect().wireName(), a.quantityUnit().wireName(),
                trailAmount(a.trail()), trailPercent(a.trail())));
    }

    /** A cancel places no order: its {@code order_type} column holds which working orders it cancels. */
    private static String orderTypeColumn(Alert alert) {
        return alert.cancels().map(CancelScope::name).orElseGet(() -> alert.orderType().name());
    }

    @Override
    public Optional<StoredSignal> findSignal(long id) {
        return Optional.ofNullable(signals.find(id)).map(MyBatisStoreSession::toSignal);
    }

    @Override
    public List<SignalKey> signalKeys(Instant since) {
        return signals.keys(since).stream().map(row -> new SignalKey(row.id(), Optional.ofNullable(row.alertId()),
                row.bodyHash(), row.receivedAt())).toList();
    }

    @Override
    public List<Long> nextSignalIds(int count) {
        return inbox.nextIds(count);
    }

    @Override
    public void addToInbox(long signalId, Instant receivedAt, String instance) {
        inbox.insert(signalId, receivedAt, instance);
    }

    @Override
    public boolean decideStored(long signalId, Decision decision, Optional<String> reason, Instant at,
                                boolean dryRun) {
        if (signals.decideStored(signalId, decision.name(), reason.orElse(null), at, dryRun) == 0) {
            return false;
        }
        inbox.delete(signalId);
        return true;
    }

    @Override
    public List<Long> inbox(int limit) {
        return inbox.oldest(limit);
    }

    @Override
    public List<StoredSignal> signalsAmong(Set<Long> ids) {
        return ids.isEmpty() ? List.of()
                : signals.among(ids).stream().map(MyBatisStoreSession::toSignal).toList();
    }

    @Override
    public Inbox inboxState() {
        InboxMapper.StateRow row = inbox.state();
        return new Inbox(row.waiting(), Optional.ofNullable(row.oldest()));
    }

    @Override
    public Optional<StoredSignal> findSignalByAlertId(String alertId) {
        return Optional.ofNullable(signals.findByAlertId(alertId)).map(MyBatisStoreSession::toSignal);
    }

    @Override
    public Optional<Long> signalWithBody(String bodyHash, Instant since) {
        return Optional.ofNullable(signals.firstWithBody(bodyHash, since));
    }

    @Override
    public List<StoredSignal> decidedAmong(Set<Long> ids) {
        return ids.isEmpty() ? List.of()
                : signals.decidedAmong(ids).stream().map(MyBatisStoreSession::toSignal).toList();
    }

    @Override
    public void recordDuplicate(long signalId, Instant at) {
        signals.recordDuplicate(signalId, at);
    }

    @Override
    public long maxSignalId() {
        return signals.maxId();
    }

    @Override
    public List<StoredSignal> recentSignals(int limit) {
        return signals.recent(limit).stream().map(MyBatisStoreSession::toSignal).toList();
    }

    @Override
    public void updateDecision(long signalId, Decision decision, Optional<String> reason, Instant decidedAt) {
        signals.updateDecision(signalId, decision.name(), reason.orElse(null), decidedAt);
    }

    // the pending queue

    @Override
    public void insertPending(PendingSignal p) {
        pending.insert(new PendingRow(p.signalId(), p.symbol(), p.assetClass().name(), p.outsideRegularHours(),
                p.queuedAt(), p.releaseAt(), p.state().name(), p.endedAt().orElse(null), p.endedBy().orElse(null),
                p.note().orElse(null)));
    }

    @Override
    public List<PendingSignal> pendingSignals(PendingSignal.State state) {
        return pending.inState(state.name()).stream().map(MyBatisStoreSession::toPending).toList();
    }

    @Override
    public List<PendingSignal> recentPending(int limit) {
        return pending.recent(limit).stream().map(MyBatisStoreSession::toPending).toList();
    }

    @Override
    public boolean endPending(long signalId, PendingSignal.State state, Instant at, String by, String note) {
        return pending.end(signalId, state.name(), at, by, note) == 1;
    }

    private static PendingSignal toPending(PendingRow r) {
        return new PendingSignal(r.signalId(), r.symbol(), AssetClass.valueOf(r.assetClass()), r.outsideRth(),
                r.queuedAt(), r.releaseAt(), PendingSignal.State.valueOf(r.state()), Optional.ofNullable(r.endedAt()),
                Optional.ofNullable(r.endedBy()), Optional.ofNullable(r.note()));
    }

    @Override
    public Page<StoredSignal> signals(ListQuery query) {
        Filter filter = Filter.of(query);
        return page(signals.page(filter).stream().map(MyBatisStoreSession::toSignal).toList(), signals.countPage(filter),
                query);
    }

    private static <T> Page<T> page(List<T> items, long total, ListQuery query) {
        return new Page<>(items, total, query.limit(), query.offset());
    }

    private static StoredSignal toSignal(SignalRow r) {
        Optional<InstrumentRef> instrument = Optional.ofNullable(r.symbol())
                .map(symbol -> new InstrumentRef(symbol, Optional.ofNullable(r.exchange()), Optional.empty()));
        AlertSize size = new AlertSize(decimal(r.quantity()),
                QuantityUnit.valueOf(r.quantityUnit().toUpperCase(Locale.ROOT)), decimal(r.targetPosition()));
        AlertAction action = AlertAction.valueOf(r.action());
        boolean cancel = action == AlertAction.CANCEL;
        AlertPrices prices = new AlertPrices(cancel ? OrderType.MARKET : OrderType.valueOf(r.orderType()),
                decimal(r.price()), decimal(r.limitPrice()), decimal(r.stopPrice()),
                trail(r.trailAmount(), r.trailPercent()));
        // the signal table has no account column yet: a stored alert's named account is not kept
        AlertTags tags = new AlertTags(Optional.ofNullable(r.strategy()), Optional.ofNullable(r.alertId()),
                Optional.ofNullable(r.alertTime()), Optional.ofNullable(r.comment()), Optional.ofNullable(r.conviction()),
                Optional.empty(), AlertDialect.valueOf(r.dialect().toUpperCase(Locale.ROOT)));
        Alert alert = new Alert(action, instrument, size, prices,
                AlertExits.atPrices(decimal(r.stopLoss()), decimal(r.takeProfit())), tags, r.outsideRth(),
                cancel ? Optional.of(CancelScope.valueOf(r.orderType())) : Optional.empty());
        return new StoredSignal(r.id(), r.receivedAt(), r.bodyHash(), Optional.ofNullable(r.sourceAddress()),
                Optional.ofNullable(r.contentType()), r.payload(), alert, Decision.valueOf(r.decision()),
                Optional.ofNullable(r.reason()), r.decidedAt(), r.duplicates(), r.dryRun());
    }

    // orders

    @Override
    public void insertOrder(StoredOrder o) {
        orders.insert(new OrderRow(o.id(), o.clientOrderId().value(), o.signalId(), o.broker(), o.account(),
                o.symbol(), o.instrument().exchange().orElse(null),
                o.instrument().assetClass().map(Enum::name).orElse(null), o.side().name(), o.quantity(),
                o.type().name(), o.limitPrice().orElse(null), o.stopPrice().orElse(null),
                o.takeProfit().orElse(null), o.stopLoss().orElse(null), o.referencePrice().orElse(null),
                o.timeInForce().name(), o.outsideRegularHours(), o.multiplier(), o.phase().name(),
                o.brokerOrderId().orElse(null), o.filledQuantity(), o.averageFillPrice().orElse(null),
                o.reason().orElse(null), o.createdAt(), o.submittedAt().orElse(null), o.updatedAt(),
                o.parent().map(ClientOrderId::value).orElse(null), o.opens(), trailAmount(o.trail()),
                trailPercent(o.trail()), o.progress().cancelRequestedAt().orElse(null)));
    }

    @Override
    public Optional<StoredOrder> findOrder(ClientOrderId id) {
        return Optional.ofNullable(orders.find(id.value())).map(MyBatisStoreSession::toOrder);
    }

    @Override
    public List<StoredOrder> ordersOfSignal(long signalId) {
        return orders.ofSignal(signalId).stream().map(MyBatisStoreSession::toOrder).toList();
    }

    @Override
    public List<StoredOrder> ordersInPhases(Set<OrderPhase> phases) {
        if (phases.isEmpty()) {
            return List.of();
        }
        return orders.inStatuses(phases.stream().map(Enum::name).toList()).stream()
                .map(MyBatisStoreSession::toOrder).toList();
    }

    @Override
    public long maxOrderId() {
        return orders.maxId();
    }

    @Override
    public Page<StoredOrder> orders(ListQuery query) {
        Filter filter = Filter.of(query);
        return page(orders.page(filter).stream().map(MyBatisStoreSession::toOrder).toList(), orders.countPage(filter),
                query);
    }

    @Override
    public void saveProgress(ClientOrderId id, OrderProgress p) {
        orders.saveProgress(id.value(), p.phase().name(), p.multiplier(), p.brokerOrderId().orElse(null),
                p.filledQuantity(), p.averageFillPrice().orElse(null), p.reason().orElse(null),
                p.submittedAt().orElse(null), p.updatedAt(), p.cancelRequestedAt().orElse(null));
    }

    @Override
    public void recordOrderEvent(OrderChange c) {
        orders.insertEvent(c.clientOrderId().value(), c.phase().name(), c.filledQuantity(),
                c.averageFillPrice().orElse(null), c.brokerOrderId().orElse(null), c.reason().orElse(null), c.at(),
                clock.instant());
    }

    private static StoredOrder toOrder(OrderRow r) {
        InstrumentRef instrument = new InstrumentRef(r.symbol(), Optional.ofNullable(r.exchange()),
                Optional.ofNullable(r.assetClass()).map(AssetClass::valueOf));
        OrderRef ref = new OrderRef(r.id(), ClientOrderId.of(r.clientOrderId()), r.signalId(), r.broker(), r.account(),
                Optional.ofNullable(r.parentClientOrderId()).map(ClientOrderId::of));
        OrderPrices prices = new OrderPrices(OrderType.valueOf(r.orderType()), decimal(r.limitPrice()),
                decimal(r.stopPrice()), trail(r.trailAmount(), r.trailPercent()));
        PlannedOrder plan = new PlannedOrder(instrument, Side.valueOf(r.side()), clean(r.quantity()), prices,
                decimal(r.takeProfit()), decimal(r.stopLoss()), decimal(r.referencePrice()),
                TimeInForce.valueOf(r.timeInForce()), r.opens());
        OrderProgress progress = new OrderProgress(OrderPhase.valueOf(r.status()), clean(r.multiplier()),
                Optional.ofNullable(r.brokerOrderId()), clean(r.filledQuantity()), decimal(r.averageFillPrice()),
                Optional.ofNullable(r.reason()), Optional.ofNullable(r.submittedAt()), r.updatedAt(),
                Optional.ofNullable(r.cancelRequestedAt()));
        return new StoredOrder(ref, plan, r.outsideRth(), r.createdAt(), progress);
    }

    // fills and positions

    @Override
    public boolean isNewFill(String broker, Fill f) {
        return fills.count(broker, f.executionId()) == 0;
    }

    @Override
    public void insertFill(String broker, Fill f, BigDecimal realizedPnl, Instant recordedAt) {
        fills.insert(new FillRow(broker, f.executionId(), f.clientOrderId().value(), f.symbol(), f.side().name(),
                f.quantity(), f.price(), f.commission(), f.commissionCurrency(), f.time(), recordedAt, realizedPnl));
    }

    @Override
    public List<Fill> fillsOfOrder(ClientOrderId id) {
        return fills.ofOrder(id.value()).stream()
                .map(r -> fill(r.clientOrderId(), r.executionId(), r.symbol(), r.side(), r.quantity(), r.price(),
                        r.commission(), r.commissionCurrency(), r.filledAt()))
                .toList();
    }

    private static Fill fill(String clientOrderId, String executionId, String symbol, String side,
                             BigDecimal quantity, BigDecimal price, BigDecimal commission, String currency,
                             Instant at) {
        return new Fill(ClientOrderId.of(clientOrderId), executionId, symbol, Side.valueOf(side), clean(quantity),
                clean(price), clean(commission), currency, at);
    }

    @Override
    public Page<StoredFill> fills(ListQuery query) {
        Filter filter = Filter.of(query);
        return page(fills.page(filter).stream().map(MyBatisStoreSession::toStoredFill).toList(),
                fills.countPage(filter), query);
    }

    @Override
    public BigDecimal filledQuantity(ClientOrderId id) {
        return clean(fills.sumQuantity(id.value()));
    }

    @Override
    public void savePosition(ExpectedPosition p, boolean stored) {
        PositionRow row = new PositionRow(p.broker(), p.account(), p.symbol(), p.holding().quantity(),
                p.holding().averageCost(), p.multiplier(), p.holding().realizedPnl(), p.commissions(), p.updatedAt());
        if (stored) {
            positions.update(row);
        } else {
            positions.insert(row);
        }
    }

    @Override
    public List<ExpectedPosition> positions(String broker) {
        return positions.all(broker).stream().map(MyBatisStoreSession::toPosition).toList();
    }

    private static ExpectedPosition toPosition(PositionRow r) {
        return new ExpectedPosition(r.broker(), r.account(), r.symbol(),
                new Holding(clean(r.quantity()), clean(r.averageCost()), clean(r.realizedPnl())),
                clean(r.multiplier()), clean(r.commissions()), r.updatedAt());
    }

    @Override
    public long ordersSince(Instant since) {
        return orders.countSince(since);
    }

    @Override
    public Map<String, Long> entriesSince(Instant since) {
        Map<String, Long> entries = new TreeMap<>();
        for (Map<String, Object> row : orders.entriesSince(since)) {
            entries.put((String) column(row, "symbol"), ((Number) column(row, "entries")).longValue());
        }
        return entries;
    }

    @Override
    public BigDecimal realizedSince(Instant since) {
        return clean(fills.realizedSince(since));
    }

    @Override
    public BigDecimal commissionsSince(Instant since) {
        return clean(fills.commissionsSince(since));
    }

    @Override
    public Map<String, BigDecimal> lastFillPrices() {
        Map<String, BigDecimal> prices = new TreeMap<>();
        for (Map<String, Object> row : fills.lastPrices()) {
            prices.put((String) column(row, "symbol"), clean((BigDecimal) column(row, "price")));
        }
        return prices;
    }

    // journals

    @Override
    public List<StoredSignal> signalsReceived(TimeRange range) {
        return signals.received(range.from().orElse(null), range.to().orElse(null)).stream()
                .map(MyBatisStoreSession::toSignal).toList();
    }

    @Override
    public List<StoredOrder> ordersCreated(TimeRange range) {
        return orders.created(range.from().orElse(null), range.to().orElse(null)).stream()
                .map(MyBatisStoreSession::toOrder).toList();
    }

    @Override
    public List<StoredFill> fillsBetween(TimeRange range) {
        return fills.between(range.from().orElse(null), range.to().orElse(null)).stream()
                .map(MyBatisStoreSession::toStoredFill).toList();
    }

    private static StoredFill toStoredFill(JournalFillRow r) {
        return new StoredFill(r.broker(), fill(r.clientOrderId(), r.executionId(), r.symbol(), r.side(), r.quantity(),
                r.price(), r.commission(), r.commissionCurrency(), r.filledAt()), clean(r.realizedPnl()),
                r.recordedAt(), Optional.ofNullable(r.signalId()), Optional.ofNullable(r.strategy()));
    }

    // settings

    @Override
    public Map<String, String> settings() {
        Map<String, String> values = new TreeMap<>();
        for (Map<String, Object> row : settings.all()) {
            values.put((String) column(row, "name"), (String) column(row, "setting_value"));
        }
        return values;
    }

    @Override
    public void putSetting(String name, String value, Instant at, String actor) {
        if (settings.update(name, value, at, actor) == 0) {
            settings.insert(name, value, at, actor);
        }
    }

    /** A column of a map row; H2 and PostgreSQL spell column labels in different cases. */
    private static Object column(Map<String, Object> row, String name) {
        Object value = row.get(name);
        return value != null ? value : row.get(name.toUpperCase(Locale.ROOT));
    }

    // audit and properties

    @Override
    public void audit(AuditEntry e) {
        audit.insert(new AuditRow(0, e.at(), e.actor(), e.action(), e.details()));
    }

    @Override
    public List<AuditEntry> recentAudit(int limit) {
        return audit.recent(limit).stream().map(r -> toAudit(r).entry()).toList();
    }

    @Override
    public Page<AuditRecord> auditLog(AuditQuery query) {
        Filter filter = Filter.of(query);
        return new Page<>(audit.page(filter).stream().map(MyBatisStoreSession::toAudit).toList(), audit.countPage(filter),
                query.limit(), query.offset());
    }

    private static AuditRecord toAudit(AuditRow r) {
        return new AuditRecord(r.id(), new AuditEntry(r.at(), r.actor(), r.action(),
                r.details() == null ? "" : r.details()));
    }

    // reconciliations

    @Override
    public Reconciliation insertReconciliation(Reconciliation r) {
        long id = reconciliations.maxId() + 1;
        reconciliations.insert(new ReconciliationRow(id, r.at(), r.broker(), r.actor(), r.outcome().name(),
                r.positionsChecked(), r.details(), r.resolvedAt().orElse(null), r.resolvedBy().orElse(null)));
        for (PositionDifference d : r.differences()) {
            reconciliations.insertDifference(new DifferenceRow(id, d.symbol(), d.expected(), d.actual()));
        }
        return findReconciliation(id).orElseThrow();
    }

    @Override
    public Optional<Reconciliation> findReconciliation(long id) {
        return Optional.ofNullable(reconciliations.find(id)).map(row -> toReconciliations(List.of(row)).get(0));
    }

    @Override
    public Page<Reconciliation> reconciliations(ListQuery query) {
        Filter filter = Filter.of(query);
        return page(toReconciliations(reconciliations.page(filter)), reconciliations.countPage(filter), query);
    }

    @Override
    public boolean resolveReconciliation(long id, Instant at, String actor) {
        return reconciliations.resolve(id, at, actor) == 1;
    }

    private List<Reconciliation> toReconciliations(List<ReconciliationRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PositionDifference>> differences = new HashMap<>();
        for (DifferenceRow d : reconciliations.differences(rows.stream().map(ReconciliationRow::id).toList())) {
            differences.computeIfAbsent(d.reconciliationId(), id -> new ArrayList<>())
                    .add(new PositionDifference(d.symbol(), clean(d.expected()), clean(d.actual())));
        }
        return rows.stream().map(r -> new Reconciliation(r.id(), r.at(), r.broker(), r.actor(),
                Reconciliation.Outcome.valueOf(r.outcome()), r.positionsChecked(),
                differences.getOrDefault(r.id(), List.of()), r.details(), Optional.ofNullable(r.resolvedAt()),
                Optional.ofNullable(r.resolvedBy()))).toList();
    }

    // broker journals

    @Override
    public long appendJournalLines(String broker, String name, List<String> lines, Instant at) {
        long seq = journals.lastSeq(broker, name);
        for (String line : lines) {
            journals.insert(broker, name, ++seq, line, at);
        }
        return seq;
    }

    @Override
    public long journalSize(String broker, String name) {
        return journals.lastSeq(broker, name);
    }

    @Override
    public List<String> journalLines(String broker, String name) {
        return journals.lines(broker, name);
    }

    @Override
    public Optional<String> property(String name) {
        return Optional.ofNullable(audit.property(name));
    }

    @Override
    public void putProperty(String name, String value) {
        if (audit.updateProperty(name, value) == 0) {
            audit.insertProperty(name, value);
        }
    }

    @Override
    public void commit() {
        session.commit(true);
    }

    @Override
    public void rollback() {
        session.rollback(true);
    }

    @Override
    public void close() {
        session.close();
    }

    /** Numeric columns come back at their column scale (10.000000000000); tvbridge compares by value. */
    private static BigDecimal clean(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Optional<BigDecimal> decimal(BigDecimal value) {
        return Optional.ofNullable(value).map(MyBatisStoreSession::clean);
    }

    /** A trailing stop's distance is one of two columns: {@code trail_amount} or {@code trail_percent}. */
    private static Optional<TrailingStop> trail(BigDecimal amount, BigDecimal percent) {
        return decimal(amount).map(TrailingStop::amount).or(() -> decimal(percent).map(TrailingStop::percent));
    }

    private static BigDecimal trailAmount(Optional<TrailingStop> trail) {
        return trail.filter(t -> !t.percent()).map(TrailingStop::distance).orElse(null);
    }

    private static BigDecimal trailPercent(Optional<TrailingStop> trail) {
        return trail.filter(TrailingStop::percent).map(TrailingStop::distance).orElse(null);
    }
}
