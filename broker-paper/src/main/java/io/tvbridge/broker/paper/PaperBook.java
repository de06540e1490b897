package io.tvbridge.broker.paper;

import io.tvbridge.broker.spi.MarketHours;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Holding;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The simulated venue's state, and its rules. Every change goes through {@link #record}: the
 * event is handed to the journal first, then applied, so the journal and the book never
 * disagree. Not thread-safe: {@link PaperBroker} holds a lock around it.
 */
final class PaperBook {
    private static final BigDecimal BASIS_POINTS = new BigDecimal("10000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** One order's life at the venue. */
    private static final class Order {
        final PaperEvent.Placed placed;
        final List<Fill> fills = new ArrayList<>();
        OrderStatus status = OrderStatus.ACCEPTED;
        Optional<String> reason = Optional.empty();
        Instant updatedAt;
        boolean triggered;
        /** A trailing stop's best price since it was placed: the highest for a sell, the lowest for a buy. */
        Optional<BigDecimal> best = Optional.empty();
        /** A bracket's exits, placed once this order fills; and, on an exit, its sibling. */
        Optional<BigDecimal> takeProfit = Optional.empty();
        Optional<BigDecimal> stopLoss = Optional.empty();
        Optional<ClientOrderId> sibling = Optional.empty();

        Order(PaperEvent.Placed placed) {
            this.placed = placed;
            this.updatedAt = placed.time();
        }

        BigDecimal filled() {
            return fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        Optional<BigDecimal> averagePrice() {
            BigDecimal filled = filled();
            if (filled.signum() == 0) {
                return Optional.empty();
            }
            BigDecimal value = fills.stream().map(f -> f.price().multiply(f.quantity()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return Optional.of(value.divide(filled, 10, RoundingMode.HALF_EVEN).stripTrailingZeros());
        }
    }

    /** Cash moves in the account's currency are kept to this many decimals (a converted value has many). */
    private static final int CASH_DIGITS = 6;

    private final PaperConfig config;
    private final MarketHours hours;
    private final Consumer<PaperEvent> journal;
    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    /** The orders not yet ended, in the order they were placed: a new price is tried on these only. */
    private final Map<ClientOrderId, Order> working = new LinkedHashMap<>();
    private final Map<String, Holding> holdings = new TreeMap<>();
    private final Map<String, BigDecimal> multipliers = new TreeMap<>();
    private final Map<String, AssetClass> assetClasses = new TreeMap<>();
    private final Map<String, BigDecimal> lastPrices = new TreeMap<>();
    /** The rate of each symbol's currency into the account's at its last fill. */
    private final Map<String, BigDecimal> fillRates = new TreeMap<>();
    private BigDecimal cash;
    private BigDecimal commissions = BigDecimal.ZERO;
    private int executions;

    PaperBook(PaperConfig config, MarketHours hours, Consumer<PaperEvent> journal) {
        this.config = config;
        this.hours = hours;
        this.journal = journal;
        this.cash = config.startingCash();
    }

    // --- decisions: each records the events it causes and returns them ---

    List<PaperEvent> place(OrderRequest request, Instant now) {
        List<PaperEvent> events = new ArrayList<>();
        String symbol = request.instrument().symbol();
        request.referencePrice().ifPresent(price -> events.addAll(price(symbol, price, now)));
        PaperEvent.Placed placed = new PaperEvent.Placed(request.clientOrderId(), "P" + (orders.size() + 1), symbol,
                request.instrument().assetClass(), request.instrument().multiplier(), request.side(),
                request.quantity(), request.type(), request.limitPrice(), request.stopPrice(), request.trailingStop(),
                request.timeInForce(), now, request.takeProfit(), request.stopLoss(), request.outsideRegularHours());
        events.add(record(placed));
        Order order = orders.get(request.clientOrderId());
        if (request.type() == OrderType.MARKET && !lastPrices.containsKey(symbol)) {
            events.add(record(new PaperEvent.Ended(placed.id(), OrderStatus.REJECTED, "no price is known for "
                    + symbol + ": send the alert's price (\"price\": \"{{close}}\") so the paper broker can fill"
                    + " market orders", now)));
            return events;
        }
        events.addAll(tryFill(order, now));
        if (!order.status.isTerminal() && (request.timeInForce() == TimeInForce.IOC
                || request.timeInForce() == TimeInForce.FOK)) {
            String why = isOpen(placed, now) ? "not fillable at once at " + priceText(lastPrices.get(symbol))
                    : "the market for " + symbol + " is closed";
            events.add(record(new PaperEvent.Ended(placed.id(), OrderStatus.CANCELLED,
                    why + " (" + request.timeInForce() + ")", now)));
        }
        return events;
    }

    /** A new price for {@code symbol}: resting orders that it reaches are filled. */
    List<PaperEvent> price(String symbol, BigDecimal price, Instant now) {
        List<PaperEvent> events = new ArrayList<>();
        events.add(record(new PaperEvent.Priced(symbol, price, now)));
        for (Order order : List.copyOf(working.values())) {
            if (!order.status.isTerminal() && order.placed.symbol().equals(symbol)) {
                events.addAll(tryFill(order, now));
            }
        }
        return events;
    }

    /** Gives every working order another chance to fill at the last known prices. */
    List<PaperEvent> retryWorking(Instant now) {
        List<PaperEvent> events = new ArrayList<>();
        for (Order order : List.copyOf(working.values())) {
            if (!order.status.isTerminal()) {
                events.addAll(tryFill(order, now));
            }
        }
        return events;
    }

    List<PaperEvent> cancel(ClientOrderId id, Instant now) {
        Order order = orders.get(id);
        if (order.status.isTerminal()) {
            return List.of();
        }
        return List.of(record(new PaperEvent.Ended(id, OrderStatus.CANCELLED, "cancelled on request", now)));
    }

    /** Whether the simulated venue trades the order's symbol now, by tvbridge's calendar. */
    private boolean isOpen(PaperEvent.Placed placed, Instant now) {
        return hours.isOpen(placed.symbol(), placed.assetClass(), now, placed.outsideRegularHours());
    }

    /** Whether any order still works (and may fill when its market opens or a price reaches it). */
    boolean hasWorkingOrders() {
        return !working.isEmpty();
    }

    private List<PaperEvent> tryFill(Order order, Instant now) {
        PaperEvent.Placed placed = order.placed;
        BigDecimal last = lastPrices.get(placed.symbol());
        if (last == null || !isOpen(placed, now)) {
            return List.of();   // it rests until a price comes, or the market opens
        }
        Optional<BigDecimal> fillPrice = fillPrice(order, last);
        if (fillPrice.isEmpty()) {
            return List.of();
        }
        BigDecimal quantity = placed.quantity().subtract(order.filled());
        BigDecimal price = fillPrice.get();
        String currency = currencyOf(placed.symbol(), placed.assetClass());
        Optional<BigDecimal> rate = rate(currency);
        if (rate.isEmpty()) {
            return List.of(record(new PaperEvent.Ended(placed.id(), OrderStatus.REJECTED, "the paper broker has no "
                    + currency + "/" + config.currency() + " rate to value " + placed.symbol() + " in the account's "
                    + config.currency() + ": add the pair to PAPER_RATES (such as " + currency + config.currency()
                    + "=...) or send an alert with its price", now)));
        }
        Optional<String> shortOfMoney = shortOfBuyingPower(placed, quantity, price, rate.get());
        if (shortOfMoney.isPresent()) {
            return List.of(record(new PaperEvent.Ended(placed.id(), OrderStatus.REJECTED, shortOfMoney.get(), now)));
        }
        BigDecimal notional = price.multiply(quantity).multiply(placed.multiplier()).multiply(rate.get());
        BigDecimal commission = config.commissionPerOrder()
                .add(config.commissionPerUnit().multiply(quantity))
                .add(notional.multiply(config.commissionPercent()).divide(HUNDRED))
                .setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        String executionId = "PX" + (executions + 1);
        List<PaperEvent> events = new ArrayList<>();
        events.add(record(new PaperEvent.Executed(placed.id(), executionId, quantity, price,
                commission.signum() == 0 ? BigDecimal.ZERO : commission, rate.get(), now)));
        events.addAll(afterFill(order, now));
        return events;
    }

    /**
     * A filled entry places its bracket's take-profit (limit) and stop-loss (stop) as orders of
     * their own, ids {@code <entry>.tp} / {@code <entry>.sl}; a filled exit cancels its sibling.
     */
    private List<PaperEvent> afterFill(Order filled, Instant now) {
        List<PaperEvent> events = new ArrayList<>();
        if (filled.sibling.isPresent()) {
            Order sibling = orders.get(filled.sibling.get());
            if (sibling != null && !sibling.status.isTerminal()) {
                events.add(record(new PaperEvent.Ended(sibling.placed.id(), OrderStatus.CANCELLED,
                        "one-cancels-other: " + filled.placed.id() + " filled", now)));
            }
            return events;
        }
        PaperEvent.Placed entry = filled.placed;
        Side exit = entry.side().opposite();
        Optional<ClientOrderId> tp = filled.takeProfit.map(price -> placeExit(entry, ClientOrderId.TAKE_PROFIT,
                exit, OrderType.LIMIT, Optional.of(price), Optional.empty(), now, events));
        Optional<ClientOrderId> sl = filled.stopLoss.map(price -> placeExit(entry, ClientOrderId.STOP_LOSS,
                exit, OrderType.STOP, Optional.empty(), Optional.of(price), now, events));
        filled.takeProfit = Optional.empty();
        filled.stopLoss = Optional.empty();
        return events;
    }

    private ClientOrderId placeExit(PaperEvent.Placed entry, String suffix, Side side, OrderType type,
                                    Optional<BigDecimal> limit, Optional<BigDecimal> stop, Instant now,
                                    List<PaperEvent> events) {
        ClientOrderId id = entry.id().child(suffix);
        events.add(record(new PaperEvent.Placed(id, "P" + (orders.size() + 1), entry.symbol(), entry.assetClass(),
                entry.multiplier(), side, entry.quantity(), type, limit, stop, Optional.empty(), TimeInForce.GTC, now,
                Optional.empty(), Optional.empty(), entry.outsideRegularHours())));
        return id;
    }

    /** The price an order fills at now, or empty while it rests. */
    private Optional<BigDecimal> fillPrice(Order order, BigDecimal last) {
        PaperEvent.Placed p = order.placed;
        boolean buy = p.side() == Side.BUY;
        boolean stopReached = p.stopPrice().map(stop -> buy ? last.compareTo(stop) >= 0 : last.compareTo(stop) <= 0)
                .orElse(false);
        return switch (p.type()) {
            case MARKET -> Optional.of(slipped(last, p.side()));
            case LIMIT -> limitFill(p, last);
            case STOP -> stopReached ? Optional.of(slipped(last, p.side())) : Optional.empty();
            case STOP_LIMIT -> {
                order.triggered = order.triggered || stopReached;
                yield order.triggered ? limitFill(p, last) : Optional.empty();
            }
            case TRAILING_STOP -> trailingStop(order).filter(stop -> buy ? last.compareTo(stop) >= 0
                    : last.compareTo(stop) <= 0).map(stop -> slipped(last, p.side()));
        };
    }

    /**
     * Where a trailing stop's stop stands: its distance below the highest price seen since it was
     * placed (a sell), or above the lowest (a buy). Empty until a price is known.
     */
    private static Optional<BigDecimal> trailingStop(Order order) {
        TrailingStop trail = order.placed.trail().orElseThrow();
        boolean buy = order.placed.side() == Side.BUY;
        return order.best.map(best -> {
            BigDecimal distance = trail.percent()
                    ? best.multiply(trail.distance()).divide(HUNDRED, MathContext.DECIMAL64) : trail.distance();
            return (buy ? best.add(distance) : best.subtract(distance)).stripTrailingZeros();
        });
    }

    /** A new price moves the best price of the symbol's working trailing stops (replayed from the journal too). */
    private void trail(String symbol, BigDecimal price) {
        for (Order order : working.values()) {
            PaperEvent.Placed p = order.placed;
            if (p.type() == OrderType.TRAILING_STOP && p.symbol().equals(symbol)) {
                boolean buy = p.side() == Side.BUY;
                order.best = Optional.of(order.best.filter(best -> buy ? best.compareTo(price) <= 0
                        : best.compareTo(price) >= 0).orElse(price));
            }
        }
    }

    private static Optional<BigDecimal> limitFill(PaperEvent.Placed p, BigDecimal last) {
        BigDecimal limit = p.limitPrice().orElseThrow();
        boolean marketable = p.side() == Side.BUY ? last.compareTo(limit) <= 0 : last.compareTo(limit) >= 0;
        return marketable ? Optional.of(last) : Optional.empty();
    }

    private BigDecimal slipped(BigDecimal price, Side side) {
        if (config.slippageBps().signum() == 0) {
            return price;
        }
        BigDecimal factor = config.slippageBps().divide(BASIS_POINTS);
        BigDecimal moved = side == Side.BUY ? price.multiply(BigDecimal.ONE.add(factor))
                : price.multiply(BigDecimal.ONE.subtract(factor));
        return moved.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** Refuses a fill that would take gross exposure past equity × leverage. */
    private Optional<String> shortOfBuyingPower(PaperEvent.Placed placed, BigDecimal quantity, BigDecimal price,
                                                BigDecimal rate) {
        BigDecimal held = holding(placed.symbol()).quantity();
        BigDecimal after = held.add(placed.side() == Side.BUY ? quantity : quantity.negate());
        BigDecimal added = after.abs().subtract(held.abs());
        if (added.signum() <= 0) {
            return Optional.empty();   // reduces or closes: always allowed
        }
        BigDecimal needed = added.multiply(price).multiply(placed.multiplier()).multiply(rate);
        BigDecimal available = buyingPower();
        if (needed.compareTo(available) <= 0) {
            return Optional.empty();
        }
        return Optional.of("insufficient buying power: the order needs " + money(needed) + " " + config.currency()
                + ", " + money(available.max(BigDecimal.ZERO)) + " " + config.currency() + " available");
    }

    // --- applying events ---

    private PaperEvent record(PaperEvent event) {
        journal.accept(event);
        apply(event);
        return event;
    }

    void apply(PaperEvent event) {
        if (event instanceof PaperEvent.Placed placed) {
            Order order = new Order(placed);
            order.takeProfit = placed.takeProfit();
            order.stopLoss = placed.stopLoss();
            order.best = Optional.ofNullable(lastPrices.get(placed.symbol()));
            orders.put(placed.id(), order);
            working.put(placed.id(), order);
            linkSiblings(placed.id());
            multipliers.putIfAbsent(placed.symbol(), placed.multiplier());
            assetClasses.putIfAbsent(placed.symbol(), placed.assetClass());
        } else if (event instanceof PaperEvent.Executed executed) {
            applyExecution(executed);
        } else if (event instanceof PaperEvent.Ended ended) {
            Order order = orders.get(ended.id());
            order.status = ended.status();
            order.reason = Optional.of(ended.reason());
            order.updatedAt = ended.time();
            working.remove(ended.id());
        } else if (event instanceof PaperEvent.Priced priced) {
            lastPrices.put(priced.symbol(), priced.price());
            trail(priced.symbol(), priced.price());
        }
    }

    /** A bracket's take-profit and stop-loss cancel each other (they are known by their ids). */
    private void linkSiblings(ClientOrderId id) {
        String value = id.value();
        String tpSuffix = "." + ClientOrderId.TAKE_PROFIT;
        String slSuffix = "." + ClientOrderId.STOP_LOSS;
        String other = value.endsWith(slSuffix) ? value.substring(0, value.length() - slSuffix.length()) + tpSuffix
                : value.endsWith(tpSuffix) ? value.substring(0, value.length() - tpSuffix.length()) + slSuffix : null;
        if (other != null && orders.containsKey(ClientOrderId.of(other))) {
            orders.get(id).sibling = Optional.of(ClientOrderId.of(other));
            orders.get(ClientOrderId.of(other)).sibling = Optional.of(id);
        }
    }

    private void applyExecution(PaperEvent.Executed executed) {
        Order order = orders.get(executed.id());
        PaperEvent.Placed placed = order.placed;
        executions++;
        order.fills.add(new Fill(placed.id(), executed.executionId(), placed.symbol(), placed.side(),
                executed.quantity(), executed.price(), executed.commission(), config.currency(), executed.time()));
        order.status = order.filled().compareTo(placed.quantity()) >= 0 ? OrderStatus.FILLED
                : OrderStatus.PARTIALLY_FILLED;
        order.updatedAt = executed.time();
        if (order.status.isTerminal()) {
            working.remove(placed.id());
        }
        BigDecimal value = executed.price().multiply(executed.quantity()).multiply(placed.multiplier())
                .multiply(executed.rate()).setScale(CASH_DIGITS, RoundingMode.HALF_EVEN);
        fillRates.put(placed.symbol(), executed.rate());
        cash = cash.subtract(placed.side() == Side.BUY ? value : value.negate()).subtract(executed.commission());
        commissions = commissions.add(executed.commission());
        holdings.put(placed.symbol(), holding(placed.symbol())
                .apply(placed.side(), executed.quantity(), executed.price(), placed.multiplier()));
    }

    // --- queries ---

    boolean knows(ClientOrderId id) {
        return orders.containsKey(id);
    }

    Optional<OrderState> state(ClientOrderId id) {
        Order order = orders.get(id);
        if (order == null) {
            return Optional.empty();
        }
        PaperEvent.Placed p = order.placed;
        // a trailing stop shows where its stop stands now, as a venue's order book does
        Optional<BigDecimal> stop = p.type() == OrderType.TRAILING_STOP ? trailingStop(order) : p.stopPrice();
        return Optional.of(new OrderState(p.id(), p.brokerOrderId(), p.symbol(), p.side(), p.quantity(), p.type(),
                p.limitPrice(), stop, order.status, order.filled(), order.averagePrice(), order.reason,
                order.updatedAt));
    }

    List<OrderState> openOrders() {
        return orders.keySet().stream().map(id -> state(id).orElseThrow())
                .filter(state -> !state.status().isTerminal()).toList();
    }

    List<Fill> fills(ClientOrderId id) {
        Order order = orders.get(id);
        return order == null ? List.of() : List.copyOf(order.fills);
    }

    List<Position> positions() {
        List<Position> positions = new ArrayList<>();
        holdings.forEach((symbol, holding) -> {
            if (!holding.isFlat()) {
                BigDecimal mark = mark(symbol, holding);
                BigDecimal multiplier = multipliers.getOrDefault(symbol, BigDecimal.ONE);
                AssetClass assetClass = assetClasses.getOrDefault(symbol, AssetClass.STOCK);
                positions.add(new Position(symbol, assetClass, holding.quantity(), holding.averageCost(),
                        currencyOf(symbol, assetClass), Optional.of(mark),
                        Optional.of(holding.unrealizedPnl(mark, multiplier)), Optional.of(holding.realizedPnl())));
            }
        });
        return positions;
    }

    AccountSnapshot account(String accountId, Instant now) {
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (Map.Entry<String, Holding> entry : holdings.entrySet()) {
            Holding holding = entry.getValue();
            BigDecimal multiplier = multipliers.getOrDefault(entry.getKey(), BigDecimal.ONE);
            BigDecimal mark = mark(entry.getKey(), holding);
            BigDecimal rate = markRate(entry.getKey());
            unrealized = unrealized.add(holding.unrealizedPnl(mark, multiplier).multiply(rate));
            realized = realized.add(holding.realizedPnl().multiply(rate));
            gross = gross.add(holding.quantity().abs().multiply(mark).multiply(multiplier).multiply(rate));
        }
        BigDecimal equity = equity();
        return new AccountSnapshot(accountId, config.currency(), cash, equity, buyingPower(), unrealized,
                realized.subtract(commissions), gross, now);
    }

    Optional<BigDecimal> lastPrice(String symbol) {
        return Optional.ofNullable(lastPrices.get(symbol));
    }

    int orderCount() {
        return orders.size();
    }

    private BigDecimal equity() {
        BigDecimal equity = cash;
        for (Map.Entry<String, Holding> entry : holdings.entrySet()) {
            BigDecimal multiplier = multipliers.getOrDefault(entry.getKey(), BigDecimal.ONE);
            equity = equity.add(entry.getValue().quantity().multiply(mark(entry.getKey(), entry.getValue()))
                    .multiply(multiplier).multiply(markRate(entry.getKey())));
        }
        return equity;
    }

    private BigDecimal buyingPower() {
        BigDecimal gross = BigDecimal.ZERO;
        for (Map.Entry<String, Holding> entry : holdings.entrySet()) {
            BigDecimal multiplier = multipliers.getOrDefault(entry.getKey(), BigDecimal.ONE);
            gross = gross.add(entry.getValue().quantity().abs().multiply(mark(entry.getKey(), entry.getValue()))
                    .multiply(multiplier).multiply(markRate(entry.getKey())));
        }
        return equity().multiply(config.leverage()).subtract(gross);
    }

    /** The currency the paper venue prices {@code symbol} in. */
    String currencyOf(String symbol, AssetClass assetClass) {
        return PaperRates.currencyOf(symbol, assetClass, config.currency());
    }

    /** What one unit of {@code currency} is worth in the account's now, by the last prices and the rate table. */
    Optional<BigDecimal> rate(String currency) {
        return config.rates().factor(currency, config.currency(), pair -> Optional.ofNullable(lastPrices.get(pair)));
    }

    /** A held symbol's rate now, else the one it last filled at (a holding has always filled). */
    private BigDecimal markRate(String symbol) {
        return rate(currencyOf(symbol, assetClasses.getOrDefault(symbol, AssetClass.STOCK)))
                .orElse(fillRates.getOrDefault(symbol, BigDecimal.ONE));
    }

    private BigDecimal mark(String symbol, Holding holding) {
        return lastPrices.getOrDefault(symbol, holding.averageCost());
    }

    private Holding holding(String symbol) {
        return holdings.getOrDefault(symbol, Holding.FLAT);
    }

    private static String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount);
    }

    private static String priceText(BigDecimal price) {
        return price == null ? "an unknown price" : price.toPlainString();
    }
}
