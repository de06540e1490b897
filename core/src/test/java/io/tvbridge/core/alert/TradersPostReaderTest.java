package io.tvbridge.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TradersPostReaderTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void readsTradersPostMessages(String why, String message, String read) {
        assertThat(DialectCases.read(message)).isEqualTo(read);
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                arguments("sell ending flat exits the long and never opens a short",
                        "{\"ticker\":\"MSFT\",\"action\":\"sell\",\"sentiment\":\"flat\",\"quantity\":\"4\"}",
                        "traderspost close_long MSFT 4 units market"),
                arguments("buy ending flat exits the short", "{\"ticker\":\"MSFT\",\"action\":\"buy\",\"sentiment\":\"flat\"}",
                        "traderspost close_short MSFT market"),
                arguments("sell staying bullish trims the long",
                        "{\"ticker\":\"MSFT\",\"action\":\"sell\",\"sentiment\":\"bullish\",\"quantity\":2}",
                        "traderspost close_long MSFT 2 units market"),
                arguments("the strategy's market position words count as sentiment",
                        "{\"ticker\":\"MSFT\",\"action\":\"sell\",\"sentiment\":\"short\",\"quantity\":2}",
                        "traderspost sell MSFT 2 units market"),
                arguments("exit flattens the position", "{\"ticker\":\"QQQ\",\"action\":\"exit\",\"sentiment\":\"flat\"}",
                        "traderspost close QQQ market"),
                arguments("a money amount", "{\"ticker\":\"QQQ\",\"action\":\"buy\",\"quantityType\":\"dollar_amount\","
                        + "\"quantity\":500}", "traderspost buy QQQ 500 money market"),
                arguments("a percent of equity", "{\"ticker\":\"QQQ\",\"action\":\"buy\",\"quantityType\":"
                        + "\"percent_of_equity\",\"quantity\":5}", "traderspost buy QQQ 5 percent_equity market"),
                arguments("a risk in money", "{\"ticker\":\"QQQ\",\"action\":\"buy\",\"quantityType\":"
                        + "\"risk_dollar_amount\",\"quantity\":50,\"signalPrice\":400,\"stopLoss\":{\"stopPrice\":395}}",
                        "traderspost buy QQQ 50 risk_money market sl=395"),
                arguments("half of the position on an exit", "{\"ticker\":\"QQQ\",\"action\":\"exit\",\"quantityType\":"
                        + "\"percent_of_position\",\"quantity\":50}", "traderspost close QQQ 50 percent_position market"),
                arguments("a limit entry with a take-profit a distance above it", "{\"ticker\":\"ES\",\"action\":\"buy\","
                        + "\"orderType\":\"limit\",\"limitPrice\":5000,\"takeProfit\":{\"amount\":20}}",
                        "traderspost buy ES limit limit=5000 tp=5020"),
                arguments("percent legs measured from the signal price, a short's stop above it",
                        "{\"ticker\":\"ES\",\"action\":\"sell\",\"sentiment\":\"bearish\",\"signalPrice\":200,"
                                + "\"takeProfit\":{\"percent\":10},\"stopLoss\":{\"percent\":5}}",
                        "traderspost sell ES market tp=180 sl=210"),
                arguments("cancel every working order of the ticker (the words are tvbridge's too)",
                        "{\"ticker\":\"SPY\",\"action\":\"cancel\"}", "tvbridge cancel SPY cancel=all"),
                arguments("tvbridge's own cancel_order_type is tvbridge's, though it matches TradersPost's name",
                        "{\"symbol\":\"SPY\",\"action\":\"cancel\",\"cancel_order_type\":\"stop\"}",
                        "tvbridge cancel SPY cancel=stop"),
                arguments("cancel the working stops only", "{\"ticker\":\"SPY\",\"action\":\"cancel\","
                        + "\"cancelOrderType\":\"stop\",\"signalPrice\":71}", "traderspost cancel SPY cancel=stop"),
                arguments("a stop-limit entry", "{\"ticker\":\"ES\",\"action\":\"buy\",\"orderType\":\"stop_limit\","
                        + "\"stopPrice\":10,\"limitPrice\":10.5,\"sentiment\":\"bullish\"}",
                        "traderspost buy ES stop_limit limit=10.5 stop=10"),
                arguments("an exit trailing the position out by an amount given as a string",
                        "{\"ticker\":\"SPY\",\"action\":\"exit\",\"orderType\":\"trailing_stop\",\"signalPrice\":71,"
                                + "\"trailAmount\":\"1\"}", "traderspost close SPY trailing_stop trail=1"),
                arguments("a sell trailing by a percent", "{\"ticker\":\"SPY\",\"action\":\"sell\",\"sentiment\":"
                        + "\"bullish\",\"quantity\":5,\"orderType\":\"trailing_stop\",\"trailPercent\":1.5}",
                        "traderspost close_long SPY 5 units trailing_stop trail%=1.5"),
                arguments("a buy trailing in by a percent given as a string", "{\"ticker\":\"SPY\",\"action\":\"buy\","
                        + "\"quantity\":2,\"orderType\":\"trailing_stop\",\"trailPercent\":\"0.5\",\"signalPrice\":500}",
                        "traderspost buy SPY 2 units trailing_stop trail%=0.5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWhatItCannotReadWithoutGuessing(String why, String message, String reason) {
        assertThat(DialectCases.read(message)).startsWith("refused: read as traderspost: ").contains(reason);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("a cancel with a sentiment contradicts itself",
                        "{\"ticker\":\"SPY\",\"action\":\"cancel\",\"sentiment\":\"flat\"}", "leaves the position"),
                arguments("a cancel places no order", "{\"ticker\":\"SPY\",\"action\":\"cancel\",\"cancelOrderType\":\"limit\","
                        + "\"quantity\":5}",
                        "a cancel places no order, so it takes no quantity"),
                arguments("an unknown kind of order to cancel",
                        "{\"ticker\":\"SPY\",\"action\":\"cancel\",\"cancelOrderType\":\"iceberg\"}",
                        "unknown cancel_order_type 'iceberg'"),
                arguments("add depends on the open side", "{\"ticker\":\"SPY\",\"action\":\"add\",\"sentiment\":\"bullish\"}",
                        "write \"buy\""),
                arguments("exit that ends long contradicts itself",
                        "{\"ticker\":\"SPY\",\"action\":\"exit\",\"sentiment\":\"bullish\"}", "contradicts itself"),
                arguments("a percent leg with no price to measure it from",
                        "{\"ticker\":\"SPY\",\"action\":\"buy\",\"quantityType\":\"fixed_quantity\",\"quantity\":1,"
                                + "\"takeProfit\":{\"percent\":3}}", "no entry price"),
                arguments("a trailing stop with both distances", "{\"ticker\":\"SPY\",\"action\":\"exit\",\"orderType\":"
                        + "\"trailing_stop\",\"signalPrice\":71,\"trailPercent\":1,\"trailAmount\":2}",
                        "exactly one of trail_amount"),
                arguments("a trailing stop without its distance", "{\"ticker\":\"SPY\",\"action\":\"exit\",\"orderType\":"
                        + "\"trailing_stop\",\"signalPrice\":71}", "exactly one of trail_amount"),
                arguments("a trail without a trailing stop", "{\"ticker\":\"SPY\",\"action\":\"exit\","
                        + "\"sentiment\":\"flat\",\"trailAmount\":1}", "go with \"order_type\": \"trailing_stop\""),
                arguments("a trail that is not a number", "{\"ticker\":\"SPY\",\"action\":\"exit\",\"orderType\":"
                        + "\"trailing_stop\",\"signalPrice\":71,\"trailAmount\":\"one\"}",
                        "trail_amount must be a number"),
                arguments("a trailing stop-loss attached to an entry", "{\"ticker\":\"SPY\",\"action\":\"buy\","
                        + "\"signalPrice\":500,\"stopLoss\":{\"type\":\"trailing_stop\",\"amount\":5}}",
                        "a trailing stop-loss attached to an entry is not placed"),
                arguments("percent of position on an entry", "{\"ticker\":\"SPY\",\"action\":\"buy\",\"quantityType\":"
                        + "\"percent_of_position\",\"quantity\":50}", "sizes an exit"),
                arguments("an unknown sentiment", "{\"ticker\":\"SPY\",\"action\":\"buy\",\"sentiment\":\"happy\"}",
                        "unknown sentiment"));
    }
}
