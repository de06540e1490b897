package io.tvbridge.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.TrailingStop;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertReaderTest {

    private static Alert read(String body) throws AlertProblem {
        return AlertReader.read(AlertBody.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static AlertProblem problem(String body) {
        try {
            read(body);
        } catch (AlertProblem problem) {
            return problem;
        }
        throw new AssertionError("expected a problem with " + body);
    }

    @Test
    void readsStrictJson() throws AlertProblem {
        Alert alert = read("{\"symbol\":\"NASDAQ:AAPL\",\"action\":\"buy\",\"quantity\":10,\"price\":150.25,"
                + "\"strategy\":\"ema\",\"alert_id\":\"a-1\",\"comment\":\"entry\"}");
        assertThat(alert.action()).isEqualTo(AlertAction.BUY);
        assertThat(alert.symbol()).contains("AAPL");
        assertThat(alert.instrument().orElseThrow().exchange()).contains("NASDAQ");
        assertThat(alert.quantity()).contains(new BigDecimal("10"));
        assertThat(alert.price()).contains(new BigDecimal("150.25"));
        assertThat(alert.orderType()).isEqualTo(OrderType.MARKET);
        assertThat(alert.strategy()).contains("ema");
        assertThat(alert.alertId()).contains("a-1");
        assertThat(alert.comment()).contains("entry");
    }

    @Test
    void keysAndWordsAreCaseInsensitiveAndNumbersMayBeStrings() throws AlertProblem {
        Alert alert = read("{\"TICKER\":\"aapl\",\"Action\":\"SELL\",\"Qty\":\"2.5\",\"Order-Type\":\"LIMIT\","
                + "\"limitPrice\":\" 99.5 \"}");
        assertThat(alert.action()).isEqualTo(AlertAction.SELL);
        assertThat(alert.symbol()).contains("AAPL");
        assertThat(alert.quantity()).contains(new BigDecimal("2.5"));
        assertThat(alert.orderType()).isEqualTo(OrderType.LIMIT);
        assertThat(alert.limitPrice()).contains(new BigDecimal("99.5"));
    }

    @Test
    void readsTheLooseJsonTradingViewSendsAsPlainText() throws AlertProblem {
        Alert alert = read("{symbol: 'BTCUSD', action: 'buy', contracts: .5, price: +42000, // a comment\n}");
        assertThat(alert.symbol()).contains("BTCUSD");
        assertThat(alert.quantity()).contains(new BigDecimal("0.5"));
        assertThat(alert.price()).contains(new BigDecimal("42000"));
    }

    @Test
    void readsFormEncodingAndKeyValueLines() throws AlertProblem {
        Alert form = read("symbol=EURUSD&action=exit&qty=1000&comment=take%20profit");
        assertThat(form.action()).isEqualTo(AlertAction.CLOSE);
        assertThat(form.comment()).contains("take profit");

        Alert lines = read("symbol: ES1!\naction = buy\nquantity: \"2\"\nexchange: CME_MINI\n");
        assertThat(lines.symbol()).contains("ES1!");
        assertThat(lines.instrument().orElseThrow().exchange()).contains("CME_MINI");
        assertThat(lines.quantity()).contains(new BigDecimal("2"));
    }

    @ParameterizedTest
    @CsvSource({"buy,BUY", "Sell,SELL", "close,CLOSE", "EXIT,CLOSE", "close_all,CLOSE_ALL", "Close-All,CLOSE_ALL",
            "flatten,CLOSE_ALL"})
    void understandsActionWords(String word, AlertAction expected) throws AlertProblem {
        String symbol = expected == AlertAction.CLOSE_ALL ? "" : "\"symbol\":\"X\",";
        assertThat(read("{" + symbol + "\"action\":\"" + word + "\",\"quantity\":1}").action()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"market,MARKET", "MKT,MARKET", "limit,LIMIT", "stop,STOP", "stop_limit,STOP_LIMIT",
            "Stop-Limit,STOP_LIMIT", "stp lmt,STOP_LIMIT"})
    void understandsOrderTypes(String word, OrderType expected) throws AlertProblem {
        Alert alert = read("{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":1,\"order_type\":\"" + word
                + "\",\"limit_price\":10,\"stop_price\":11}");
        assertThat(alert.orderType()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"symbol\":\"SPY\",\"action\":\"sell\",\"quantity\":10,\"order_type\":\"trailing_stop\","
                    + "\"trail_amount\":2,\"price\":500}|tvbridge sell SPY 10 units trailing_stop trail=2",
            "{\"symbol\":\"SPY\",\"action\":\"buy\",\"quantity\":1,\"order_type\":\"Trailing-Stop\","
                    + "\"trail_percent\":\"1.50\"}|tvbridge buy SPY 1 units trailing_stop trail%=1.5",
            "{\"symbol\":\"SPY\",\"action\":\"close\",\"type\":\"trail\",\"trailAmount\":0.5}"
                    + "|tvbridge close SPY trailing_stop trail=0.5",
            "symbol=SPY&action=exit&order_type=trailing_stop&trail_percent=3|tvbridge close SPY trailing_stop trail%=3",
    })
    void readsTrailingStopsWithAnAmountOrAPercent(String body, String read) {
        assertThat(DialectCases.read(body)).isEqualTo(read);
    }

    @Test
    void aTrailingStopCarriesItsTrailAndKeepsThePriceAsItsReference() throws AlertProblem {
        Alert alert = read("{\"symbol\":\"SPY\",\"action\":\"sell\",\"quantity\":1,\"order_type\":\"trailing_stop\","
                + "\"trail_percent\":1.5,\"price\":500}");
        assertThat(alert.trail()).contains(TrailingStop.percent(new BigDecimal("1.5")));
        assertThat(alert.stopPrice()).isEmpty();
        assertThat(alert.referencePrice()).contains(new BigDecimal("500"));
        assertThat(AlertSummary.of(alert)).containsEntry("order_type", "trailing_stop")
                .containsEntry("trail_percent", "1.5").doesNotContainKey("trail_amount");
    }

    @Test
    void readsTimesInIsoAndEpochForms() throws AlertProblem {
        assertThat(read("{\"symbol\":\"X\",\"action\":\"close\",\"time\":\"2019-08-27T09:56:00Z\"}").time())
                .contains(Instant.parse("2019-08-27T09:56:00Z"));
        assertThat(read("{\"symbol\":\"X\",\"action\":\"close\",\"timestamp\":1566899760}").time())
                .contains(Instant.parse("2019-08-27T09:56:00Z"));
        assertThat(read("{\"symbol\":\"X\",\"action\":\"close\",\"timestamp\":\"1566899760000\"}").time())
                .contains(Instant.parse("2019-08-27T09:56:00Z"));
    }

    @Test
    void usesThePriceAsLimitOrStopWhenNoneIsGiven() throws AlertProblem {
        Alert limit = read("{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":1,\"type\":\"limit\",\"price\":5}");
        assertThat(limit.limitPrice()).contains(new BigDecimal("5"));
        Alert stop = read("{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":1,\"type\":\"stop\",\"price\":6}");
        assertThat(stop.stopPrice()).contains(new BigDecimal("6"));
    }

    @Test
    void readsACancelOfTheSymbolsWorkingOrders() throws AlertProblem {
        Alert all = read("{\"symbol\":\"SPY\",\"action\":\"cancel\",\"strategy\":\"ema\"}");
        assertThat(all.action()).isEqualTo(AlertAction.CANCEL);
        assertThat(all.cancels()).contains(CancelScope.ALL);
        assertThat(all.quantity()).isEmpty();
        assertThat(all.strategy()).contains("ema");
        Alert stops = read("{\"symbol\":\"SPY\",\"action\":\"cancel\",\"cancel_order_type\":\"Stop\"}");
        assertThat(stops.cancels()).contains(CancelScope.STOP);
        assertThat(AlertSummary.of(stops)).containsEntry("cancel_order_type", "stop").doesNotContainKey("order_type");
        assertThat(read("{\"symbol\":\"SPY\",\"action\":\"buy\"}").cancels()).isEmpty();
    }

    @Test
    void readsTheAccountTheAlertNames() throws AlertProblem {
        Alert named = read("{\"symbol\":\"SPY\",\"action\":\"buy\",\"strategy\":\"ema\",\"account\":\"live\"}");
        assertThat(named.account()).contains("live");
        assertThat(AlertSummary.of(named)).containsEntry("account", "live");

        Alert unnamed = read("{\"symbol\":\"SPY\",\"action\":\"buy\"}");
        assertThat(unnamed.account()).isEmpty();
        assertThat(AlertSummary.of(unnamed)).doesNotContainKey("account");

        assertThat(read("{\"action\":\"close_all\",\"account\":\"fx-demo\"}").account()).contains("fx-demo");
        assertThat(read("{\"symbol\":\"SPY\",\"action\":\"cancel\",\"account\":\"shadow\"}").account())
                .contains("shadow");
    }

    @ParameterizedTest
    @CsvSource({"LIVE,live", "' Live ',live", "Ibkr_2,ibkr_2"})
    void anAccountIsReadTrimmedAndLowerCased(String given, String read) throws AlertProblem {
        assertThat(read("{\"symbol\":\"SPY\",\"action\":\"buy\",\"account\":\"" + given + "\"}").account())
                .contains(read);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "live account|is not an account name: an account name is 1 to 32 lower-case letters",
            "2nd|is not an account name",
            "_live|is not an account name",
            "live.eu|is not an account name",
            "abcdefghijklmnopqrstuvwxyz0123456|is not an account name",
            "all|'all' is not an account name",
            "ALL|'all' is not an account name",
    })
    void refusesAnAccountThatIsNotAName(String given, String message) {
        AlertProblem problem = problem("{\"symbol\":\"SPY\",\"action\":\"buy\",\"account\":\"" + given + "\"}");
        assertThat(problem.kind()).isEqualTo(AlertProblem.Kind.INVALID);
        assertThat(problem.field()).contains("account");
        assertThat(problem.getMessage()).contains(message);
    }

    @Test
    void onlyTvbridgesOwnDialectNamesOneOfOurAccounts() throws AlertProblem {
        assertThat(accounts("{\"symbol\":\"SPY\",\"action\":\"buy\",\"account\":\"Live\"}")).containsExactly("live");
        // the other products' account words name the sender's account at that product
        assertThat(accounts("a=acct e=kraken s=xbtusd b=sell q=25% t=market")).containsExactly("");
        assertThat(accounts("SOL/USDT buy 2 x5 bybitMain")).containsExactly("");
        assertThat(accounts("{\"ticker\":\"ETHUSDT\",\"action\":\"sell\",\"prev_position\":\"flat\","
                + "\"quantity\":\"2\",\"pointer\":\"p\",\"account\":\"live\"}")).containsExactly("");
    }

    /** The account each alert of the message names, "" for none. */
    private static List<String> accounts(String message) throws AlertProblem {
        return AlertDialects.read(message.getBytes(StandardCharsets.UTF_8)).alerts().stream()
                .map(alert -> alert.account().orElse("")).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"symbol\":\"X\",\"quantity\":1}|action",
            "{\"symbol\":\"X\",\"action\":\"hold\",\"quantity\":1}|action",
            "{\"action\":\"buy\",\"quantity\":1}|symbol",
            "{\"symbol\":\"  \",\"action\":\"buy\",\"quantity\":1}|symbol",
            "{\"symbol\":\"AA PL;drop\",\"action\":\"buy\",\"quantity\":1}|symbol",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":0}|quantity",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":-3}|quantity",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":\"ten\"}|quantity",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":NaN}|quantity",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":\"Infinity\"}|quantity",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":\"1e400\"}|quantity",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":\"0.0000000000001\"}|quantity",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":\"{{strategy.order.contracts}}\"}|quantity",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":[1,2]}|quantity",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":1,\"order_type\":\"limit\"}|limit_price",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":1,\"order_type\":\"stop_limit\",\"limit_price\":3}|stop_price",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":1,\"order_type\":\"iceberg\"}|order_type",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":1,\"price\":-1}|price",
            "{\"symbol\":\"X\",\"action\":\"buy\",\"quantity\":1,\"time\":\"yesterday\"}|timestamp",
            "{\"symbol\":\"X\",\"ticker\":\"Y\",\"action\":\"buy\",\"quantity\":1}|symbol",
            "{\"action\":\"cancel\"}|symbol",
            "{\"symbol\":\"X\",\"action\":\"cancel\",\"quantity\":1}|quantity",
            "{\"symbol\":\"X\",\"action\":\"cancel\",\"stop_loss\":9}|stop_loss",
            "{\"symbol\":\"X\",\"action\":\"cancel\",\"order_type\":\"stop\"}|order_type",
            "{\"symbol\":\"X\",\"action\":\"cancel\",\"cancel_order_type\":\"iceberg\"}|cancel_order_type",
            "{\"symbol\":\"X\",\"action\":\"sell\",\"order_type\":\"trailing_stop\",\"trail_amount\":1,\"trail_percent\":1}"
                    + "|trail_amount",
            "{\"symbol\":\"X\",\"action\":\"sell\",\"order_type\":\"trailing_stop\",\"price\":10}|trail_amount",
            "{\"symbol\":\"X\",\"action\":\"sell\",\"order_type\":\"trailing_stop\",\"trail_amount\":-1}|trail_amount",
            "{\"symbol\":\"X\",\"action\":\"sell\",\"order_type\":\"trailing_stop\",\"trail_percent\":100}|trail_percent",
            "{\"symbol\":\"X\",\"action\":\"sell\",\"trail_amount\":1}|trail_amount",
            "{\"symbol\":\"X\",\"action\":\"sell\",\"order_type\":\"limit\",\"limit_price\":5,\"trail_percent\":1}"
                    + "|trail_percent",
            "{\"symbol\":\"X\",\"action\":\"sell\",\"order_type\":\"trailing_stop\",\"trail_amount\":1,"
                    + "\"limit_price\":5}|limit_price",
            "{\"symbol\":\"X\",\"action\":\"sell\",\"order_type\":\"trailing_stop\",\"trail_amount\":1,"
                    + "\"stop_price\":5}|stop_price",
    })
    void refusesInvalidFieldsNamingTheField(String body, String field) {
        AlertProblem problem = problem(body);
        assertThat(problem.kind()).isEqualTo(AlertProblem.Kind.INVALID);
        assertThat(problem.field()).contains(field);
        assertThat(problem.getMessage()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"symbol\":", "[1,2,3]", "{\"a\":1} trailing", "{\"a\":1,\"a\":2}",
            "just some words", "''"})
    void refusesUnreadableBodiesAsMalformed(String body) {
        AlertProblem problem = problem(body);
        assertThat(problem.kind()).isIn(AlertProblem.Kind.MALFORMED, AlertProblem.Kind.INVALID);
        assertThat(problem.getMessage()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void refusesEmptyAndNonUtf8Bodies() {
        assertThatThrownBy(() -> AlertBody.parse(new byte[0])).isInstanceOf(AlertProblem.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> AlertBody.parse(new byte[]{'{', (byte) 0xC3, (byte) 0x28, '}'}))
                .isInstanceOf(AlertProblem.class).hasMessageContaining("UTF-8");
    }

    @Test
    void refusesDeeplyNestedJsonWithoutBlowingTheStack() {
        String body = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        AlertProblem problem = problem(body);
        assertThat(problem.kind()).isEqualTo(AlertProblem.Kind.MALFORMED);
    }

    @Test
    void theSecretIsReadButNotPartOfTheAlert() throws AlertProblem {
        AlertBody body = AlertBody.parse("{\"passphrase\":\"s3cret-value\",\"symbol\":\"X\",\"action\":\"close\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(AlertReader.secret(body)).isEqualTo(Optional.of("s3cret-value"));
        assertThat(AlertReader.read(body).toString()).doesNotContain("s3cret-value");
    }
}
