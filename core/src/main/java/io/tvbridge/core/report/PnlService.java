package io.tvbridge.core.report;

import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.core.money.MissingRate;
import io.tvbridge.core.money.Money;
import io.tvbridge.core.money.Valuation;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoredFill;
import io.tvbridge.core.store.TimeRange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
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
    private final Supplier<Valuation> valuation;
    private final Consumer<InstrumentRef> prepare;

    /**
     * {@code valuation} gives the rates and symbol currencies known now; {@code prepare} has the
     * broker resolve a symbol (and its currency's rate) that is not known yet.
     */
    public PnlService(Store store, BrokerHandle broker, Supplier<RiskSettings> settings, Clock clock,
                      Supplier<Valuation> valuation, Consumer<InstrumentRef> prepare) {
        this.store = store;
        this.broker = broker;
        this.settings = settings;
        this.clock = clock;
        this.valuation = valuation;
        this.prepare = prepare;
    }

    /** The period that is running now, with the open positions' result. */
    public PnlReport report(Period period) {
        Instant now = clock.instant();
        return report(period.wireName(), period.start(now, settings.get()), now, true);
    }

    /** From {@code from} to {@code to}; with {@code unrealized}, the open positions' result now. */
    public PnlReport report(String name, Instant from, Instant to, boolean unrealized) {
        List<StoredFill> fills = store.inTransaction(session -> session.fillsBetween(new TimeRange(Optional.of(from), Optional.of(to))));
        fills.forEach(fill -> known(fill.fill().symbol()));
        Valuation known = valuation.get();
        String currency = known.rates().accountCurrency().orElse("");
        List<String> unvalued = new ArrayList<>();
        PnlLine total = PnlLine.empty("total", currency);
        Map<String, PnlLine> bySymbol = new TreeMap<>();
        Map<String, PnlLine> byStrategy = new TreeMap<>();
        for (StoredFill fill : fills) {
            String symbol = fill.fill().symbol();
            BigDecimal realized;
            BigDecimal commission;
            try {
                realized = known.toAccount(symbol, fill.realizedPnl()).amount();
                commission = commission(fill.fill(), known, currency);
            } catch (MissingRate e) {
                unvalued.add("fill " + fill.fill().executionId() + " of " + symbol + ": " + e.getMessage());
                continue;
            }
            total = total.withFill(realized, commission);
            bySymbol.put(symbol, bySymbol.getOrDefault(symbol, PnlLine.empty(symbol, currency))
                    .withFill(realized, commission));
            String strategy = fill.strategy().orElse(PnlReport.NO_STRATEGY);
            byStrategy.put(strategy, byStrategy.getOrDefault(strategy, PnlLine.empty(strategy, currency))
                    .withFill(realized, commission));
        }
        Optional<String> source = Optional.empty();
        if (unrealized) {
            Unrealized open = unrealized(unvalued);
            source = Optional.of(open.source());
            total = total.withUnrealized(BigDecimal.ZERO);
            for (Map.Entry<String, BigDecimal> entry : open.bySymbol().entrySet()) {
                String symbol = entry.getKey();
                bySymbol.put(symbol, bySymbol.getOrDefault(symbol, PnlLine.empty(symbol, currency))
                        .withUnrealized(entry.getValue()));
                total = total.withUnrealized(entry.getValue());
            }
        }
        return new PnlReport(name, from, to, source, total, List.copyOf(bySymbol.values()),
                List.copyOf(byStrategy.values()), unvalued.stream().distinct().toList());
    }

    /** A commission in the account's currency; a broker that names no currency charged the account's. */
    private static BigDecimal commission(Fill fill, Valuation known, String account) throws MissingRate {
        if (fill.commission().signum() == 0 || fill.commissionCurrency().isBlank()
                || fill.commissionCurrency().equals(account)) {
            return fill.commission();
        }
        return known.rates().toAccount(Money.of(fill.commission(), fill.commissionCurrency())).value().amount();
    }

    /** Has the broker resolve a symbol whose currency is not known yet; a symbol it cannot read stays unknown. */
    private void known(String symbol) {
        if (valuation.get().currencyOf(symbol).isEmpty()) {
            try {
                prepare.accept(InstrumentRef.parse(symbol));
            } catch (IllegalArgumentException e) {
                // not a symbol the broker could resolve: its fills are reported as not valued
            }
        }
    }

    private record Unrealized(String source, Map<String, BigDecimal> bySymbol) {
    }

    /** The open positions' result by symbol, in the account's currency. */
    private Unrealized unrealized(List<String> unvalued) {
        Map<String, ExpectedPosition> expected = new TreeMap<>();
        Map<String, BigDecimal> lastPrices = store.inTransaction(session -> {
            session.positions(broker.name()).forEach(p -> expected.put(p.symbol(), p));
            return session.lastFillPrices();
        });
        expected.keySet().forEach(this::known);
        Valuation known = valuation.get();
        Map<String, BigDecimal> result = new TreeMap<>();
        try {
            for (Position position : broker.broker().positions()) {
                BigDecimal multiplier = Optional.ofNullable(expected.get(position.symbol()))
                        .map(ExpectedPosition::multiplier).orElse(BigDecimal.ONE);
                Optional<BigDecimal> mark = position.marketPrice()
                        .or(() -> Optional.ofNullable(lastPrices.get(position.symbol())));
                Optional<BigDecimal> amount = position.unrealizedPnl().or(() -> mark.map(price ->
                        price.subtract(position.averageCost()).multiply(position.quantity()).multiply(multiplier)));
                if (amount.isPresent()) {
                    valued(position.symbol(), () -> known.rates().toAccount(Money.of(amount.get(),
                            position.currency())).value(), result, unvalued);
                }
            }
            return new Unrealized("broker", result);
        } catch (BrokerException | RuntimeException e) {
            result.clear();
            for (ExpectedPosition position : expected.values()) {
                BigDecimal price = lastPrices.get(position.symbol());
                if (position.quantity().signum() != 0 && price != null) {
                    valued(position.symbol(), () -> known.toAccount(position.symbol(),
                            position.holding().unrealizedPnl(price, position.multiplier())), result, unvalued);
                }
            }
            return new Unrealized("last_prices", result);
        }
    }

    private interface Conversion {
        Money convert() throws MissingRate;
    }

    private static void valued(String symbol, Conversion conversion, Map<String, BigDecimal> result,
                               List<String> unvalued) {
        try {
            result.put(symbol, conversion.convert().amount());
        } catch (MissingRate e) {
            unvalued.add("the open " + symbol + " position: " + e.getMessage());
        }
    }
}
