package io.tvbridge.core.report;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoredFill;
import io.tvbridge.core.store.TimeRange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Profit and loss from the stored fills: the realized profit of each fill was computed by the
 * ledger against the position's average cost when the fill was recorded, so it is summed here,
 * never computed again. The unrealized result of open positions comes from the broker when it
 * answers (its own figure, or its market price), else from the last fill prices.
 */
public final class PnlService {
    private final Store store;
    private final BrokerHandle broker;
    private final Supplier<RiskSettings> settings;
    private final Clock clock;

    public PnlService(Store store, BrokerHandle broker, Supplier<RiskSettings> settings, Clock clock) {
        this.store = store;
        this.broker = broker;
        this.settings = settings;
        this.clock = clock;
    }

    /** The period that is running now, with the open positions' result. */
    public PnlReport report(Period period) {
        Instant now = clock.instant();
        return report(period.wireName(), period.start(now, settings.get()), now, true);
    }

    /** From {@code from} to {@code to}; with {@code unrealized}, the open positions' result now. */
    public PnlReport report(String name, Instant from, Instant to, boolean unrealized) {
        List<StoredFill> fills = store.inTransaction(session -> session.fillsBetween(new TimeRange(Optional.of(from), Optional.of(to))));
        PnlLine total = PnlLine.empty("total");
        Map<String, PnlLine> bySymbol = new TreeMap<>();
        Map<String, PnlLine> byStrategy = new TreeMap<>();
        for (StoredFill fill : fills) {
            BigDecimal commission = fill.fill().commission();
            total = total.withFill(fill.realizedPnl(), commission);
            String symbol = fill.fill().symbol();
            bySymbol.put(symbol, bySymbol.getOrDefault(symbol, PnlLine.empty(symbol))
                    .withFill(fill.realizedPnl(), commission));
            String strategy = fill.strategy().orElse(PnlReport.NO_STRATEGY);
            byStrategy.put(strategy, byStrategy.getOrDefault(strategy, PnlLine.empty(strategy))
                    .withFill(fill.realizedPnl(), commission));
        }
        Optional<String> source = Optional.empty();
        if (unrealized) {
            Unrealized open = unrealized();
            source = Optional.of(open.source());
            total = total.withUnrealized(BigDecimal.ZERO);
            for (Map.Entry<String, BigDecimal> entry : open.bySymbol().entrySet()) {
                String symbol = entry.getKey();
                bySymbol.put(symbol, bySymbol.getOrDefault(symbol, PnlLine.empty(symbol))
                        .withUnrealized(entry.getValue()));
                total = total.withUnrealized(entry.getValue());
            }
        }
        return new PnlReport(name, from, to, source, total, List.copyOf(bySymbol.values()),
                List.copyOf(byStrategy.values()));
    }

    private record Unrealized(String source, Map<String, BigDecimal> bySymbol) {
    }

    private Unrealized unrealized() {
        Map<String, ExpectedPosition> expected = new TreeMap<>();
        Map<String, BigDecimal> lastPrices = store.inTransaction(session -> {
            session.positions(broker.name()).forEach(p -> expected.put(p.symbol(), p));
            return session.lastFillPrices();
        });
        Map<String, BigDecimal> result = new TreeMap<>();
        try {
            for (Position position : broker.broker().positions()) {
                BigDecimal multiplier = Optional.ofNullable(expected.get(position.symbol()))
                        .map(ExpectedPosition::multiplier).orElse(BigDecimal.ONE);
                Optional<BigDecimal> mark = position.marketPrice()
                        .or(() -> Optional.ofNullable(lastPrices.get(position.symbol())));
                Optional<BigDecimal> amount = position.unrealizedPnl().or(() -> mark.map(price ->
                        price.subtract(position.averageCost()).multiply(position.quantity()).multiply(multiplier)));
                amount.ifPresent(value -> result.put(position.symbol(), value));
            }
            return new Unrealized("broker", result);
        } catch (BrokerException | RuntimeException e) {
            for (ExpectedPosition position : expected.values()) {
                BigDecimal price = lastPrices.get(position.symbol());
                if (position.quantity().signum() != 0 && price != null) {
                    result.put(position.symbol(), position.holding().unrealizedPnl(price, position.multiplier()));
                }
            }
            return new Unrealized("last_prices", result);
        }
    }
}
