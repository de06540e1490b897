package io.tvbridge.core.risk;

import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.core.model.OrderPhase;
import io.tvbridge.core.money.Amounts;
import io.tvbridge.core.money.Converted;
import io.tvbridge.core.money.Money;
import io.tvbridge.core.money.Rates;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredFill;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.TimeRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one broker account holds, is about to hold, and did today: positions (every stored row,
 * flat ones too), the orders still open with the quantity their recorded fills add up to, the
 * last prices seen, the day's orders, entries, realized profit and commissions, and the latest
 * account snapshot. The one copy of the account: owned by the engine loop's thread, which keeps
 * it current as it decides orders and records what the broker reports, so that nothing it
 * needs is ever read back from the store. Loaded from the stored rows at start.
 */
public final class RiskState {
    /** Shown where the account's currency is not known yet. */
    private static final String UNNAMED = "XXX";
    private static final Set<OrderPhase> WORKING = EnumSet.of(OrderPhase.NEW, OrderPhase.SUBMITTED,
            OrderPhase.ACCEPTED, OrderPhase.PARTIALLY_FILLED);

    /**
     * Money committed by an entry decided at {@code at}, in the account's currency: spent cash (a
     * buy's notional, or the margin of an order on margin) and used buying power (the notional, or
     * the margin).
     */
    private record Commitment(Instant at, BigDecimal cash, BigDecimal buyingPower) {
    }

    /** The unfilled part of a working order, signed by side. */
    public record WorkingOrder(String symbol, OrderType type, BigDecimal signedRemaining) {
    }

    private static final int ENDED_KEPT = 4096;

    private final String broker;
    /** Every stored position row of the broker, by symbol: a flat one too, so that it is updated, not inserted. */
    private final Map<String, ExpectedPosition> positions = new HashMap<>();
    /** The orders not yet ended. */
    private final Map<ClientOrderId, StoredOrder> open = new HashMap<>();
    /**
     * The orders that ended last, for the reports a venue sends after the end (its final status
     * after the fill that ended the order, a late broker id, a fill reported twice): known here,
     * not read back.
     */
    private final Map<ClientOrderId, StoredOrder> ended = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ClientOrderId, StoredOrder> eldest) {
            if (size() > ENDED_KEPT) {
                executions.remove(eldest.getKey());
                return true;
            }
            return false;
        }
    };
    /** The recorded fills of the open and recently ended orders: quantity by execution id. */
    private final Map<ClientOrderId, Map<String, BigDecimal>> executions = new HashMap<>();
    /** Working orders by symbol: the checks sum one symbol's at a time. */
    private final Map<String, Map<ClientOrderId, WorkingOrder>> working = new HashMap<>();
    private final Map<String, BigDecimal> lastPrices = new HashMap<>();
    /** The instruments, currencies and rates orders are valued by. */
    private MarketTerms terms = new MarketTerms();
    private final Map<String, Long> entriesToday = new HashMap<>();
    private Optional<AccountSnapshot> account = Optional.empty();
    /** Entries decided after the account snapshot was taken: the snapshot does not show them yet. */
    private final List<Commitment> commitments = new ArrayList<>();
    private Instant dayStart = Instant.EPOCH;
    private long ordersToday;
    /** Today's realized profit by symbol, in each symbol's currency. */
    private final Map<String, BigDecimal> realizedToday = new HashMap<>();
    /** Today's commissions, in the currencies charged. */
    private Amounts commissionsToday = Amounts.NONE;

    public RiskState(String broker) {
        this.broker = broker;
    }

    /**
     * A copy to try a plan of several legs on: each later leg is checked against what the
     * earlier ones leave ({@link #assume}). Changing the copy leaves this state as it was.
     */
    public RiskState copy() {
        RiskState copy = new RiskState(broker);
        copy.positions.putAll(positions);
        copy.open.putAll(open);
        working.forEach((symbol, orders) -> copy.working.put(symbol, new HashMap<>(orders)));
        copy.lastPrices.putAll(lastPrices);
        copy.entriesToday.putAll(entriesToday);
        copy.account = account;
        copy.terms = terms.copy();
        copy.commitments.addAll(commitments);
        copy.dayStart = dayStart;
        copy.ordersToday = ordersToday;
        copy.realizedToday.putAll(realizedToday);
        copy.commissionsToday = commissionsToday;
        return copy;
    }

    /**
     * Counts a planned leg as if it were already working, under a stand-in id, valued at
     * {@code price} when it opens: what the legs after it are checked against.
     */
    public void assume(ClientOrderId standIn, PlannedOrder leg, Optional<BigDecimal> price, Instant at) {
        BigDecimal signed = leg.side() == Side.BUY ? leg.quantity() : leg.quantity().negate();
        String symbol = leg.instrument().symbol();
        working.computeIfAbsent(symbol, s -> new HashMap<>()).put(standIn,
                new WorkingOrder(symbol, leg.prices().type(), signed));
        ordersToday++;
        if (leg.opens()) {
            entriesToday.merge(symbol, 1L, Long::sum);
            price.ifPresent(p -> committed(at, symbol, leg.side(), leg.quantity(), p));
        }
    }

    /** Replaces everything with what the store holds, counting the day from {@code day}. */
    public void reload(StoreSession session, Instant day) {
        positions.clear();
        working.clear();
        open.clear();
        ended.clear();
        executions.clear();
        for (ExpectedPosition position : session.positions(broker)) {
            setPosition(position);
        }
        for (StoredOrder order : session.ordersInPhases(WORKING)) {
            if (order.broker().equals(broker)) {
                for (Fill fill : session.fillsOfOrder(order.clientOrderId())) {
                    fillAdded(order.clientOrderId(), fill.executionId(), fill.quantity());
                }
                orderChanged(order);
            }
        }
        lastPrices.putAll(session.lastFillPrices());
        reloadDay(session, day);
    }

    /** Counts the trading day that began at {@code day} from the stored orders and fills. */
    public void reloadDay(StoreSession session, Instant day) {
        dayStart = day;
        ordersToday = session.ordersSince(day);
        entriesToday.clear();
        entriesToday.putAll(session.entriesSince(day));
        realizedToday.clear();
        commissionsToday = Amounts.NONE;
        for (StoredFill stored : session.fillsBetween(new TimeRange(Optional.of(day), Optional.empty()))) {
            Fill fill = stored.fill();
            realizedToday.merge(fill.symbol(), stored.realizedPnl(), BigDecimal::add);
            commissionsToday = commissionsToday.plus(commission(fill.symbol(), fill));
        }
    }

    public Instant dayStart() {
        return dayStart;
    }

    /** A new order was planned (not a dry run): it counts for today and will change exposure. */
    public void planned(StoredOrder order) {
        orderChanged(order);
        if (order.parent().isEmpty() && order.phase() != OrderPhase.DRY_RUN) {
            ordersToday++;
            if (order.opens()) {
                entriesToday.merge(order.symbol(), 1L, Long::sum);
            }
        }
    }

    /**
     * An order was stored or changed. An ended one leaves the open orders once its recorded fills
     * make up what it filled: a venue may report the end before the fills, which still need it.
     */
    public void orderChanged(StoredOrder order) {
        if (order.phase().isTerminal() && filledByFills(order.clientOrderId()).compareTo(order.filledQuantity()) >= 0) {
            open.remove(order.clientOrderId());
            ended.put(order.clientOrderId(), order);
        } else if (order.phase() != OrderPhase.DRY_RUN) {
            open.put(order.clientOrderId(), order);
        }
        if (order.phase().isTerminal() || order.signedRemaining().signum() == 0) {
            working.computeIfPresent(order.symbol(), (symbol, orders) -> {
                orders.remove(order.clientOrderId());
                return orders.isEmpty() ? null : orders;
            });
        } else {
            working.computeIfAbsent(order.symbol(), symbol -> new HashMap<>()).put(order.clientOrderId(),
                    new WorkingOrder(order.symbol(), order.type(), order.signedRemaining()));
        }
    }

    /** The orders of {@code symbol} still working or not yet sent (dry runs aside), oldest first. */
    public List<StoredOrder> workingOrders(String symbol) {
        Map<ClientOrderId, WorkingOrder> orders = working.getOrDefault(symbol, Map.of());
        return orders.keySet().stream().map(open::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(StoredOrder::createdAt).thenComparing(o -> o.clientOrderId().value()))
                .toList();
    }

    /** An order not yet ended (or ended with fills still to come), as last stored. */
    public Optional<StoredOrder> openOrder(ClientOrderId id) {
        return Optional.ofNullable(open.get(id));
    }

    /** An open order, or one of those that ended last, as last stored. */
    public Optional<StoredOrder> knownOrder(ClientOrderId id) {
        StoredOrder order = open.get(id);
        return Optional.ofNullable(order != null ? order : ended.get(id));
    }

    /** What the recorded fills of a known order add up to. */
    public BigDecimal filledByFills(ClientOrderId id) {
        return executions.getOrDefault(id, Map.of()).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether this execution of a known order was recorded already. */
    public boolean hasExecution(ClientOrderId id, String executionId) {
        return executions.getOrDefault(id, Map.of()).containsKey(executionId);
    }

    /** A fill of a known (open or recently ended) order was recorded. */
    public void fillAdded(ClientOrderId id, String executionId, BigDecimal quantity) {
        executions.computeIfAbsent(id, key -> new HashMap<>()).put(executionId, quantity);
    }

    public void setPosition(ExpectedPosition position) {
        positions.put(position.symbol(), position);
    }

    /** The stored position row of a symbol, if there is one (a flat one too). */
    public Optional<ExpectedPosition> storedPosition(String symbol) {
        return Optional.ofNullable(positions.get(symbol));
    }

    /**
     * A fill was recorded: its realized profit (in the symbol's currency) and its commission (in
     * the currency charged) count for today when they fall in it.
     */
    public void fillRecorded(String symbol, Fill fill, BigDecimal realized) {
        lastPrices.put(symbol, fill.price());
        if (!fill.time().isBefore(dayStart)) {
            realizedToday.merge(symbol, realized, BigDecimal::add);
            commissionsToday = commissionsToday.plus(commission(symbol, fill));
        }
    }

    /** A commission in the currency the broker charged it in; a broker that names none charges the account's. */
    private Money commission(String symbol, Fill fill) {
        String currency = fill.commissionCurrency().isBlank() || fill.commission().signum() == 0
                ? terms.rates().accountCurrency().or(() -> currency(symbol)).orElse(UNNAMED)
                : fill.commissionCurrency();
        return Money.of(fill.commission(), currency);
    }

    public void priceSeen(String symbol, BigDecimal price) {
        lastPrices.put(symbol, price);
    }

    public void accountUpdated(AccountSnapshot snapshot) {
        account = Optional.of(snapshot);
        terms.accountCurrency(snapshot.currency());
        commitments.removeIf(c -> c.at().isBefore(snapshot.asOf()));
    }

    /** The broker's newer factors into the account's currency; currencies it does not list keep theirs. */
    public void ratesUpdated(ConversionRates newer) {
        terms.ratesUpdated(newer);
    }

    /**
     * The broker resolved the instrument alerts name {@code symbol}: its currency, multiplier and
     * margin rate value its orders.
     */
    public void instrumentResolved(String symbol, Instrument instrument) {
        terms.instrumentResolved(symbol, instrument);
    }

    /** The broker reported a position in {@code symbol}, priced in {@code currency}. */
    public void currencySeen(String symbol, String currency) {
        terms.currencySeen(symbol, currency);
    }

    /**
     * An entry was decided: until the next snapshot, what it commits counts against cash and buying
     * power. An order that cannot be valued commits nothing here: the checks that needed its value
     * refused it already, and the others did not ask.
     */
    public void committed(Instant at, String symbol, Side side, BigDecimal quantity, BigDecimal price) {
        try {
            OrderValue value = value(symbol, quantity, price);
            BigDecimal committed = value.committed().amount();
            BigDecimal cash = value.onMargin() || side == Side.BUY ? committed : BigDecimal.ZERO;
            commitments.add(new Commitment(at, cash, committed));
        } catch (NotValued e) {
            // nothing to count against the account's money
        }
    }

    /** The snapshot's cash less what entries decided since then will spend. */
    public Optional<BigDecimal> availableCash() {
        return account.map(a -> a.cash().subtract(commitments.stream().map(Commitment::cash)
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    /** The snapshot's buying power less what entries decided since then will use. */
    public Optional<BigDecimal> availableBuyingPower() {
        return account.map(a -> a.buyingPower().subtract(commitments.stream().map(Commitment::buyingPower)
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    // --- what the checks read ---

    public BigDecimal position(String symbol) {
        ExpectedPosition held = positions.get(symbol);
        return held == null ? BigDecimal.ZERO : held.quantity();
    }

    /** The filled position plus market orders on their way (they fill within moments): what an exit must close. */
    public BigDecimal closable(String symbol) {
        return position(symbol).add(remaining(symbol, true));
    }

    /** The filled position plus every working order, as if all of them filled: the worst case. */
    public BigDecimal projected(String symbol) {
        return position(symbol).add(remaining(symbol, false));
    }

    private BigDecimal remaining(String symbol, boolean marketOnly) {
        BigDecimal total = BigDecimal.ZERO;
        for (WorkingOrder order : working.getOrDefault(symbol, Map.of()).values()) {
            if (!marketOnly || order.type() == OrderType.MARKET) {
                total = total.add(order.signedRemaining());
            }
        }
        return total;
    }

    /** Symbols with a non-zero closable position, in name order. */
    public Set<String> symbolsToClose() {
        Set<String> symbols = new TreeSet<>(positions.keySet());
        symbols.addAll(working.keySet());
        symbols.removeIf(symbol -> closable(symbol).signum() == 0);
        return symbols;
    }

    /** Symbols held or about to be held (projected position not zero). */
    public int openPositions() {
        Set<String> symbols = new TreeSet<>(positions.keySet());
        symbols.addAll(working.keySet());
        symbols.removeIf(symbol -> projected(symbol).signum() == 0);
        return symbols.size();
    }

    /** The last price seen for a symbol (an alert's price or a fill), or its average cost. */
    public Optional<BigDecimal> price(String symbol) {
        BigDecimal last = lastPrices.get(symbol);
        if (last != null) {
            return Optional.of(last);
        }
        return Optional.ofNullable(positions.get(symbol)).map(p -> p.holding().averageCost())
                .filter(p -> p.signum() > 0);
    }

    /** The position's multiplier, else the resolved instrument's, else 1 (a share, a unit of currency). */
    public BigDecimal multiplier(String symbol) {
        ExpectedPosition held = positions.get(symbol);
        if (held != null) {
            return held.multiplier();
        }
        return terms.multiplier(symbol).orElse(BigDecimal.ONE);
    }

    /** The currency a symbol is priced in, once the broker resolved it or reported a position in it. */
    public Optional<String> currency(String symbol) {
        return terms.currency(symbol);
    }

    /** The kind of instrument, once the broker resolved it. */
    public Optional<AssetClass> assetClass(String symbol) {
        return terms.assetClass(symbol);
    }

    /** The smallest quantity step the venue takes, once the broker resolved the instrument. */
    public Optional<BigDecimal> quantityIncrement(String symbol) {
        return terms.quantityIncrement(symbol);
    }

    /** The account's currency and the broker's factors into it, as last reported. */
    public Rates rates() {
        return terms.rates();
    }

    /**
     * What {@code quantity} of {@code symbol} at {@code price} is worth (price × quantity ×
     * multiplier) in the symbol's currency and in the account's, and the margin it needs when the
     * venue trades it on margin (crypto keeps cash semantics even there).
     */
    public OrderValue value(String symbol, BigDecimal quantity, BigDecimal price) throws NotValued {
        Money notional = Money.of(quantity.abs().multiply(price).multiply(multiplier(symbol)), currencyOf(symbol));
        return new OrderValue(toAccount(notional), terms.marginRate(symbol));
    }

    /** {@code money} in the account's currency, at the broker's rate. */
    public Converted toAccount(Money money) throws NotValued {
        return terms.toAccount(money);
    }

    private String currencyOf(String symbol) throws NotValued {
        return terms.currencyOf(symbol);
    }

    /** Gross value of every projected position at the last prices, in the account's currency. */
    public Money grossExposure() throws NotValued {
        Amounts total = Amounts.NONE;
        Set<String> symbols = new TreeSet<>(positions.keySet());
        symbols.addAll(working.keySet());
        for (String symbol : symbols) {
            BigDecimal projected = projected(symbol);
            Optional<BigDecimal> price = price(symbol);
            if (projected.signum() != 0 && price.isPresent()) {
                total = total.plus(Money.of(projected.abs().multiply(price.get()).multiply(multiplier(symbol)),
                        currencyOf(symbol)));
            }
        }
        return inAccount(total);
    }

    /** Unrealized profit or loss of the filled positions at the last prices, in each symbol's currency. */
    private Amounts unrealizedAmounts() throws NotValued {
        Amounts total = Amounts.NONE;
        for (Map.Entry<String, ExpectedPosition> entry : positions.entrySet()) {
            ExpectedPosition held = entry.getValue();
            if (held.quantity().signum() == 0) {
                continue;
            }
            BigDecimal cost = held.holding().averageCost();
            BigDecimal price = price(entry.getKey()).orElse(cost);
            total = total.plus(Money.of(price.subtract(cost).multiply(held.quantity()).multiply(held.multiplier()),
                    currencyOf(entry.getKey())));
        }
        return total;
    }

    private Amounts realizedAmounts() throws NotValued {
        Amounts total = Amounts.NONE;
        for (Map.Entry<String, BigDecimal> entry : new TreeMap<>(realizedToday).entrySet()) {
            if (entry.getValue().signum() != 0) {
                total = total.plus(Money.of(entry.getValue(), currencyOf(entry.getKey())));
            }
        }
        return total;
    }

    /** Unrealized profit or loss of the filled positions at the last prices, in the account's currency. */
    public Money unrealized() throws NotValued {
        return inAccount(unrealizedAmounts());
    }

    /** Today's result in the account's currency: realized, less commissions, plus unrealized now. */
    public Money dailyResult() throws NotValued {
        return inAccount(realizedAmounts().plus(commissionsToday.negate()).plus(unrealizedAmounts()));
    }

    private Money inAccount(Amounts amounts) throws NotValued {
        return terms.toAccount(amounts);
    }

    public long ordersToday() {
        return ordersToday;
    }

    public long entriesToday(String symbol) {
        return entriesToday.getOrDefault(symbol, 0L);
    }

    public Optional<AccountSnapshot> account() {
        return account;
    }

    /**
     * The limits' usage now, for people: what the checks count, in the account's currency. An amount
     * that cannot be valued (a currency without a rate) is left out, and {@link RiskUsage#unvalued}
     * says why.
     */
    public RiskUsage usage() {
        List<String> unvalued = new ArrayList<>();
        String currency = terms.rates().accountCurrency().orElse(UNNAMED);
        BigDecimal realized = amount(this::realizedAmounts, unvalued);
        BigDecimal commissions = amount(() -> commissionsToday, unvalued);
        BigDecimal unrealized = amount(this::unrealizedAmounts, unvalued);
        BigDecimal exposure = BigDecimal.ZERO;
        try {
            exposure = grossExposure().amount();
        } catch (NotValued e) {
            unvalued.add(e.getMessage());
        }
        return new RiskUsage(dayStart, ordersToday, new TreeMap<>(entriesToday), openPositions(), realized,
                commissions, unrealized, realized.subtract(commissions).add(unrealized), exposure, currency,
                unvalued.stream().distinct().toList());
    }

    private interface AmountsSource {
        Amounts get() throws NotValued;
    }

    private BigDecimal amount(AmountsSource source, List<String> unvalued) {
        try {
            return inAccount(source.get()).amount();
        } catch (NotValued e) {
            unvalued.add(e.getMessage());
            return BigDecimal.ZERO;
        }
    }
}
