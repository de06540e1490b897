package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbCommissionReport;
import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbExecution;
import io.tvbridge.broker.ibkr.codec.IbExecutionFilter;
import io.tvbridge.broker.ibkr.codec.TwsProtocolException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The account side of the fake venue: managed accounts and their summary values, the day's
 * executions with their commission reports, and positions kept from the fills. Guarded by the
 * server's lock.
 *
 * <p>Commissions follow IBKR's fixed tiers closely enough for tests: stocks 0.005 per share,
 * at least 1.00; futures 2.25 per contract; anything else 2.00. A fill that reduces a position
 * reports its realized P&L net of its own commission; an opening fill reports none (unset).
 * Average cost is the average fill price times the multiplier, without commissions.
 */
final class FakeTwsLedger {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter EXECUTION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");
    private static final DateTimeFormatter FILTER_UTC = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss");

    /** One execution as TWS reports it, with the instant it happened. */
    record Execution(IbContract contract, IbExecution execution, IbCommissionReport commission, Instant time) {
    }

    record Position(String account, IbContract contract, BigDecimal quantity, BigDecimal averageCost) {
    }

    private final List<Execution> executions = new ArrayList<>();
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    /** The ledger's ExchangeRate per currency: what one unit is worth in the base currency (USD). */
    private final Map<String, String> exchangeRates = new LinkedHashMap<>();
    private List<String> accounts = List.of("DU1234567");
    private int executionCount;

    FakeTwsLedger() {
        values.put("NetLiquidation", "100523.45");
        values.put("TotalCashValue", "100000.00");
        values.put("BuyingPower", "402093.80");
        values.put("GrossPositionValue", "0.00");
        values.put("UnrealizedPnL", "0.00");
        values.put("RealizedPnL", "0.00");
        values.put("AvailableFunds", "100523.45");
        values.put("ExcessLiquidity", "100523.45");
        exchangeRates.put("USD", "1.00");
        exchangeRates.put("EUR", "1.0812");
    }

    void exchangeRate(String currency, String rate) {
        exchangeRates.put(currency, rate);
    }

    /** The currencies the ledger holds, with their ExchangeRate into the base currency. */
    Map<String, String> exchangeRates() {
        return Map.copyOf(exchangeRates);
    }

    List<String> accounts() {
        return accounts;
    }

    void accounts(List<String> managed) {
        if (managed.isEmpty()) {
            throw new IllegalArgumentException("TWS manages at least one account");
        }
        accounts = List.copyOf(managed);
    }

    void value(String tag, String value) {
        values.put(tag, value);
    }

    /** The value of a summary tag, or null when TWS would not report it. */
    String value(String tag) {
        return values.get(tag);
    }

    /**
     * Books one fill of {@code order}, whose filled quantity and average already include it;
     * returns the execution and updates the position.
     */
    Execution execute(VenueOrder order, BigDecimal shares, BigDecimal price, int lastLiquidity, Instant now) {
        executionCount++;
        String execId = String.format("0000e0d5.%08x.01.01", 0x67000000 + executionCount);
        IbContract contract = reported(order.contract);
        String account = order.order.account();
        IbExecution execution = new IbExecution(order.orderId, execId,
                EXECUTION_TIME.format(now.atZone(NEW_YORK)) + " US/Eastern", account, venue(order.contract),
                order.buy() ? "BOT" : "SLD", shares, price, order.permId, order.clientId, 0, order.filled,
                order.avgFillPrice(), order.order.orderRef(), "", null, "", lastLiquidity, false);
        BigDecimal commission = commission(contract, shares);
        BigDecimal realized = book(account, contract, order.buy() ? shares : shares.negate(), price, commission);
        IbCommissionReport report = new IbCommissionReport(execId, commission, contract.currency(), realized, null, 0);
        moveCash(contract, order.buy() ? shares : shares.negate(), price, commission);
        Execution booked = new Execution(contract, execution, report, now);
        executions.add(booked);
        return booked;
    }

    /** Cash moves with every fill: a buy pays its value and the commission, a sell receives its value less it. */
    private void moveCash(IbContract contract, BigDecimal signedShares, BigDecimal price, BigDecimal commission) {
        BigDecimal multiplier = contract.multiplier().isBlank() ? BigDecimal.ONE : new BigDecimal(contract.multiplier());
        BigDecimal cash = new BigDecimal(values.get("TotalCashValue"))
                .subtract(signedShares.multiply(price).multiply(multiplier)).subtract(commission);
        values.put("TotalCashValue", cash.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    Position position(String account, int conId) {
        return positions.get(account + "/" + conId);
    }

    /** The non-zero positions. */
    List<Position> positions() {
        return positions.values().stream().filter(p -> p.quantity().signum() != 0).toList();
    }

    /** Today's executions (US/Eastern) that pass REQ_EXECUTIONS' filter. */
    List<Execution> executions(IbExecutionFilter filter, Instant now) {
        LocalDate today = now.atZone(NEW_YORK).toLocalDate();
        Instant after = filter.time().isBlank() ? null : filterTime(filter.time());
        Predicate<Execution> keep = x -> x.time().atZone(NEW_YORK).toLocalDate().equals(today)
                && (filter.clientId() == 0 || x.execution().clientId() == filter.clientId())
                && (filter.acctCode().isEmpty() || x.execution().acctNumber().equals(filter.acctCode()))
                && (after == null || x.time().isAfter(after))
                && (filter.symbol().isEmpty() || x.contract().symbol().equalsIgnoreCase(filter.symbol()))
                && (filter.secType().isEmpty() || x.contract().secType().equals(filter.secType()))
                && (filter.side().isEmpty() || side(filter.side()).equals(x.execution().side()));
        return executions.stream().filter(keep).toList();
    }

    private static String side(String filter) {
        return switch (filter) {
            case "BUY" -> "BOT";
            case "SELL" -> "SLD";
            default -> filter;
        };
    }

    /** {@code yyyyMMdd-HH:mm:ss} is UTC; {@code yyyyMMdd HH:mm:ss [zone]} is in that zone (default US/Eastern). */
    static Instant filterTime(String text) {
        try {
            if (text.length() == 17 && text.charAt(8) == '-') {
                return LocalDateTime.parse(text, FILTER_UTC).toInstant(ZoneOffset.UTC);
            }
            String[] parts = text.strip().split("\\s+");
            if (parts.length == 2 || parts.length == 3) {
                ZoneId zone = parts.length == 3 ? ZoneId.of(parts[2], ZoneId.SHORT_IDS) : NEW_YORK;
                return LocalDateTime.parse(parts[0] + " " + parts[1], EXECUTION_TIME).atZone(zone).toInstant();
            }
        } catch (DateTimeException e) {
            throw new TwsProtocolException("REQ_EXECUTIONS: time filter '" + text + "' cannot be read", e);
        }
        throw new TwsProtocolException("REQ_EXECUTIONS: time filter '" + text + "' is not yyyyMMdd-HH:mm:ss"
                + " or yyyyMMdd HH:mm:ss TZ");
    }

    /** Updates the position by {@code signed} at {@code price}; returns the realized P&L if it reduced it. */
    private BigDecimal book(String account, IbContract contract, BigDecimal signed, BigDecimal price,
                            BigDecimal commission) {
        String key = account + "/" + contract.conId();
        Position held = positions.getOrDefault(key, new Position(account, contract, BigDecimal.ZERO, BigDecimal.ZERO));
        BigDecimal cost = price.multiply(multiplier(contract));
        BigDecimal quantity = held.quantity().add(signed);
        BigDecimal average;
        BigDecimal realized = null;
        if (held.quantity().signum() == 0 || held.quantity().signum() == signed.signum()) {
            average = held.quantity().abs().multiply(held.averageCost()).add(signed.abs().multiply(cost))
                    .divide(quantity.abs(), MathContext.DECIMAL64);
        } else {
            BigDecimal closed = signed.abs().min(held.quantity().abs());
            realized = closed.multiply(cost.subtract(held.averageCost())).multiply(
                    BigDecimal.valueOf(held.quantity().signum())).subtract(commission).stripTrailingZeros();
            average = quantity.signum() == 0 ? BigDecimal.ZERO
                    : quantity.signum() == held.quantity().signum() ? held.averageCost() : cost;
        }
        positions.put(key, new Position(account, contract, quantity.stripTrailingZeros(),
                average.stripTrailingZeros()));
        return realized;
    }

    private static BigDecimal multiplier(IbContract contract) {
        return contract.multiplier().isEmpty() ? BigDecimal.ONE : new BigDecimal(contract.multiplier());
    }

    static BigDecimal commission(IbContract contract, BigDecimal shares) {
        BigDecimal commission = switch (contract.secType()) {
            case "STK" -> shares.multiply(new BigDecimal("0.005")).max(BigDecimal.ONE);
            case "FUT" -> shares.multiply(new BigDecimal("2.25"));
            default -> new BigDecimal("2.00");
        };
        return commission.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** The contract as executions and positions report it: the listing exchange for SMART stocks. */
    static IbContract reported(IbContract c) {
        String exchange = c.primaryExch().isEmpty() ? c.exchange() : c.primaryExch();
        return new IbContract(c.conId(), c.symbol(), c.secType(), c.lastTradeDateOrContractMonth(), "", c.strike(),
                c.right(), c.multiplier(), exchange, "", c.currency(), c.localSymbol(), c.tradingClass(), false, "",
                "", "", "");
    }

    /** Where a fill happened: Nasdaq listings print as ISLAND, as TWS reports them. */
    private static String venue(IbContract c) {
        if (c.primaryExch().equals("NASDAQ")) {
            return "ISLAND";
        }
        return c.primaryExch().isEmpty() ? c.exchange() : c.primaryExch();
    }
}
