package io.tvbridge.core.account.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.tvbridge.core.account.AccountName;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertDialects;
import io.tvbridge.core.alert.AlertProblem;
import io.tvbridge.core.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoutesTest {
    /** The daemon's accounts, in the order ACCOUNTS gives them. */
    private static final Set<AccountName> ACCOUNTS = new LinkedHashSet<>(List.of(AccountName.of("live"),
            AccountName.of("fx"), AccountName.of("shadow")));

    @ParameterizedTest(name = "{0}")
    @MethodSource({"patterns", "severalRules", "namedAccounts", "classNotKnown", "withoutASymbol", "noMatch"})
    void routesAlerts(String why, String routes, String alert, String route) {
        assertThat(routed(Routes.parse(routes, ACCOUNTS), alert)).isEqualTo(route);
    }

    static Stream<Arguments> patterns() {
        return Stream.of(
                arguments("* takes every alert", "* -> shadow", "{symbol:'SPY', action:'buy'}",
                        "to shadow because any -> shadow"),
                arguments("a bare name is a strategy", "ema -> live", "{symbol:'SPY', action:'buy', strategy:'ema'}",
                        "to live because strategy ema -> live"),
                arguments("strategy: with a glob, in any case", "strategy:EMA* -> live",
                        "{symbol:'SPY', action:'buy', strategy:'ema-fast'}", "to live because strategy EMA* -> live"),
                arguments("? is one character", "strategy:rsi? -> live", "{symbol:'SPY', action:'buy', strategy:'rsi2'}",
                        "to live because strategy rsi? -> live"),
                arguments("the symbol without its exchange", "symbol:es* -> live",
                        "{symbol:'CME_MINI:ES1!', action:'buy'}", "to live because symbol es* -> live"),
                arguments("a symbol glob with a colon sees the exchange", "symbol:NASDAQ:* -> live",
                        "{symbol:'NASDAQ:AAPL', action:'buy'}", "to live because symbol NASDAQ:* -> live"),
                arguments("fx: takes currency pairs", "fx:* -> fx", "{symbol:'EURUSD', action:'buy'}",
                        "to fx because fx * -> fx"),
                arguments("forex: is fx:, and the glob is the symbol's", "FOREX:eur* -> fx",
                        "{symbol:'FX:EURJPY', action:'sell'}", "to fx because fx eur* -> fx"),
                arguments("stocks: is stock:", "stocks:* -> live", "{symbol:'SPY', action:'buy'}",
                        "to live because stock * -> live"),
                arguments("futures: is future:", "futures:ES* -> live", "{symbol:'ES1!', action:'buy'}",
                        "to live because future ES* -> live"),
                arguments("crypto:", "crypto:BTC* -> shadow", "{symbol:'BINANCE:BTCUSDT', action:'buy'}",
                        "to shadow because crypto BTC* -> shadow"),
                arguments("cfd:", "cfd:* -> fx", "{symbol:'OANDA:XAUUSD', action:'buy'}", "to fx because cfd * -> fx"));
    }

    static Stream<Arguments> severalRules() {
        return Stream.of(
                arguments("every matching rule adds its accounts", "ema -> live; fx:* -> fx; * -> shadow",
                        "{symbol:'SPY', action:'buy', strategy:'ema'}",
                        "to live, shadow because strategy ema -> live; any -> shadow"),
                arguments("in the rules' order, each account once", "* -> shadow; ema -> live, shadow",
                        "{symbol:'SPY', action:'buy', strategy:'ema'}",
                        "to shadow, live because any -> shadow; strategy ema -> live, shadow"),
                arguments("a rule of another class adds nothing", "ema -> live; fx:* -> fx; * -> shadow",
                        "{symbol:'EURUSD', action:'buy', strategy:'rsi'}",
                        "to fx, shadow because fx * -> fx; any -> shadow"),
                arguments("rules on new lines, in capitals", "STRATEGY:Ema -> LIVE\n\nSymbol:spy -> Shadow\n",
                        "{symbol:'SPY', action:'buy', strategy:'EMA'}",
                        "to live, shadow because strategy Ema -> live; symbol spy -> shadow"));
    }

    static Stream<Arguments> namedAccounts() {
        return Stream.of(
                arguments("the alert's account wins over the rules", "ema -> live; * -> shadow",
                        "{symbol:'SPY', action:'buy', strategy:'ema', account:'fx'}",
                        "to fx because the alert names account fx"),
                arguments("an account the daemon does not have is refused", "* -> shadow",
                        "{symbol:'SPY', action:'buy', account:'paper'}", "refused: the alert names account 'paper',"
                                + " which this daemon does not have; its accounts are: live, fx, shadow"),
                arguments("rules that would need the class are not asked", "fx:* -> fx",
                        "{symbol:'FOO:XYZ', action:'buy', account:'Live'}", "to live because the alert names account live"),
                arguments("a close_all naming its account", "ema -> live",
                        "{action:'close_all', account:'shadow'}", "to shadow because the alert names account shadow"));
    }

    static Stream<Arguments> classNotKnown() {
        return Stream.of(
                arguments("a class rule that could add an account refuses", "fx:* -> fx; * -> shadow",
                        "{symbol:'FOO:XYZ', action:'buy'}", "refused: the routes send by asset class (fx:* -> fx), and"
                                + " the class of FOO:XYZ is not known: write the symbol with an exchange prefix tvbridge"
                                + " knows (FX:EURUSD, NASDAQ:AAPL, CME_MINI:ES1!, BINANCE:BTCUSDT), or name the account"
                                + " in the alert (\"account\": \"fx\")"),
                arguments("one whose accounts the others send to anyway changes nothing", "stock:* -> live; * -> live",
                        "{symbol:'FOO:XYZ', action:'buy'}", "to live because any -> live"),
                arguments("even when that other rule comes later", "fx:* -> fx; ema -> fx, live",
                        "{symbol:'FOO:XYZ', action:'buy', strategy:'ema'}", "to fx, live because strategy ema -> fx, live"),
                arguments("one whose glob misses the symbol does not need the class", "fx:EUR* -> fx; * -> shadow",
                        "{symbol:'FOO:XYZ', action:'buy'}", "to shadow because any -> shadow"));
    }

    static Stream<Arguments> withoutASymbol() {
        return Stream.of(
                arguments("a close_all matches * and strategies", "fx:* -> fx; symbol:* -> live; ema -> shadow",
                        "{action:'close_all', strategy:'ema'}", "to shadow because strategy ema -> shadow"),
                arguments("and no symbol or class rule", "fx:* -> fx; symbol:* -> live",
                        "{action:'close_all'}", "refused: no route sends this alert to an account (no strategy,"
                                + " no symbol); the routes are: fx:* -> fx; symbol:* -> live"),
                arguments("* takes it", "symbol:* -> live; * -> shadow", "{action:'flatten'}",
                        "to shadow because any -> shadow"));
    }

    static Stream<Arguments> noMatch() {
        return Stream.of(
                arguments("no rule matches: the alert and the routes in words", "ema -> live; fx:* -> fx",
                        "{symbol:'SPY', action:'buy', strategy:'rsi'}", "refused: no route sends this alert to an"
                                + " account (strategy rsi, symbol SPY, stock); the routes are: strategy:ema -> live;"
                                + " fx:* -> fx"),
                arguments("a strategy rule misses an alert without a strategy", "strategy:* -> live",
                        "{symbol:'NASDAQ:AAPL', action:'buy'}", "refused: no route sends this alert to an account"
                                + " (no strategy, symbol NASDAQ:AAPL, stock); the routes are: strategy:* -> live"),
                arguments("a colon-less symbol glob does not see the exchange", "symbol:N*L -> live",
                        "{symbol:'NASDAQ:AAPL', action:'buy'}", "refused: no route sends this alert to an account"
                                + " (no strategy, symbol NASDAQ:AAPL, stock); the routes are: symbol:N*L -> live"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void refusesRulesItCannotRead(String why, String routes, String message) {
        assertThatThrownBy(() -> Routes.parse(routes, ACCOUNTS)).isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                arguments("an account the daemon does not have", "ema -> live; * -> paper",
                        "ROUTES: in '* -> paper': account 'paper' is not one of this daemon's accounts (ACCOUNTS):"
                                + " live, fx, shadow"),
                arguments("an unknown prefix", "sector:tech -> live", "ROUTES: in 'sector:tech -> live': 'sector:' is"
                        + " not a pattern: use *, strategy:<name>, symbol:<symbol>, <class>:<symbol> with class stock,"
                        + " future, fx, crypto or cfd, or a strategy name alone"),
                arguments("no arrow", "ema live", "ROUTES: in 'ema live': there is no '->' between the pattern and the"
                        + " accounts; write rules like 'ema -> live; fx:* -> fx; * -> shadow'"),
                arguments("no account", "ema ->", "ROUTES: in 'ema ->': an account name is missing after '->' or a ','"),
                arguments("an empty account in a list", "ema -> live,", "ROUTES: in 'ema -> live,': an account name is"
                        + " missing after '->' or a ','"),
                arguments("no pattern", "-> live", "ROUTES: in '-> live': there is no pattern before '->' (* takes"
                        + " every alert)"),
                arguments("nothing after the prefix", "symbol: -> live", "ROUTES: in 'symbol: -> live': there is"
                        + " nothing after 'symbol:'"),
                arguments("an account that is no name", "ema -> live acct", "ROUTES: in 'ema -> live acct': 'live acct'"
                        + " is not an account name: an account name is 1 to 32 lower-case letters, digits, _ or -,"
                        + " starting with a letter (live, fx-demo, ibkr_2)"),
                arguments("all is no account", "* -> all", "ROUTES: in '* -> all': 'all' is not an account name: name"
                        + " the accounts themselves"),
                arguments("no rule at all", " ;\n ", "ROUTES: ';' holds no rule: write rules like 'ema -> live;"
                        + " fx:* -> fx; * -> shadow'"));
    }

    @Test
    void describesTheRulesNormalisedOnOneLine() {
        Routes routes = Routes.parse("  EMA->LIVE ;fx:*->fx, Shadow\n\n*   ->   shadow;", ACCOUNTS);
        assertThat(routes.describe()).isEqualTo("strategy:EMA -> live; fx:* -> fx, shadow; * -> shadow");
        assertThat(Routes.parse(routes.describe(), ACCOUNTS).describe()).isEqualTo(routes.describe());
    }

    @Test
    void aDaemonOfOneAccountSendsEverythingToIt() {
        Routes routes = Routes.everythingTo(AccountName.of("live"));
        assertThat(routes.describe()).isEqualTo("* -> live");
        assertThat(routed(routes, "{action:'close_all'}")).isEqualTo("to live because any -> live");
        assertThat(routed(routes, "{symbol:'FOO:XYZ', action:'buy', account:'fx'}")).isEqualTo("refused: the alert"
                + " names account 'fx', which this daemon does not have; its accounts are: live");
    }

    /** The route in one line: "to live, shadow because ..." or "refused: ...". */
    private static String routed(Routes routes, String message) {
        Route route = routes.route(alert(message));
        if (route instanceof Route.To to) {
            return "to " + to.accounts().stream().map(AccountName::value).collect(Collectors.joining(", "))
                    + " because " + to.why();
        }
        return "refused: " + ((Route.Refused) route).reason();
    }

    /** The one alert of a message, read as the webhook reads it. */
    private static Alert alert(String message) {
        try {
            List<Alert> alerts = AlertDialects.read(message.getBytes(StandardCharsets.UTF_8)).alerts();
            assertThat(alerts).hasSize(1);
            return alerts.get(0);
        } catch (AlertProblem problem) {
            throw new AssertionError("the test's alert is not read: " + problem.getMessage(), problem);
        }
    }
}
