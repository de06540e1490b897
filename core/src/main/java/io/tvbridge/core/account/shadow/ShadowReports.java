package io.tvbridge.core.account.shadow;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.money.Money;
import io.tvbridge.core.money.MissingRate;
import io.tvbridge.core.money.Valuation;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.signal.Mirror;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.StoredSignal;
import io.tvbridge.core.store.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The slippage report of one shadow against the account it follows: reads the leader's orders of
 * a time range and the shadow's copies from their two stores, pairs them (the copies of a signal
 * in the order of the leader's legs) and hands them to {@link SlippageReport}. Tick sizes and
 * currencies are the leader's broker's (it resolved each instrument when it placed the order).
 */
public final class ShadowReports {
    /** What a report covers when it is not told where to start. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final String leader;
    private final Store leaderStore;
    private final BrokerHandle leaderBroker;
    private final Supplier<Valuation> leaderValuation;
    private final String shadow;
    private final Store shadowStore;
    private final Clock clock;

    public ShadowReports(String leader, Store leaderStore, BrokerHandle leaderBroker,
                         Supplier<Valuation> leaderValuation, String shadow, Store shadowStore, Clock clock) {
        this.leader = leader;
        this.leaderStore = leaderStore;
        this.leaderBroker = leaderBroker;
        this.leaderValuation = leaderValuation;
        this.shadow = shadow;
        this.shadowStore = shadowStore;
        this.clock = clock;
    }

    public String leader() {
        return leader;
    }

    public String shadow() {
        return shadow;
    }

    /**
     * The report of the leader's orders created in {@code range} (from {@link #DEFAULT_PERIOD} ago
     * when it gives no start: a long history would make a long answer), of {@code symbol} and
     * {@code strategy} when given.
     *
     * @throws BrokerException when the leader's broker cannot say an instrument's tick size
     */
    public SlippageReport.Report report(TimeRange range, Optional<String> symbol, Optional<String> strategy)
            throws BrokerException {
        Instant from = range.from().orElseGet(() -> clock.instant().minus(DEFAULT_PERIOD));
        TimeRange covered = new TimeRange(Optional.of(from), range.to());
        Map<Long, List<StoredOrder>> bySignal = new LinkedHashMap<>();
        leaderStore.inTransaction(session -> session.ordersCreated(covered)).stream()
                .filter(order -> !order.isBracketChild() && order.phase() != OrderPhase.DRY_RUN)
                .sorted(Comparator.comparingLong(StoredOrder::id))
                .forEach(order -> bySignal.computeIfAbsent(order.signalId(), id -> new ArrayList<>()).add(order));
        Map<InstrumentRef, Instrument> instruments = new HashMap<>();
        List<SlippageReport.Pair> pairs = new ArrayList<>();
        for (Map.Entry<Long, List<StoredOrder>> entry : bySignal.entrySet()) {
            long signalId = entry.getKey();
            Optional<String> itsStrategy = leaderStore.inTransaction(session -> session.findSignal(signalId))
                    .flatMap(signal -> signal.alert().strategy());
            if (strategy.isPresent() && !strategy.equals(itsStrategy)) {
                continue;
            }
            Optional<StoredSignal> copy = shadowStore.inTransaction(session -> session.findSignalByAlertId(
                    Mirror.alertId(leader, signalId)));
            List<StoredOrder> copies = copy.filter(signal -> signal.decision() == Decision.ACCEPTED)
                    .map(signal -> shadowStore.inTransaction(session -> session.ordersOfSignal(signal.id())).stream()
                            .filter(order -> !order.isBracketChild())
                            .sorted(Comparator.comparingLong(StoredOrder::id)).toList())
                    .orElse(List.of());
            Optional<String> notCopied = copy.filter(signal -> signal.decision() != Decision.ACCEPTED)
                    .map(signal -> signal.reason().orElse(signal.decision().wireName()));
            List<StoredOrder> live = entry.getValue();
            for (int leg = 0; leg < live.size(); leg++) {
                StoredOrder order = live.get(leg);
                if (symbol.isPresent() && !symbol.get().equalsIgnoreCase(order.symbol())) {
                    continue;
                }
                Instrument instrument = instrument(instruments, order.instrument());
                pairs.add(new SlippageReport.Pair(itsStrategy, order,
                        leg < copies.size() ? Optional.of(copies.get(leg)) : Optional.empty(), notCopied,
                        instrument.tickSize(), instrument.currency()));
            }
        }
        Valuation valuation = leaderValuation.get();
        return SlippageReport.of(leader, shadow, from, range.to(), pairs, (ofSymbol, amount) -> {
            try {
                return Optional.of(valuation.toAccount(ofSymbol, amount));
            } catch (MissingRate e) {
                return Optional.<Money>empty();
            }
        });
    }

    private Instrument instrument(Map<InstrumentRef, Instrument> known, InstrumentRef ref) throws BrokerException {
        Instrument instrument = known.get(ref);
        if (instrument == null) {
            instrument = leaderBroker.broker().resolve(ref);
            known.put(ref, instrument);
        }
        return instrument;
    }
}
