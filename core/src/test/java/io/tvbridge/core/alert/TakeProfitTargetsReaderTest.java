package io.tvbridge.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several take-profit targets in every form tvbridge reads them (its own {@code take_profits},
 * numbered {@code TP1=} lines and {@code tp1} / {@code tp1_pct} members, WunderTrading's ladder),
 * shown as the webhook's answer shows them, and what is refused with its reason.
 */
class TakeProfitTargetsReaderTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource({"targets", "refusals"})
    void readsTargetsWithTheirShares(String why, String message, String read) {
        assertThat(DialectCases.read(message)).isEqualTo(read);
    }

    static Stream<Arguments> targets() {
        return Stream.of(
                arguments("tvbridge's list: a share given, the rest to the other target",
                        "{\"symbol\":\"BTCUSD\",\"action\":\"buy\",\"quantity\":0.012,\"take_profits\":[{\"price\":98650,"
                                + "\"share_percent\":50},{\"price\":103000}],\"stop_loss\":95200}",
                        "tvbridge buy BTCUSD 0.012 units market tp=98650 (50%), 103000 (50%) sl=95200"),
                arguments("percents from a buy's price are above it", "{\"symbol\":\"AAPL\",\"action\":\"buy\","
                                + "\"price\":200,\"take_profits\":[{\"percent\":2},{\"percent\":4}]}",
                        "tvbridge buy AAPL market tp=204 (50%), 208 (50%)"),
                arguments("amounts from a sell's limit are below it", "{\"symbol\":\"AAPL\",\"action\":\"sell\","
                                + "\"order_type\":\"limit\",\"limit_price\":200,\"take_profits\":[{\"amount\":5,"
                                + "\"share_percent\":25},{\"amount\":10}]}",
                        "tvbridge sell AAPL limit limit=200 tp=195 (25%), 190 (75%)"),
                arguments("pips stay distances until the order is planned", "{\"symbol\":\"EURUSD\",\"action\":\"buy\","
                                + "\"take_profits\":[{\"pips\":20,\"share_percent\":30},{\"pips\":40}]}",
                        "tvbridge buy EURUSD market tp=20 pips (30%), 40 pips (70%)"),
                arguments("one target for the whole position is today's take-profit", "{\"symbol\":\"AAPL\","
                                + "\"action\":\"buy\",\"take_profits\":[{\"price\":210,\"share_percent\":100}]}",
                        "tvbridge buy AAPL market tp=210"),
                arguments("shares under 100% leave the rest with the stop-loss only", "{\"symbol\":\"AAPL\","
                                + "\"action\":\"buy\",\"take_profits\":[{\"price\":210,\"share_percent\":40},"
                                + "{\"price\":220,\"share_percent\":40}],\"stop_loss\":190}",
                        "tvbridge buy AAPL market tp=210 (40%), 220 (40%); 20% without take-profit sl=190"),
                arguments("Infinity Algo's lines: equal shares", "Exchange=BINANCE\nSymbol=BTCUSDT\nSide=Long\n"
                                + "Entry=45250.50\nTP1=45700.00\nTP2=46150.00\nTP3=46600.00\nSL=43250.00",
                        "tvbridge buy BTCUSDT market tp=45700 (33.33%), 46150 (33.33%), 46600 (33.33%) sl=43250"),
                arguments("breaker's tp1 with its share, tp2 the rest; asset is the symbol", "{\"event_type\":\"ENTRY\","
                                + "\"asset\":\"BTC\",\"side\":\"LONG\",\"entry\":97500.00,\"sl\":95200.00,\"tp1\":98650.00,"
                                + "\"tp2\":103000.00,\"tp1_pct\":50,\"qty\":0.012}",
                        "tvbridge buy BTC 0.012 units market tp=98650 (50%), 103000 (50%) sl=95200"),
                arguments("numbered targets in number order, blank ones skipped", "{\"symbol\":\"AAPL\","
                                + "\"action\":\"sell\",\"tp2\":\"180\",\"tp3\":\"\",\"tp1\":\"190\",\"tp2_percent\":\"70\"}",
                        "tvbridge sell AAPL market tp=190 (30%), 180 (70%)"),
                arguments("WunderTrading's ladder: deviations and portfolio as fractions", "{\"code\":\"Enter-Long\","
                                + "\"symbol\":\"ETHUSDT\",\"price\":2000,\"takeProfits\":[{\"priceDeviation\":0.01,"
                                + "\"portfolio\":0.25},{\"priceDeviation\":0.02,\"portfolio\":0.75}],"
                                + "\"stopLoss\":{\"priceDeviation\":0.01}}",
                        "wundertrading buy ETHUSDT market tp=2020 (25%), 2040 (75%) sl=1980"),
                arguments("WunderTrading's one step closing half", "{\"code\":\"Enter-Short\",\"symbol\":\"ETHUSDT\","
                                + "\"price\":2000,\"takeProfits\":[{\"priceDeviation\":0.05,\"portfolio\":0.5}]}",
                        "wundertrading sell ETHUSDT market tp=1900 (50%); 50% without take-profit"));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("shares over 100%", "{\"symbol\":\"AAPL\",\"action\":\"buy\",\"take_profits\":[{\"price\":210,"
                                + "\"share_percent\":60},{\"price\":220,\"share_percent\":50}]}",
                        "refused: 'take_profits': the targets' shares add up to 110%, more than the whole position"),
                arguments("one share over 100%", "{\"symbol\":\"AAPL\",\"action\":\"buy\",\"take_profits\":[{\"price\":210,"
                                + "\"share_percent\":150}]}",
                        "refused: the share of take_profits target 1 is 150%, more than the whole position"),
                arguments("a share of zero", "{\"symbol\":\"AAPL\",\"action\":\"buy\",\"take_profits\":[{\"price\":210,"
                                + "\"share_percent\":0},{\"price\":220}]}",
                        "refused: the take profits target 1 share percent must be greater than zero, but is 0"),
                arguments("shares of 100% leave nothing for a target without one", "{\"symbol\":\"AAPL\","
                                + "\"action\":\"buy\",\"take_profits\":[{\"price\":210,\"share_percent\":100},{\"price\":220}]}",
                        "refused: 'take_profits': the targets' shares add up to 100%, leaving nothing for the targets"
                                + " without a share"),
                arguments("targets on an exit", "{\"symbol\":\"AAPL\",\"action\":\"close\",\"take_profits\":"
                                + "[{\"price\":210},{\"price\":220}]}",
                        "refused: take-profit targets that split the position go with an entry (buy or sell); a close"
                                + " opens nothing to attach them to: remove 'take_profits'"),
                arguments("numbered targets on an exit", "Symbol=AAPL\nAction=close_long\nTP1=210\nTP2=220",
                        "refused: take-profit targets that split the position go with an entry (buy or sell); a"
                                + " close_long opens nothing to attach them to: remove 'TP1..TP2'"),
                arguments("take_profit beside take_profits", "{\"symbol\":\"AAPL\",\"action\":\"buy\",\"take_profit\":205,"
                                + "\"take_profits\":[{\"price\":210},{\"price\":220}]}",
                        "refused: the alert gives both \"take_profit\" and 'take_profits': keep one"),
                arguments("numbered targets beside take_profit", "{\"symbol\":\"AAPL\",\"action\":\"buy\",\"tp\":205,"
                                + "\"tp1\":210,\"tp2\":220}",
                        "refused: the alert gives take-profit targets ('tp1'...) and \"take_profit\": keep one"),
                arguments("a share without its target", "{\"symbol\":\"AAPL\",\"action\":\"buy\",\"tp1\":210,"
                                + "\"tp2_pct\":50}",
                        "refused: 'tp2_pct' gives the share of take-profit target 2, which the alert does not give"),
                arguments("a target with two levels", "{\"symbol\":\"AAPL\",\"action\":\"buy\",\"price\":200,"
                                + "\"take_profits\":[{\"price\":210,\"percent\":5},{\"price\":220}]}",
                        "refused: take_profits target 1 needs exactly one of price, percent, amount or pips"),
                arguments("a percent with no entry to measure it from", "{\"symbol\":\"AAPL\",\"action\":\"buy\","
                                + "\"take_profits\":[{\"percent\":2},{\"percent\":4}]}",
                        "refused: take_profits target 1 is 2% from the entry, but the alert gives no entry price to"
                                + " measure it from: add \"price\": \"{{close}}\", or give the target's \"price\""),
                arguments("not a list", "{\"symbol\":\"AAPL\",\"action\":\"buy\",\"take_profits\":{\"price\":210}}",
                        "refused: 'take_profits' must be a list of 1 to 10 targets, such as [{\"price\": 98650,"
                                + " \"share_percent\": 50}, {\"price\": 103000}]"),
                arguments("a WunderTrading ladder without a price", "{\"code\":\"Enter-Long\",\"symbol\":\"ETHUSDT\","
                                + "\"takeProfits\":[{\"priceDeviation\":0.01,\"portfolio\":0.5},{\"priceDeviation\":0.02,"
                                + "\"portfolio\":0.5}]}",
                        "refused: read as wundertrading: takeProfits target 1 is 1% from the entry, but the alert gives"
                                + " no entry price to measure it from: add \"price\": \"{{close}}\", or give the"
                                + " target's \"price\""));
    }
}
