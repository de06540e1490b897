package io.tvbridge.core.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.BrokerCapability;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConversionRates;
import io.tvbridge.broker.spi.model.Holding;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertBody;
import io.tvbridge.core.alert.AlertProblem;
import io.tvbridge.core.alert.AlertReader;
import io.tvbridge.core.model.OrderPrices;
import io.tvbridge.core.model.PlannedOrder;
import io.tvbridge.core.risk.RiskEngine;
import io.tvbridge.core.risk.RiskState;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.store.ExpectedPosition;
import io.tvbridge.core.store.OrderRef;
import io.tvbridge.core.store.StoredOrder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decider as tables: an account, an alert and the settings in; the orders (or the refusal)
 * out. No thread, store or daemon: each row runs in microseconds.
 */
class DeciderTest {
    /** A Monday, 10:00 in New York. */
    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    private static final Decider DECIDER = new Decider(
            new OrderPlanner("paper", EnumSet.allOf(BrokerCapability.class)), RiskEngine.standard());
    private static final TradingHalt KILLED = TradingHalt.NONE.killed(new TradingHalt.Switch("ops", "news", NOW));
    private static final TradingHalt PAUSED = TradingHalt.NONE.paused(new TradingHalt.Switch("ops", "lunch", NOW));

    // --- sizing ---

    static Stream<Arguments> sizing() {
        return Stream.of(
                row("the alert's own quantity", "", flat(), "{symbol:AAPL, action:buy, quantity:7, price:100}",
                        "BUY 7 AAPL MARKET opens"),
                row("a fixed amount of money at the alert's price", "sizing_mode=notional; sizing_amount=1000", flat(),
                        "{symbol:AAPL, action:buy, price:150}", "BUY 6 AAPL MARKET opens"),
                row("a fixed amount at the last price seen", "sizing_mode=notional; sizing_amount=1000",
                        flat().price("AAPL", "250"), "{symbol:AAPL, action:buy}", "BUY 4 AAPL MARKET opens"),
                row("fractional quantities when enabled", "sizing_mode=notional; sizing_amount=1000;"
                        + "fractional_quantities=true", flat(), "{symbol:AAPL, action:buy, price:300}",
                        "BUY 3.33333333 AAPL MARKET opens"),
                row("crypto is fractional by nature", "sizing_mode=notional; sizing_amount=1000", flat(),
                        "{symbol:BTCUSD, exchange:COINBASE, action:buy, price:40000}",
                        "BUY 0.025 BTCUSD MARKET opens"),
                row("a percent of equity", "sizing_mode=equity_percent; sizing_equity_percent=10",
                        flat().equity("50000"), "{symbol:MSFT, action:buy, price:400}", "BUY 12 MSFT MARKET opens"),
                row("risk: 1% of equity over the distance to the stop", "sizing_mode=risk; sizing_risk_percent=1",
                        flat().equity("100000"), "{symbol:AAPL, action:buy, price:100, stop_loss:95}",
                        "BUY 200 AAPL MARKET opens"),
                row("risk: the conviction picks the percent", "sizing_mode=risk; conviction_risk=low=0.5,high=2",
                        flat().equity("100000"),
                        "{symbol:AAPL, action:buy, price:100, stop_loss:90, conviction:high}",
                        "BUY 200 AAPL MARKET opens"),
                row("risk for a sell: the stop above", "sizing_mode=risk; sizing_risk_percent=1",
                        flat().equity("10000"), "{symbol:AAPL, action:sell, price:100, stop_loss:102}",
                        "SELL 50 AAPL MARKET opens"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"sizing", "sizingInTheAccountsCurrency"})
    void sizesEntries(String why, String settings, Account account, String alert, String orders) {
        assertThat(describe(decide(account, alert, settings, TradingHalt.NONE))).isEqualTo(orders);
    }

    static Stream<Arguments> sizingRefusals() {
        return Stream.of(
                row("no price to size by", "sizing_mode=notional", flat(), "{symbol:AAPL, action:buy}",
                        "sizing: sizing needs a price and none is known for AAPL"),
                row("too little money for one unit", "sizing_mode=notional; sizing_amount=100", flat(),
                        "{symbol:AAPL, action:buy, price:150}", "sizing: 100.00 USD buys less than one unit of AAPL at 150"),
                row("equity not reported yet", "sizing_mode=equity_percent", flat(),
                        "{symbol:AAPL, action:buy, price:150}",
                        "sizing: sizing by equity needs the account's equity"),
                row("risk sizing without a stop", "sizing_mode=risk", flat().equity("1000"),
                        "{symbol:AAPL, action:buy, price:150}", "sizing: risk sizing needs the alert's \"stop_loss\""),
                row("a stop at the entry", "sizing_mode=risk", flat().equity("1000"),
                        "{symbol:AAPL, action:buy, price:150, stop_loss:150}",
                        "sizing: the stop-loss 150 equals the entry price"),
                row("an unknown conviction", "sizing_mode=risk", flat().equity("1000"),
                        "{symbol:AAPL, action:buy, price:150, stop_loss:140, conviction:wild}",
                        "sizing: unknown conviction 'wild'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizingRefusals")
    void refusesWhatCannotBeSized(String why, String settings, Account account, String alert, String refusal) {
        Decider.Verdict verdict = decide(account, alert, settings, TradingHalt.NONE);
        assertThat(describe(verdict)).startsWith("rejected: " + refusal);
        assertThat(verdict.refusedByRisk()).isFalse();
    }

    // --- exits and target positions ---

    static Stream<Arguments> positions() {
        return Stream.of(
                row("close a long", "", holding("AAPL", "10"), "{symbol:AAPL, action:close}",
                        "SELL 10 AAPL MARKET exits"),
                row("close a short", "", holding("AAPL", "-4"), "{symbol:AAPL, action:exit}",
                        "BUY 4 AAPL MARKET exits"),
                row("close part of a long", "", holding("AAPL", "10"), "{symbol:AAPL, action:close, quantity:3}",
                        "SELL 3 AAPL MARKET exits"),
                row("close no more than is held", "", holding("AAPL", "10"),
                        "{symbol:AAPL, action:close, quantity:30}", "SELL 10 AAPL MARKET exits"),
                row("a sell of a long is an exit", "", holding("AAPL", "10"),
                        "{symbol:AAPL, action:sell, quantity:4}", "SELL 4 AAPL MARKET exits"),
                row("a sell past the long opens a short", "", holding("AAPL", "10"),
                        "{symbol:AAPL, action:sell, quantity:15}", "SELL 15 AAPL MARKET opens"),
                row("close every position, in name order", "", holding("MSFT", "5").holds("AAPL", "-2"),
                        "{action:close_all}", "BUY 2 AAPL MARKET exits; SELL 5 MSFT MARKET exits"),
                row("a target adds the difference", "", holding("AAPL", "10"),
                        "{symbol:AAPL, market_position:long, market_position_size:15}", "BUY 5 AAPL MARKET opens"),
                row("a target nearer to flat reduces", "", holding("AAPL", "10"),
                        "{symbol:AAPL, market_position:long, market_position_size:4}", "SELL 6 AAPL MARKET exits"),
                row("a flat target closes", "", holding("AAPL", "-3"),
                        "{symbol:AAPL, market_position:flat}", "BUY 3 AAPL MARKET exits"),
                row("the strategy's sell that trims its long", "", holding("AAPL", "10"),
                        "{symbol:AAPL, action:sell, market_position:long, market_position_size:4}",
                        "SELL 6 AAPL MARKET exits"),
                row("the strategy's buy that covers its short", "", holding("AAPL", "-3"),
                        "{symbol:AAPL, action:buy, market_position:flat}", "BUY 3 AAPL MARKET exits"),
                row("a signed position size is a target", "", holding("AAPL", "2"),
                        "{symbol:AAPL, position_size:-3}", "SELL 5 AAPL MARKET opens"),
                row("a reversal in one step", "", holding("AAPL", "10"),
                        "{symbol:AAPL, market_position:short, market_position_size:10}",
                        "SELL 20 AAPL MARKET opens"),
                row("a reversal in two steps", "target_reversal=two_steps", holding("AAPL", "10"),
                        "{symbol:AAPL, market_position:short, market_position_size:10}",
                        "SELL 10 AAPL MARKET exits; SELL 10 AAPL MARKET opens"),
                row("a market order on its way counts as held", "", flat().working("AAPL", Side.BUY, "5"),
                        "{symbol:AAPL, action:close}", "SELL 5 AAPL MARKET exits"),
                row("a limit entry keeps its prices", "", flat(),
                        "{symbol:AAPL, action:buy, quantity:2, order_type:limit, limit_price:99.5}",
                        "BUY 2 AAPL LIMIT @99.5 opens"),
                row("a trailing stop trails the whole long out", "", holding("AAPL", "10"),
                        "{symbol:AAPL, action:close, order_type:trailing_stop, trail_amount:1, price:100}",
                        "SELL 10 AAPL TRAILING_STOP trail 1 exits"),
                row("a trailing stop entry keeps its percent", "", flat(),
                        "{symbol:AAPL, action:buy, quantity:2, order_type:trailing_stop, trail_percent:1.5, price:100}",
                        "BUY 2 AAPL TRAILING_STOP trail 1.5% opens"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positions")
    void plansExitsAndTargets(String why, String settings, Account account, String alert, String orders) {
        assertThat(describe(decide(account, alert, settings, TradingHalt.NONE))).isEqualTo(orders);
    }

    static Stream<Arguments> nothingToDo() {
        return Stream.of(
                row("close with nothing held", "", flat(), "{symbol:AAPL, action:close}",
                        "rejected: there is no open AAPL position to close"),
                row("close_all with nothing held", "", flat(), "{action:close_all}",
                        "rejected: there are no open positions to close"),
                row("a sell whose target takes a buy: the strategy and tvbridge disagree", "", flat(),
                        "{symbol:AAPL, action:sell, market_position:long, market_position_size:10}",
                        "rejected: the alert says sell, but reaching long 10 AAPL from flat takes a buy of 10: the"
                                + " strategy's position and tvbridge's disagree; reconcile them, or send the order's"
                                + " quantity without market_position"),
                row("a target already reached", "", holding("AAPL", "5"),
                        "{symbol:AAPL, market_position:long, market_position_size:5}",
                        "accepted: already at the target position: long 5 AAPL; nothing to order"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nothingToDo")
    void saysWhyNothingIsOrdered(String why, String settings, Account account, String alert, String outcome) {
        assertThat(describe(decide(account, alert, settings, TradingHalt.NONE))).isEqualTo(outcome);
    }

    // --- cancels ---

    static Stream<Arguments> cancels() {
        Account working = flat().order("buy-limit", "SPY", Side.BUY, OrderType.LIMIT, 0)
                .order("sell-stop", "SPY", Side.SELL, OrderType.STOP, 1)
                .order("sell-stop-limit", "SPY", Side.SELL, OrderType.STOP_LIMIT, 2)
                .order("other-symbol", "AAPL", Side.BUY, OrderType.LIMIT, 3);
        return Stream.of(
                risk("every working order of the symbol, oldest first", "", working, TradingHalt.NONE,
                        "{symbol:SPY, action:cancel}",
                        "accepted: cancels 3 working orders of SPY: buy-limit, sell-stop, sell-stop-limit"),
                risk("stops are every order waiting for a stop price", "", working, TradingHalt.NONE,
                        "{symbol:SPY, action:cancel, cancel_order_type:stop}",
                        "accepted: cancels 2 working stop orders of SPY: sell-stop, sell-stop-limit"),
                risk("one kind only", "", working, TradingHalt.NONE,
                        "{symbol:SPY, action:cancel, cancel_order_type:limit}",
                        "accepted: cancels 1 working limit order of SPY: buy-limit"),
                risk("nothing of that kind is working", "", working, TradingHalt.NONE,
                        "{symbol:AAPL, action:cancel, cancel_order_type:stop}",
                        "accepted: there are no working stop orders of AAPL to cancel"),
                risk("paused: cancels still go", "", working, PAUSED,
                        "{symbol:AAPL, action:cancel}", "accepted: cancels 1 working order of AAPL: other-symbol"),
                risk("killed: alerts change no order", "", working, KILLED,
                        "{symbol:SPY, action:cancel}", "rejected: kill_switch: kill switch is on"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cancels")
    void cancelsWorkingOrdersOfTheSymbolAndPlacesNone(String why, String settings, Account account, TradingHalt halt,
                                                      String alert, String outcome) {
        Decider.Verdict verdict = decide(account, alert, settings, halt);
        assertThat(verdict.plan().orders()).isEmpty();
        assertThat(describe(verdict)).startsWith(outcome);
        assertThat(verdict.plan().cancels()).allMatch(order -> order.symbol().equals(read(alert).symbol().orElseThrow()));
    }

    // --- risk checks ---

    static Stream<Arguments> limits() {
        return Stream.of(
                risk("the kill switch stops entries", "", flat(), KILLED,
                        "{symbol:AAPL, action:buy, quantity:1, price:10}", "kill_switch: kill switch is on (by ops"),
                risk("the kill switch stops exits too by default", "", holding("AAPL", "3"), KILLED,
                        "{symbol:AAPL, action:close}", "kill_switch: kill switch is on"),
                risk("the pause stops entries", "", flat(), PAUSED,
                        "{symbol:AAPL, action:buy, quantity:1, price:10}",
                        "pause: trading is paused (by ops since 2026-12-07T15:00:00Z: lunch); only exits pass"),
                risk("only the allowed symbols", "allowed_symbols=MSFT,SPY", flat(), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:1, price:10}",
                        "allowed_symbols: AAPL is not among the allowed symbols [MSFT, SPY]"),
                risk("only the allowed strategies", "allowed_strategies=ema", flat(), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:1, price:10, strategy:rsi}",
                        "allowed_strategies: strategy 'rsi' is not among the allowed [ema]"),
                risk("entries only in the allowed hours", "allowed_hours=13:00-15:00", flat(), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:1, price:10}",
                        "allowed_hours: entries are allowed from 13:00 to 15:00 (America/New_York), and it is 10:00"),
                risk("a buy's stop below its entry", "", flat(), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:1, price:10, stop_loss:11}",
                        "stop_target_sides: the stop-loss 11 must be below the entry 10 of a buy"),
                risk("a reward worth the risk", "min_reward_risk=2", flat(), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:1, price:10, stop_loss:9, take_profit:11}",
                        "min_reward_risk: reward:risk is 1 (1 to gain, 1 to lose), the minimum is 2"),
                risk("an order too large", "max_order_notional=1000", flat(), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:11, price:100}",
                        "max_order_notional: the order is worth 1,100.00 USD (11 AAPL at 100), the limit is 1,000.00 USD"),
                risk("a position too large", "max_position_size=10", holding("AAPL", "8"), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:3, price:10}",
                        "max_position_size: AAPL would reach 11 units (now 8), the limit is 10"),
                risk("working orders count towards the position", "max_position_size=10",
                        flat().working("AAPL", Side.BUY, "9"), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:2, price:10}",
                        "max_position_size: AAPL would reach 11 units (now 9), the limit is 10"),
                risk("a position worth too much", "max_position_notional=500", holding("AAPL", "4"),
                        TradingHalt.NONE, "{symbol:AAPL, action:buy, quantity:2, price:100}",
                        "max_position_notional: AAPL would be worth 600.00 USD, the limit per symbol is 500.00 USD"),
                risk("too many symbols", "max_open_positions=2", holding("MSFT", "1").holds("SPY", "1"),
                        TradingHalt.NONE, "{symbol:AAPL, action:buy, quantity:1, price:10}",
                        "max_open_positions: 2 positions are open, the limit is 2"),
                risk("too many orders today", "max_daily_trades=2", flat().roundTripsToday(1), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:1, price:10}",
                        "max_daily_trades: 2 orders today, the limit is 2"),
                risk("an unpriced entry under a money limit", "max_order_notional=1000", flat(), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:1}",
                        "max_order_notional: no price is known for AAPL to value the order"),
                risk("a trailing stop is valued at the alert's price", "max_order_notional=1000", flat(),
                        TradingHalt.NONE, "{symbol:AAPL, action:buy, quantity:11, order_type:trailing_stop,"
                                + " trail_amount:2, price:100}",
                        "max_order_notional: the order is worth 1,100.00 USD (11 AAPL at 100)"),
                risk("a trailing stop is valued at the last price seen", "max_order_notional=1000",
                        flat().price("AAPL", "100"), TradingHalt.NONE, "{symbol:AAPL, action:buy, quantity:11,"
                                + " order_type:trailing_stop, trail_percent:1}",
                        "max_order_notional: the order is worth 1,100.00 USD (11 AAPL at 100)"),
                risk("an unpriced trailing stop under a money limit", "max_order_notional=1000", flat(),
                        TradingHalt.NONE, "{symbol:AAPL, action:buy, quantity:1, order_type:trailing_stop,"
                                + " trail_amount:1}", "max_order_notional: no price is known for AAPL to value the order"),
                risk("gross exposure", "max_total_exposure=1000", holding("MSFT", "2").price("MSFT", "400"),
                        TradingHalt.NONE, "{symbol:AAPL, action:buy, quantity:3, price:100}",
                        "max_total_exposure: total exposure would be 1,100.00 USD (now 800.00 USD, the order 300.00 USD),"
                                + " the limit is 1,000.00 USD"),
                risk("the cash reserve", "min_cash_reserve=500", flat().equity("1000"), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:6, price:100}",
                        "min_cash_reserve: the order would leave 400.00 USD cash (of 1,000.00 USD; the order is worth"
                                + " 600.00 USD), the reserve is 500.00 USD"),
                risk("buying power", "", flat().equity("1000"), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:11, price:100}",
                        "buying_power: the order is worth 1,100.00 USD, the available buying power is 1,000.00 USD"),
                risk("a reversal in two steps is checked step by step", "target_reversal=two_steps;"
                        + "max_position_size=5", holding("AAPL", "10"), TradingHalt.NONE,
                        "{symbol:AAPL, market_position:short, market_position_size:10, price:10}",
                        "max_position_size: AAPL would reach 10 units (now 0), the limit is 5 (step 2 of 2"),
                risk("a reversal in one step is checked whole", "max_position_size=5", holding("AAPL", "10"),
                        TradingHalt.NONE, "{symbol:AAPL, market_position:short, market_position_size:10, price:10}",
                        "max_position_size: AAPL would reach 10 units (now 10), the limit is 5"),
                risk("a two-step reversal's second step counts as an order today", "target_reversal=two_steps;"
                        + "max_daily_trades=3", holding("AAPL", "10").roundTripsToday(1), TradingHalt.NONE,
                        "{symbol:AAPL, market_position:short, market_position_size:10, price:10}",
                        "max_daily_trades: 3 orders today, the limit is 3 (step 2 of 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"limits", "moneyRefusals"})
    void refusesWhatBreaksALimit(String why, String settings, Account account, TradingHalt halt, String alert,
                                 String refusal) {
        Decider.Verdict verdict = decide(account, alert, settings, halt);
        assertThat(describe(verdict)).startsWith("rejected: " + refusal);
        assertThat(verdict.refusedByRisk()).isTrue();
        assertThat(verdict.plan().orders()).isEmpty();
    }

    static Stream<Arguments> passes() {
        return Stream.of(
                risk("the pause lets exits through", "", holding("AAPL", "3"), PAUSED,
                        "{symbol:AAPL, action:close}", "SELL 3 AAPL MARKET exits"),
                risk("the kill switch lets exits through when told", "kill_switch_allows_exits=true",
                        holding("AAPL", "3"), KILLED, "{symbol:AAPL, action:close}", "SELL 3 AAPL MARKET exits"),
                risk("limits on size do not hold back exits", "max_position_size=1", holding("AAPL", "8"),
                        TradingHalt.NONE, "{symbol:AAPL, action:sell, quantity:8}", "SELL 8 AAPL MARKET exits"),
                risk("a position at its limit", "max_position_size=10", holding("AAPL", "8"), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:2, price:10}", "BUY 2 AAPL MARKET opens"),
                risk("adding to a held symbol is no new position", "max_open_positions=1", holding("AAPL", "1"),
                        TradingHalt.NONE, "{symbol:AAPL, action:buy, quantity:1, price:10}",
                        "BUY 1 AAPL MARKET opens"),
                risk("a two-step reversal within the limit", "target_reversal=two_steps; max_position_size=10",
                        holding("AAPL", "10"), TradingHalt.NONE,
                        "{symbol:AAPL, market_position:short, market_position_size:10, price:10}",
                        "SELL 10 AAPL MARKET exits; SELL 10 AAPL MARKET opens"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passes")
    void passesWhatIsWithinTheLimits(String why, String settings, Account account, TradingHalt halt, String alert,
                                     String orders) {
        assertThat(describe(decide(account, alert, settings, halt))).isEqualTo(orders);
    }

    @Test
    void aBrokerWithoutTrailingStopsRefusesThemBeforeAnythingIsPlanned() {
        Decider withoutTrailing = new Decider(new OrderPlanner("oanda", EnumSet.complementOf(
                EnumSet.of(BrokerCapability.TRAILING_STOP_ORDERS))), RiskEngine.standard());
        Decider.Verdict verdict = withoutTrailing.decide(read("{symbol:AAPL, action:close, order_type:trailing_stop,"
                + " trail_amount:1, price:100}"), holding("AAPL", "10").state(), settings(""), TradingHalt.NONE,
                Optional.empty(), NOW);
        assertThat(describe(verdict)).isEqualTo("rejected: the oanda broker does not take trailing_stop orders");
        assertThat(verdict.refusedByRisk()).isFalse();
    }

    @Test
    void decidingChangesNothingInTheAccount() {
        Account account = holding("AAPL", "10");
        RiskState state = account.state();
        BigDecimal before = state.projected("AAPL");
        long ordersBefore = state.ordersToday();
        decide(account, "{symbol:AAPL, market_position:short, market_position_size:10, price:10}",
                "target_reversal=two_steps", TradingHalt.NONE);
        assertThat(state.projected("AAPL")).isEqualByComparingTo(before);
        assertThat(state.ordersToday()).isEqualTo(ordersBefore);
    }

    // --- money in the account's currency ---

    /** OANDA's factor for yen into dollars, as its pricing endpoint would give it. */
    private static final String JPY = "JPY=0.00660036";

    private static Instrument fx(String symbol, String quote, String marginRate) {
        Instrument pair = new Instrument(symbol, AssetClass.FOREX, "OANDA", quote, Optional.empty(), BigDecimal.ONE,
                new BigDecimal("0.00001"), BigDecimal.ONE, BigDecimal.ONE, symbol);
        return marginRate.isEmpty() ? pair : pair.withMarginRate(new BigDecimal(marginRate));
    }

    private static Instrument future(String symbol, String multiplier) {
        return new Instrument(symbol, AssetClass.FUTURE, "CME", "USD", Optional.empty(), new BigDecimal(multiplier),
                new BigDecimal("0.25"), BigDecimal.ONE, BigDecimal.ONE, symbol);
    }

    /** A USD account with {@code equity} of cash, equity and buying power (or margin available). */
    private static Account usd(String equity) {
        return flat().equity(equity);
    }

    static Stream<Arguments> sizingInTheAccountsCurrency() {
        return Stream.of(
                row("notional: dollars buy a yen cross at its dollar value", "sizing_mode=notional; sizing_amount=1000",
                        usd("25000").instrument(fx("GBPJPY", "JPY", "0.0333")).rates("USD", JPY),
                        "{symbol:GBPJPY, action:buy, price:191.25}", "BUY 792 GBPJPY MARKET opens"),
                row("notional: USD/JPY is priced in yen", "sizing_mode=notional; sizing_amount=1000",
                        usd("25000").instrument(fx("USDJPY", "JPY", "0.0333")).rates("USD", "JPY=0.0066225"),
                        "{symbol:USDJPY, action:buy, price:151}", "BUY 1000 USDJPY MARKET opens"),
                row("notional: EUR/USD needs no conversion", "sizing_mode=notional; sizing_amount=1000",
                        usd("25000").instrument(fx("EURUSD", "USD", "0.0333")),
                        "{symbol:EURUSD, action:buy, price:1.085}", "BUY 921 EURUSD MARKET opens"),
                row("notional: EUR/GBP through the pound's dollar factor", "sizing_mode=notional; sizing_amount=1000",
                        usd("25000").instrument(fx("EURGBP", "GBP", "0.0333")).rates("USD", "GBP=1.27"),
                        "{symbol:EURGBP, action:buy, price:0.85}", "BUY 926 EURGBP MARKET opens"),
                row("equity_percent: a EUR stock on a USD account", "sizing_mode=equity_percent;"
                        + " sizing_equity_percent=10", usd("50000").instrument(Instrument.simple("SAP",
                        AssetClass.STOCK, "IBIS", "EUR")).rates("USD", "EUR=1.08"),
                        "{symbol:SAP, action:buy, price:200}", "BUY 23 SAP MARKET opens"),
                row("risk: a yen stop distance valued in dollars (the pip value)", "sizing_mode=risk;"
                        + " sizing_risk_percent=1", usd("25000").instrument(fx("GBPJPY", "JPY", "0.0333"))
                        .rates("USD", JPY), "{symbol:GBPJPY, action:buy, price:191.25, stop_loss:190.25}",
                        "BUY 37876 GBPJPY MARKET opens"),
                row("risk: ES points times its multiplier of 50", "sizing_mode=risk; sizing_risk_percent=1",
                        usd("100000").instrument(future("ES", "50")),
                        "{symbol:ES, action:buy, price:6000, stop_loss:5990}", "BUY 2 ES MARKET opens"),
                row("risk: MES points times its multiplier of 5", "sizing_mode=risk; sizing_risk_percent=1",
                        usd("100000").instrument(future("MES", "5")),
                        "{symbol:MES, action:buy, price:6000, stop_loss:5990}", "BUY 20 MES MARKET opens"),
                row("notional: gold priced in dollars", "sizing_mode=notional; sizing_amount=10000",
                        usd("25000").instrument(fx("XAUUSD", "USD", "0.05")),
                        "{symbol:XAUUSD, action:buy, price:2921.785}", "BUY 3 XAUUSD MARKET opens"),
                row("notional: bitcoin in fractions", "sizing_mode=notional; sizing_amount=1000",
                        usd("25000"), "{symbol:BTCUSD, exchange:COINBASE, action:buy, price:40000}",
                        "BUY 0.025 BTCUSD MARKET opens"),
                row("notional: dollars on a euro account", "sizing_mode=notional; sizing_amount=1000",
                        flat().rates("EUR", "USD=0.92"), "{symbol:AAPL, action:buy, price:100}",
                        "BUY 10 AAPL MARKET opens"));
    }

    static Stream<Arguments> moneyRefusals() {
        return Stream.of(
                risk("the yen value of a cross against the dollars of the limit", "max_order_notional=1000",
                        usd("25000").instrument(fx("GBPJPY", "JPY", "0.0333")).rates("USD", JPY), TradingHalt.NONE,
                        "{symbol:GBPJPY, action:buy, quantity:1500, price:191.25}",
                        "max_order_notional: the order is worth 286,875 JPY (1,893.48 USD at 0.00660036) (1500 GBPJPY"
                                + " at 191.25), the limit is 1,000.00 USD"),
                risk("OANDA's margin against the margin available", "",
                        usd("25000").instrument(fx("GBPJPY", "JPY", "0.0333")).rates("USD", JPY), TradingHalt.NONE,
                        "{symbol:GBPJPY, action:buy, quantity:1000000, price:191.25}",
                        "buying_power: the order is worth 191,250,000 JPY (1,262,318.85 USD at 0.00660036); the margin"
                                + " needed is 42,035.22 USD, the margin available 25,000.00 USD"),
                risk("gold's margin at 5%", "", usd("1000").instrument(fx("XAUUSD", "USD", "0.05")),
                        TradingHalt.NONE, "{symbol:XAUUSD, action:buy, quantity:10, price:2921.785}",
                        "buying_power: the order is worth 29,217.85 USD; the margin needed is 1,460.89 USD, the margin"
                                + " available 1,000.00 USD"),
                risk("a EUR stock against USD buying power", "", usd("20000").instrument(Instrument.simple("SAP",
                        AssetClass.STOCK, "IBIS", "EUR")).rates("USD", "EUR=1.08"), TradingHalt.NONE,
                        "{symbol:SAP, action:buy, quantity:100, price:200}",
                        "buying_power: the order is worth 20,000.00 EUR (21,600.00 USD at 1.08), the available buying"
                                + " power is 20,000.00 USD"),
                risk("an ES contract is worth 50 times its price", "max_order_notional=250000",
                        usd("1000000").instrument(future("ES", "50")), TradingHalt.NONE,
                        "{symbol:ES, action:buy, quantity:1, price:6000}",
                        "max_order_notional: the order is worth 300,000.00 USD (1 ES at 6000), the limit is"
                                + " 250,000.00 USD"),
                risk("crypto keeps cash semantics even with a margin rate", "", usd("30000").instrument(
                        Instrument.simple("BTCUSD", AssetClass.CRYPTO, "OANDA", "USD")
                                .withMarginRate(new BigDecimal("0.5"))), TradingHalt.NONE,
                        "{symbol:BTCUSD, action:buy, quantity:1, price:40000}",
                        "buying_power: the order is worth 40,000.00 USD, the available buying power is 30,000.00 USD"),
                risk("a missing rate refuses and names the pair; never 1", "",
                        usd("25000").instrument(fx("GBPJPY", "JPY", "0.0333")), TradingHalt.NONE,
                        "{symbol:GBPJPY, action:buy, quantity:1500, price:191.25}",
                        "buying_power: no JPY/USD rate is known (the broker has given none); tvbridge never assumes"
                                + " one"),
                risk("an instrument the broker has not resolved is not valued", "max_order_notional=1000",
                        usd("25000"), TradingHalt.NONE, "{symbol:GBPJPY, action:buy, quantity:1500, price:191.25}",
                        "max_order_notional: the currency GBPJPY is priced in is not known yet (the broker has not"
                                + " resolved GBPJPY), so its value cannot be put in the account's currency"),
                risk("today's yen loss in dollars", "max_daily_loss=50",
                        usd("25000").instrument(fx("GBPJPY", "JPY", "0.0333")).rates("USD", JPY)
                                .holdsAt("GBPJPY", "10000", "191.25").price("GBPJPY", "190.25"), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:1, price:100}",
                        "max_daily_loss: today's result is -66.00 USD, the loss limit is 50.00 USD"),
                risk("exposure sums every currency in dollars", "max_total_exposure=2000",
                        usd("25000").instrument(fx("GBPJPY", "JPY", "0.0333")).rates("USD", JPY)
                                .holdsAt("GBPJPY", "1000", "191.25").price("GBPJPY", "191.25"), TradingHalt.NONE,
                        "{symbol:AAPL, action:buy, quantity:1, price:800}",
                        "max_total_exposure: total exposure would be 2,062.32 USD (now 1,262.32 USD, the order"
                                + " 800.00 USD), the limit is 2,000.00 USD"));
    }

    @Test
    void aYenCrossWithinTheMarginAvailableIsAccepted() {
        Account account = usd("25000").instrument(fx("GBPJPY", "JPY", "0.0333")).rates("USD", JPY);
        assertThat(describe(decide(account, "{symbol:GBPJPY, action:buy, quantity:1500, price:191.25}",
                "max_order_notional=2000", TradingHalt.NONE))).isEqualTo("BUY 1500 GBPJPY MARKET opens");
    }

    // --- exits first ---

    static Stream<Arguments> order() {
        return Stream.of(
                Arguments.of("a sell goes first", "{symbol:AAPL, action:sell, quantity:1}", "0", true),
                Arguments.of("a close goes first", "{symbol:AAPL, action:close}", "5", true),
                Arguments.of("a buy waits behind exits", "{symbol:AAPL, action:buy, quantity:1}", "0", false),
                Arguments.of("a buy that covers a short goes first", "{symbol:AAPL, action:buy, quantity:1}", "-3",
                        true),
                Arguments.of("a target nearer to flat goes first", "{symbol:AAPL, position_size:2}", "5", true),
                Arguments.of("a target across flat goes first", "{symbol:AAPL, position_size:-2}", "5", true),
                Arguments.of("a target further out waits", "{symbol:AAPL, position_size:8}", "5", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("order")
    void exitsGoFirst(String why, String alert, String held, boolean first) {
        assertThat(Decider.goesFirst(read(alert), new BigDecimal(held))).isEqualTo(first);
    }

    // --- several take-profit targets: one bracket each ---

    static Stream<Arguments> brackets() {
        return Stream.of(
                row("two targets, half each, the same stop", "", flat(), "{'symbol':'AAPL', 'action':'buy',"
                                + " 'quantity':4, 'price':200, 'take_profits':[{'price':210, 'share_percent':50},"
                                + " {'price':220}], 'stop_loss':190}",
                        "BUY 2 AAPL tp 210 sl 190; BUY 2 AAPL tp 220 sl 190"),
                row("equal thirds in whole units, the remainder to the last", "", flat(), "{'symbol':'AAPL',"
                                + " 'action':'buy', 'quantity':10, 'price':200, 'take_profits':[{'price':210},"
                                + " {'price':220}, {'price':230}], 'stop_loss':190}",
                        "BUY 3 AAPL tp 210 sl 190; BUY 3 AAPL tp 220 sl 190; BUY 4 AAPL tp 230 sl 190"),
                row("a share rounded down", "", flat(), "{'symbol':'AAPL', 'action':'buy', 'quantity':7,"
                                + " 'price':200, 'take_profits':[{'price':210, 'share_percent':50}, {'price':220}]}",
                        "BUY 3 AAPL tp 210; BUY 4 AAPL tp 220"),
                row("a sell's targets below, its stop above", "", flat(), "{'symbol':'AAPL', 'action':'sell',"
                                + " 'quantity':5, 'price':200, 'take_profits':[{'price':190, 'share_percent':60},"
                                + " {'price':180, 'share_percent':40}], 'stop_loss':210}",
                        "SELL 3 AAPL tp 190 sl 210; SELL 2 AAPL tp 180 sl 210"),
                row("shares under 100%: the rest with the stop-loss only", "", flat(), "{'symbol':'AAPL',"
                                + " 'action':'buy', 'quantity':10, 'price':200, 'take_profits':[{'price':210,"
                                + " 'share_percent':40}, {'price':220, 'share_percent':40}], 'stop_loss':190}",
                        "BUY 4 AAPL tp 210 sl 190; BUY 4 AAPL tp 220 sl 190; BUY 2 AAPL sl 190"),
                row("crypto in the venue's quantity steps", "", flat().instrument(new Instrument("BTCUSD",
                                AssetClass.CRYPTO, "COINBASE", "USD", Optional.empty(), BigDecimal.ONE,
                                new BigDecimal("0.01"), new BigDecimal("0.0001"), new BigDecimal("0.0001"), "BTC-USD")),
                        "{'symbol':'BTCUSD', 'exchange':'COINBASE', 'action':'buy', 'quantity':0.0125, 'price':97500,"
                                + " 'take_profits':[{'price':98000}, {'price':99000}, {'price':100000}]}",
                        "BUY 0.0041 BTCUSD tp 98000; BUY 0.0041 BTCUSD tp 99000; BUY 0.0043 BTCUSD tp 100000"),
                row("a sized entry is split too", "sizing_mode=notional; sizing_amount=1000", flat(),
                        "{'symbol':'AAPL', 'action':'buy', 'price':100, 'take_profits':[{'price':110},"
                                + " {'price':120}]}",
                        "BUY 5 AAPL tp 110; BUY 5 AAPL tp 120"),
                row("pips become prices from the entry", "", flat(), "{'symbol':'EURUSD', 'action':'buy',"
                                + " 'quantity':10000, 'price':1.1, 'take_profits':[{'pips':20}, {'pips':40}]}",
                        "BUY 5000 EURUSD tp 1.102; BUY 5000 EURUSD tp 1.104"),
                row("a buy that first covers a short: the cover alone, then the brackets", "", holding("AAPL", "-2"),
                        "{'symbol':'AAPL', 'action':'buy', 'quantity':6, 'price':200, 'take_profits':[{'price':210},"
                                + " {'price':220}], 'stop_loss':190}",
                        "BUY 2 AAPL exits; BUY 2 AAPL tp 210 sl 190; BUY 2 AAPL tp 220 sl 190"),
                row("one target for the whole position stays one bracket", "", flat(), "{'symbol':'AAPL',"
                                + " 'action':'buy', 'quantity':4, 'price':200, 'take_profits':[{'price':210,"
                                + " 'share_percent':100}], 'stop_loss':190}",
                        "BUY 4 AAPL tp 210 sl 190"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brackets")
    void splitsAnEntryIntoOneBracketPerTarget(String why, String settings, Account account, String alert,
                                              String orders) {
        assertThat(describeBrackets(decideJson(account, alert, settings))).isEqualTo(orders);
    }

    static Stream<Arguments> bracketRefusals() {
        return Stream.of(
                row("one share over two targets", "", flat(), "{'symbol':'AAPL', 'action':'buy', 'quantity':1,"
                                + " 'price':200, 'take_profits':[{'price':210}, {'price':220}]}",
                        "rejected: sizing: 1 AAPL does not split over 2 take-profit targets (210 (50%), 220 (50%)):"
                                + " a leg would be 0 in steps of 1; raise the quantity or give fewer targets"),
                row("a rest too small for a leg", "", flat(), "{'symbol':'AAPL', 'action':'buy', 'quantity':2,"
                                + " 'price':200, 'take_profits':[{'price':210, 'share_percent':50}, {'price':220,"
                                + " 'share_percent':45}]}",
                        "rejected: sizing: 2 AAPL does not split over 2 take-profit targets and the rest without one"
                                + " (210 (50%), 220 (45%); 5% without take-profit): a leg would be 0 in steps of 1;"
                                + " raise the quantity or give fewer targets"),
                row("a target on the wrong side of the entry", "", flat(), "{'symbol':'AAPL', 'action':'buy',"
                                + " 'quantity':4, 'price':200, 'take_profits':[{'price':210}, {'price':195}]}",
                        "rejected: stop_target_sides: the take-profit 195 must be above the entry 200 of a buy"
                                + " (step 2 of 2 of the plan)"),
                row("each leg against what the legs before it leave", "max_position_size=5", flat(),
                        "{'symbol':'AAPL', 'action':'buy', 'quantity':6, 'price':200, 'take_profits':[{'price':210},"
                                + " {'price':220}]}",
                        "rejected: max_position_size: AAPL would reach 6 units (now 3), the limit is 5 (step 2 of 2"
                                + " of the plan)"),
                row("each leg's reward against the risk", "min_reward_risk=1.5", flat(),
                        "{'symbol':'AAPL', 'action':'buy', 'quantity':4, 'price':200, 'take_profits':[{'price':210},"
                                + " {'price':230}], 'stop_loss':190}",
                        "rejected: min_reward_risk: reward:risk is 1 (10 to gain, 10 to lose), the minimum is 1.5"
                                + " (step 1 of 2 of the plan)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bracketRefusals")
    void refusesASplitThatCannotBePlaced(String why, String settings, Account account, String alert,
                                         String refusal) {
        assertThat(describeBrackets(decideJson(account, alert, settings))).isEqualTo(refusal);
    }

    // --- helpers ---

    private static Arguments row(String why, String settings, Account account, String alert, String expected) {
        return Arguments.of(why, settings, account, alert, expected);
    }

    private static Arguments risk(String why, String settings, Account account, TradingHalt halt, String alert,
                                  String expected) {
        return Arguments.of(why, settings, account, halt, alert, expected);
    }

    private static Decider.Verdict decide(Account account, String alert, String settings, TradingHalt halt) {
        return DECIDER.decide(read(alert), account.state(), settings(settings), halt, Optional.empty(), NOW);
    }

    /** An alert written {@code {symbol:AAPL, action:buy}} for short: each value becomes a JSON string. */
    private static Alert read(String table) {
        String json = table.replaceAll("([a-z_]+):\\s*([^,}]+)", "\"$1\": \"$2\"");
        try {
            return AlertReader.read(AlertBody.parse(json.getBytes(StandardCharsets.UTF_8)));
        } catch (AlertProblem e) {
            throw new AssertionError("the test's alert is not valid: " + e.getMessage(), e);
        }
    }

    /** {@code key=value; key=value}, the stored settings' names and texts; the rest take their defaults. */
    private static RiskSettings settings(String text) {
        Map<String, String> values = new HashMap<>();
        for (String pair : text.split(";")) {
            if (!pair.isBlank()) {
                int equals = pair.indexOf('=');
                values.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return RiskSettings.of(values);
    }

    /** An alert written as loose JSON, single quotes allowed: for lists, which the short form cannot hold. */
    private static Decider.Verdict decideJson(Account account, String alert, String settings) {
        try {
            return DECIDER.decide(AlertReader.read(AlertBody.parse(alert.getBytes(StandardCharsets.UTF_8))),
                    account.state(), settings(settings), TradingHalt.NONE, Optional.empty(), NOW);
        } catch (AlertProblem e) {
            throw new AssertionError("the test's alert is not valid: " + e.getMessage(), e);
        }
    }

    /** One bracket per order: side, quantity, symbol, its take-profit and stop-loss; or the refusal. */
    private static String describeBrackets(Decider.Verdict verdict) {
        Plan plan = verdict.plan();
        if (plan.orders().isEmpty()) {
            return plan.decision().wireName() + ": " + plan.reason().orElse("");
        }
        return plan.orders().stream().map(o -> o.side() + " " + o.quantity().toPlainString() + " "
                + o.instrument().symbol() + (o.opens() ? "" : " exits")
                + o.takeProfit().map(p -> " tp " + p.toPlainString()).orElse("")
                + o.stopLoss().map(p -> " sl " + p.toPlainString()).orElse("")).collect(Collectors.joining("; "));
    }

    /** One line per order: side, quantity, symbol, type, limit, trail, and whether it opens; or the refusal. */
    private static String describe(Decider.Verdict verdict) {
        Plan plan = verdict.plan();
        if (plan.orders().isEmpty()) {
            return plan.decision().wireName() + ": " + plan.reason().orElse("");
        }
        return plan.orders().stream().map(o -> o.side() + " " + o.quantity().toPlainString() + " "
                + o.instrument().symbol() + " " + o.prices().type() + o.prices().limitPrice().map(p -> " @"
                + p.toPlainString()).orElse("") + o.prices().trail().map(t -> " trail " + t).orElse("")
                + (o.opens() ? " opens" : " exits"))
                .collect(Collectors.joining("; "));
    }

    /**
     * Nothing held, in an account whose currency is USD (the broker has not reported its money yet):
     * the stocks the rows trade are priced in dollars, as the broker resolved them.
     */
    private static Account flat() {
        Account account = new Account(List.of()).then(state -> {
            state.ratesUpdated(ConversionRates.none("USD", NOW.minusSeconds(60)));
            return state;
        });
        for (String symbol : List.of("AAPL", "MSFT", "SPY", "ZZZ")) {
            account = account.instrument(Instrument.simple(symbol, AssetClass.STOCK, "NASDAQ", "USD"));
        }
        return account.instrument(Instrument.simple("BTCUSD", AssetClass.CRYPTO, "COINBASE", "USD"));
    }

    private static Account holding(String symbol, String quantity) {
        return flat().holds(symbol, quantity);
    }

    /**
     * An account described by the changes that make it, applied to a new {@link RiskState} each
     * time one is asked for: a row's account is never changed by another row.
     */
    record Account(List<UnaryOperator<RiskState>> changes) {
        RiskState state() {
            RiskState state = new RiskState("paper");
            changes.forEach(change -> change.apply(state));
            return state;
        }

        Account then(UnaryOperator<RiskState> change) {
            return new Account(Stream.concat(changes.stream(), Stream.of(change)).toList());
        }

        Account holds(String symbol, String quantity) {
            return then(state -> {
                state.setPosition(new ExpectedPosition("paper", "", symbol, new Holding(new BigDecimal(quantity),
                        BigDecimal.TEN, BigDecimal.ZERO), BigDecimal.ONE, BigDecimal.ZERO, NOW));
                return state;
            });
        }

        /** {@code quantity} of {@code symbol} held at an average cost of {@code cost}. */
        Account holdsAt(String symbol, String quantity, String cost) {
            return then(state -> {
                state.setPosition(new ExpectedPosition("paper", "", symbol, new Holding(new BigDecimal(quantity),
                        new BigDecimal(cost), BigDecimal.ZERO), BigDecimal.ONE, BigDecimal.ZERO, NOW));
                return state;
            });
        }

        Account price(String symbol, String price) {
            return then(state -> {
                state.priceSeen(symbol, new BigDecimal(price));
                return state;
            });
        }

        Account equity(String amount) {
            BigDecimal money = new BigDecimal(amount);
            return then(state -> {
                state.accountUpdated(new AccountSnapshot("DU1", "USD", money, money, money, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, NOW.minusSeconds(60)));
                return state;
            });
        }

        /** The broker resolved {@code instrument}: alerts name it by its symbol. */
        Account instrument(Instrument instrument) {
            return then(state -> {
                state.instrumentResolved(instrument.symbol(), instrument);
                return state;
            });
        }

        /** The broker's factors into the account's currency: {@code JPY=0.0066, EUR=1.08}. */
        Account rates(String account, String factors) {
            Map<String, BigDecimal> parsed = new HashMap<>();
            for (String pair : factors.split(",")) {
                if (!pair.isBlank()) {
                    String[] parts = pair.split("=");
                    parsed.put(parts[0].strip(), new BigDecimal(parts[1].strip()));
                }
            }
            return then(state -> {
                state.ratesUpdated(new ConversionRates(account, parsed, NOW.minusSeconds(30)));
                return state;
            });
        }

        /** A market order on its way, decided earlier today. */
        Account working(String symbol, Side side, String quantity) {
            return then(state -> {
                state.assume(ClientOrderId.of("earlier-" + symbol), PlannedOrder.exit(new InstrumentRef(symbol,
                        Optional.empty(), Optional.empty()), side, new BigDecimal(quantity), Optional.empty()),
                        Optional.empty(), NOW);
                return state;
            });
        }

        /** A working order of one share, stored {@code minute} minutes after 9:00 today. */
        Account order(String id, String symbol, Side side, OrderType type, int minute) {
            Optional<BigDecimal> price = Optional.of(BigDecimal.TEN);
            PlannedOrder plan = new PlannedOrder(new InstrumentRef(symbol, Optional.empty(), Optional.empty()), side,
                    BigDecimal.ONE, new OrderPrices(type, type.needsLimitPrice() ? price : Optional.empty(),
                    type.needsStopPrice() ? price : Optional.empty(), Optional.empty()), Optional.empty(),
                    Optional.empty(), Optional.empty(), TimeInForce.GTC, side == Side.BUY);
            return then(state -> {
                state.planned(StoredOrder.decided(new OrderRef(minute + 1, ClientOrderId.of(id), 1, "paper", "",
                        Optional.empty()), plan, false, false, NOW.minusSeconds(3600 - 60L * minute)));
                return state;
            });
        }

        /** {@code pairs} round trips (a buy and its sell) in a symbol of no interest: two orders each. */
        Account roundTripsToday(int pairs) {
            Account account = this;
            for (int i = 0; i < pairs; i++) {
                String id = "done-" + i;
                account = account.then(state -> {
                    state.assume(ClientOrderId.of(id + "-buy"), PlannedOrder.exit(new InstrumentRef("ZZZ",
                            Optional.empty(), Optional.empty()), Side.BUY, BigDecimal.ONE, Optional.empty()),
                            Optional.empty(), NOW);
                    state.assume(ClientOrderId.of(id + "-sell"), PlannedOrder.exit(new InstrumentRef("ZZZ",
                            Optional.empty(), Optional.empty()), Side.SELL, BigDecimal.ONE, Optional.empty()),
                            Optional.empty(), NOW);
                    return state;
                });
            }
            return account;
        }

        @Override
        public String toString() {
            return changes.size() + " changes";
        }
    }
}
