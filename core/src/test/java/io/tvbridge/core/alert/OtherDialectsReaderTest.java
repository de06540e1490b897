package io.tvbridge.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One table per dialect: what each product's messages are read as, and what each refuses with its reason. */
class OtherDialectsReaderTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource({"tickerly", "tradeEngine", "tbot", "openAlgo", "threeCommas", "wunderTrading", "pineConnector", "alertatron", "whook", "tradingViewFill", "wordsAndNative"})
    void readsEachDialectAsItsProductMeansIt(String why, String message, String read) {
        assertThat(DialectCases.read(message)).isEqualTo(read);
    }

    static Stream<Arguments> tradeEngine() {
        String exit = "{\"symbol\":\"ETHUSDT\",\"direction\":\"flat\",\"action\":\"%s\",\"leverage\":\"\","
                + "\"size\":\"%s\",\"priority\":\"high\",\"takeprofit\":\"%s\",\"trailstop\":\"0.00\","
                + "\"price\":\"3263.55\"}";
        return Stream.of(
                arguments("flat after a sell closes the long, the exit label is no size",
                        exit.formatted("sell", "Exit @ 3263.55", "0.00"), "trade_engine close_long ETHUSDT market"),
                arguments("flat after a buy covers the short", exit.formatted("buy", "", "0"),
                        "trade_engine close_short ETHUSDT market"),
                arguments("an entry's fraction does not say whether it adds or sets the total",
                        "{\"symbol\":\"ETHUSDT\",\"direction\":\"long\",\"action\":\"buy\",\"leverage\":\"3\","
                                + "\"size\":\"7.5/100\",\"priority\":\"high\",\"takeprofit\":\"0.0\","
                                + "\"trailstop\":\"0.0\",\"price\":\"3315.33\"}",
                        "refused: read as trade_engine: the size '7.5/100' is a fraction of the portfolio, and whether a"
                                + " long buy of it adds to the position or sets its total is not said: write \"quantity\""
                                + " with \"quantity_unit\": \"percent_equity\" to add, or a target position"),
                arguments("flat with part of the position contradicts itself", exit.formatted("sell", "5/100", "0"),
                        "refused: read as trade_engine: direction flat ends flat, but the size '5/100' asks for part"
                                + " of the position: the two contradict each other"),
                arguments("a take-profit of no stated unit", exit.formatted("sell", "Exit", "2.5"),
                        "refused: read as trade_engine: \"takeprofit\": \"2.5\" is not read: its unit is not stated;"
                                + " give an exit price as \"take_profit\" or \"stop_loss\""));
    }

    static Stream<Arguments> tbot() {
        String message = "{\"timestamp\":1796653800000,\"ticker\":\"%s\",\"currency\":\"USD\",\"clientId\":1,"
                + "\"key\":\"WebhookReceived:abc\",\"contract\":\"%s\",\"orderRef\":\"ref1\",\"direction\":\"%s\","
                + "\"exchange\":\"CME\",\"lastTradeDateOrContractMonth\":\"%s\",\"multiplier\":\"\",\"metrics\":["
                + "{\"name\":\"entry.limit\",\"value\":%s},{\"name\":\"entry.stop\",\"value\":%s},"
                + "{\"name\":\"exit.limit\",\"value\":%s},{\"name\":\"exit.stop\",\"value\":%s},"
                + "{\"name\":\"qty\",\"value\":4},{\"name\":\"price\",\"value\":5069.75}]}";
        return Stream.of(
                arguments("an entry with every price zero is a market order; the month makes the dated contract",
                        message.formatted("ES", "future", "strategy.entrylong", "202703", 0, 0, 0, 0),
                        "tbot buy ESH2027 4 units market"),
                arguments("a short entry at a limit with its exits: a bracket",
                        message.formatted("AAPL", "stock", "strategy.entryshort", "", 190, 0, 180, 195),
                        "tbot sell AAPL 4 units limit limit=190 tp=180 sl=195"),
                arguments("both entry prices: a stop-limit",
                        message.formatted("AAPL", "stock", "strategy.entrylong", "", 191, 190, 0, 0),
                        "tbot buy AAPL 4 units stop_limit limit=191 stop=190"),
                arguments("close takes its quantity out of the position",
                        message.formatted("AAPL", "stock", "strategy.close", "", 0, 0, 0, 0),
                        "tbot close AAPL 4 units market"),
                arguments("close_all flattens the contract", message.formatted("AAPL", "stock", "strategy.close_all", "",
                        0, 0, 0, 0), "tbot close AAPL market"),
                arguments("cancel_all cancels its working orders", message.formatted("AAPL", "stock",
                        "strategy.cancel_all", "", 0, 0, 0, 0), "tbot cancel AAPL cancel=all"),
                arguments("an exit order for an earlier entry is not read", message.formatted("AAPL", "stock",
                        "strategy.exitlong", "", 0, 0, 200, 180), "refused: read as tbot: 'strategy.exitlong' places"
                        + " exit orders for an earlier entry of the same orderRef at TBOT; tvbridge attaches exits to the"
                        + " entry itself: send exit.limit / exit.stop with strategy.entrylong, or close with"
                        + " strategy.close"),
                arguments("a month that is not YYYYMM", message.formatted("ES", "future", "strategy.entrylong", "March",
                        0, 0, 0, 0), "refused: read as tbot: the contract month 'March' is not YYYYMM: name the contract"
                        + " in the ticker (ESZ2026) or use the continuous one (ES1!)"));
    }

    static Stream<Arguments> tickerly() {
        return Stream.of(
                arguments("a sell after a long closes the long", "{\"ticker\":\"ETHUSDT\",\"action\":\"sell\","
                        + "\"prev_position\":\"long\",\"quantity\":\"2\",\"pointer\":\"p\"}",
                        "tickerly close_long ETHUSDT 2 units market"),
                arguments("a buy after a short covers it", "{\"ticker\":\"ETHUSDT\",\"action\":\"buy\","
                        + "\"prev_position\":\"short\",\"quantity\":\"2\"}", "tickerly close_short ETHUSDT 2 units market"),
                arguments("a sell from flat opens a short", "{\"ticker\":\"ETHUSDT\",\"action\":\"sell\","
                        + "\"prev_position\":\"flat\",\"quantity\":\"2\"}", "tickerly sell ETHUSDT 2 units market"),
                arguments("an unknown previous position", "{\"ticker\":\"ETHUSDT\",\"action\":\"sell\","
                        + "\"prev_position\":\"sideways\"}", "refused: read as tickerly: prev_position 'sideways' is"
                        + " not long, short or flat"));
    }

    static Stream<Arguments> openAlgo() {
        return Stream.of(
                arguments("a limit order at its price", "{\"apikey\":\"k\",\"symbol\":\"TCS\",\"exchange\":\"NSE\","
                        + "\"action\":\"SELL\",\"quantity\":\"5\",\"pricetype\":\"LIMIT\",\"price\":\"3900.5\","
                        + "\"product\":\"CNC\"}", "openalgo sell TCS 5 units limit limit=3900.5"),
                arguments("a market order's price is a reference", "{\"apikey\":\"k\",\"symbol\":\"TCS\",\"action\":\"BUY\","
                        + "\"quantity\":\"5\",\"pricetype\":\"MARKET\",\"price\":\"0\",\"product\":\"MIS\"}",
                        "openalgo buy TCS 5 units market"),
                arguments("SL is a stop-limit", "{\"apikey\":\"k\",\"symbol\":\"TCS\",\"action\":\"BUY\",\"quantity\":\"5\","
                        + "\"pricetype\":\"SL\",\"price\":\"101\",\"trigger_price\":\"100\"}",
                        "openalgo buy TCS 5 units stop_limit limit=101 stop=100"),
                arguments("SL-M is a stop", "{\"apikey\":\"k\",\"symbol\":\"TCS\",\"action\":\"SELL\",\"quantity\":\"5\","
                        + "\"pricetype\":\"SL-M\",\"trigger_price\":\"99\"}", "openalgo sell TCS 5 units stop stop=99"),
                arguments("a smart order's position size is the target", "{\"apikey\":\"k\",\"symbol\":\"TCS\","
                        + "\"action\":\"BUY\",\"quantity\":\"5\",\"position_size\":\"15\",\"product\":\"MIS\"}",
                        "openalgo target TCS 5 units market target=15"),
                arguments("a smart order to end flat", "{\"apikey\":\"k\",\"symbol\":\"TCS\",\"action\":\"SELL\","
                        + "\"quantity\":\"0\",\"position_size\":\"0\",\"product\":\"MIS\"}",
                        "openalgo target TCS market target=0"),
                arguments("position_size 0 with a quantity depends on the sender's position", "{\"apikey\":\"k\","
                        + "\"symbol\":\"TCS\",\"action\":\"BUY\",\"quantity\":\"1\",\"position_size\":\"0\","
                        + "\"product\":\"MIS\"}", "refused: read as openalgo: position_size 0 with quantity 1 is a"
                        + " plain order when nothing is held and an exit otherwise: leave position_size out for the"
                        + " order, or give \"quantity\": \"0\" to end flat"),
                arguments("COVER buys back a short", "{\"apikey\":\"k\",\"symbol\":\"TCS\",\"action\":\"COVER\","
                        + "\"quantity\":\"5\",\"pricetype\":\"MARKET\"}", "openalgo close_short TCS 5 units market"),
                arguments("a limit without its price", "{\"apikey\":\"k\",\"symbol\":\"TCS\",\"action\":\"BUY\","
                        + "\"pricetype\":\"LIMIT\"}", "refused: read as openalgo: pricetype LIMIT needs \"price\""));
    }

    static Stream<Arguments> threeCommas() {
        return Stream.of(
                arguments("enter_long buys", "{\"secret\":\"s\",\"bot_uuid\":\"u\",\"action\":\"enter_long\","
                        + "\"tv_exchange\":\"BYBIT\",\"tv_instrument\":\"SOLUSDT\"}", "three_commas buy SOLUSDT market"),
                arguments("exit_short covers", "{\"bot_uuid\":\"u\",\"action\":\"exit_short\",\"tv_instrument\":\"SOLUSDT\"}",
                        "three_commas close_short SOLUSDT market"),
                arguments("an amount in the quote currency is money", "{\"bot_uuid\":\"u\",\"action\":\"enter_long\","
                        + "\"tv_instrument\":\"SOLUSDT\",\"order\":{\"amount\":\"100\",\"currency_type\":\"quote\"}}",
                        "three_commas buy SOLUSDT 100 money market"),
                arguments("a DCA pair is written quote first", "{\"message_type\":\"bot\",\"bot_id\":1,"
                        + "\"email_token\":\"t\",\"pair\":\"USDT_ETH\"}", "three_commas buy ETHUSDT market"),
                arguments("a DCA close without a pair", "{\"message_type\":\"bot\",\"bot_id\":1,\"email_token\":\"t\","
                        + "\"action\":\"close_at_market_price\"}", "refused: read as three_commas: the 3Commas message"
                        + " names no pair: the deal it means lives in the 3Commas bot; add \"pair\":"
                        + " \"USDT_{{syminfo.basecurrency}}\" or \"symbol\": \"{{ticker}}\""));
    }

    static Stream<Arguments> wunderTrading() {
        return Stream.of(
                arguments("Enter-Short with a base amount", "{\"code\":\"Enter-Short\",\"symbol\":\"ETHUSDT\","
                        + "\"orderType\":\"market\",\"amountPerTradeType\":\"base\",\"amountPerTrade\":0.5}",
                        "wundertrading sell ETHUSDT 0.5 units market"),
                arguments("Exit-Long closes the long", "{\"code\":\"Exit-Long\",\"symbol\":\"ETHUSDT\"}",
                        "wundertrading close_long ETHUSDT market"),
                arguments("one full take-profit step and a stop, from the price", "{\"code\":\"Enter-Long\","
                        + "\"symbol\":\"ETHUSDT\",\"price\":2000,\"takeProfits\":[{\"priceDeviation\":0.05,"
                        + "\"portfolio\":1}],\"stopLoss\":{\"priceDeviation\":0.02}}",
                        "wundertrading buy ETHUSDT market tp=2100 sl=1960"),
                arguments("the pair lives in the bot", "{\"code\":\"Enter-Long\",\"amountPerTrade\":10}",
                        "refused: read as wundertrading: the message names no pair: WunderTrading takes it from the"
                                + " bot; add \"symbol\": \"{{ticker}}\""));
    }

    static Stream<Arguments> pineConnector() {
        return Stream.of(
                arguments("risk= is read in the EA's unit, set by PINECONNECTOR_RISK", "7012345,buy,USDJPY,risk=2",
                        "pineconnector buy USDJPY 2 pineconnector_risk market"),
                arguments("lots, prices for the exits", "7012345,sell,EURUSD,vol_lots=0.5,sl_price=1.1,tp_price=1.05",
                        "pineconnector sell EURUSD 0.5 lots market tp=1.05 sl=1.1"),
                arguments("a pending limit at its price", "7012345,buylimit,EURUSD,price=1.07,risk=1",
                        "pineconnector buy EURUSD 1 pineconnector_risk limit limit=1.07"),
                arguments("spaces around the commas, closeshort", "7012345 , closeshort , EURUSD",
                        "pineconnector close_short EURUSD market"),
                arguments("closelongshort closes the symbol's position, either side", "7012345,closelongshort,EURUSD",
                        "pineconnector close EURUSD market"),
                arguments("sl= is kept in the EA's unit, made a price by PINECONNECTOR_TARGET when planned",
                        "7012345,buy,EURUSD,risk=1,sl=20", "pineconnector buy EURUSD 1 pineconnector_risk market"
                                + " sl=20 pineconnector_target"),
                arguments("pips from the entry", "7012345,sell,USDJPY,vol_dollar=40,sl_pips=25,tp_pips=50",
                        "pineconnector sell USDJPY 40 risk_money market tp=50 pips sl=25 pips"),
                arguments("an exit as a price and as a distance", "7012345,buy,EURUSD,risk=1,sl=20,sl_price=1.05",
                        "refused: read as pineconnector: the stop-loss is given twice: keep one of sl=, sl_pips="
                                + " and sl_price="),
                arguments("EA commands are not orders", "7012345,eaoff,EURUSD",
                        "refused: read as pineconnector: 'eaoff' is a PineConnector command for its MetaTrader EA,"
                                + " not an order tvbridge reads: use buy, sell, buylimit, selllimit, buystop, sellstop,"
                                + " closelong, closeshort or closelongshort"),
                arguments("two sizes", "7012345,buy,EURUSD,risk=1,vol_lots=2",
                        "refused: read as pineconnector: the line gives two sizes; keep one of risk=, vol_lots=,"
                                + " vol_dollar="));
    }

    static Stream<Arguments> alertatron() {
        return Stream.of(
                arguments("one market command", "keys(ETHUSD) { market(side=sell, amount=2); } #bot",
                        "alertatron sell ETHUSD 2 units market"),
                arguments("comments are skipped", "keys(ETHUSD) {\n# go long\nmarket(side=buy, amount=0.5);\n}",
                        "alertatron buy ETHUSD 0.5 units market"),
                arguments("a percent amount depends on the exchange's balance",
                        "keys(ETHUSD) { market(side=buy, amount=50%); }", "refused: read as alertatron: amount=50% is"
                                + " not read: Alertatron's percent and relative amounts depend on the balance at the"
                                + " exchange; write the amount in units"),
                arguments("a cancel, then an order: two alerts in the script's order",
                        "keys(ETHUSD) { cancel(which=all); market(side=buy, amount=1); }",
                        "alertatron cancel ETHUSD cancel=all | alertatron buy ETHUSD 1 units market"),
                arguments("a cancel of one side only", "keys(ETHUSD) { cancel(which=buy); }",
                        "refused: read as alertatron: 'cancel(which=buy)' is not read: tvbridge cancels every working"
                                + " order of the symbol, cancel(which=all), not those of one side or tag"),
                arguments("one command not read refuses the whole script",
                        "keys(ETHUSD) { market(side=buy, amount=1); stopOrder(side=sell, amount=1, offset=2%); }",
                        "refused: read as alertatron: 'stopOrder(side=sell, amount=1, offset=2%)' is not read:"
                                + " tvbridge reads market(side=buy, amount=1) and cancel(which=all)"));
    }

    static Stream<Arguments> whook() {
        return Stream.of(
                arguments("a buy in base currency, words in any order", "SOL/USDT buy 2 x5 bybitMain",
                        "whook buy SOLUSDT 2 units market"),
                arguments("pos is the signed position to end at", "bybitMain SOLUSDT.P pos -3",
                        "whook target SOLUSDT.P market target=-3"),
                arguments("close a share of the position", "bybitMain SOLUSDT close 25%",
                        "whook close SOLUSDT 25 percent_position market"),
                arguments("a limit order", "bybitMain SOLUSDT sell 1 limit:id7:150.5",
                        "whook sell SOLUSDT 1 units limit limit=150.5"),
                arguments("one order per line, comments skipped", "// two accounts\nacctA SOLUSDT buy 1\nacctB SOLUSDT buy 2",
                        "whook buy SOLUSDT 1 units market | whook buy SOLUSDT 2 units market"),
                arguments("USDT is collateral scaled by the leverage", "bybitMain SOLUSDT buy 100$ x3",
                        "refused: read as whook: the size '100$' is not read: whook takes USDT as collateral,"
                                + " multiplied by the leverage; write the size in base currency"),
                arguments("cancels are not orders", "bybitMain SOLUSDT cancel:all",
                        "refused: read as whook: 'cancel:all' is not an order: cancel orders with 'tvbridge orders"
                                + " cancel' or on the dashboard; tvbridge does not change the leverage"),
                arguments("a notification is no order: its price would become a size", "Long BTCUSDT now at 97000",
                        "refused: read as whook: 'now' makes 'Long BTCUSDT now at 97000' a sentence, not a whook"
                                + " order (whose words are an account name, a symbol, a command and a size): write the"
                                + " order as 'buy ETHUSDT' or in JSON"),
                arguments("one account name to a line", "acctA acctB SOLUSDT buy 1",
                        "refused: read as whook: the line gives two of account name: 'acctA' and 'acctB'"));
    }

    static Stream<Arguments> tradingViewFill() {
        return Stream.of(
                arguments("the sentence alone", "MACD Strategy (12, 26, 9): order sell @ 5 filled on NVDA."
                        + " New strategy position is -5", "tradingview_fill sell NVDA 5 units market"),
                arguments("inside a JSON object", "{\"text\":\"EMA v2.1 (9, 21): order buy @ 0.25 filled on ETHUSD."
                        + " New strategy position is 0.25\"}", "tradingview_fill buy ETHUSD 0.25 units market"),
                arguments("beside the secret; a sell ending flat closes the long", "{\"secret\":\"s\",\"message\":"
                        + "\"RSI (14): order sell @ 2 filled on QQQ. New strategy position is 0\"}",
                        "tradingview_fill close_long QQQ 2 units market"),
                arguments("a sell that leaves the strategy long trims the long", "RSI (14): order sell @ 1 filled on"
                        + " QQQ. New strategy position is 2", "tradingview_fill close_long QQQ 1 units market"),
                arguments("a buy ending flat closes the short", "RSI (14): order buy @ 3 filled on QQQ. New strategy"
                        + " position is 0", "tradingview_fill close_short QQQ 3 units market"),
                arguments("a buy that leaves the strategy short trims the short", "RSI (14): order buy @ 1 filled on"
                        + " QQQ. New strategy position is -2", "tradingview_fill close_short QQQ 1 units market"),
                arguments("a buy across flat reverses", "RSI (14): order buy @ 6 filled on QQQ. New strategy"
                        + " position is 3", "tradingview_fill buy QQQ 6 units market"),
                arguments("with other fields it is not the default message", "{\"note\":\"x\",\"message\":\"RSI (14):"
                        + " order sell @ 2 filled on QQQ. New strategy position is 0\"}", "refused: the action is"
                        + " missing: use one of buy (long), sell (short), close (exit, flat), close_long (exit_long),"
                        + " close_short (exit_short, cover), close_all, cancel (its working orders), or give \"market_position\" for a target"
                        + " position"));
    }

    static Stream<Arguments> wordsAndNative() {
        return Stream.of(
                arguments("long", "{\"symbol\":\"AAPL\",\"action\":\"long\"}", "tvbridge buy AAPL market"),
                arguments("LONG", "{\"symbol\":\"AAPL\",\"action\":\"LONG\"}", "tvbridge buy AAPL market"),
                arguments("OpenShort", "{\"symbol\":\"AAPL\",\"side\":\"OpenShort\"}", "tvbridge sell AAPL market"),
                arguments("exit_long", "{\"symbol\":\"AAPL\",\"action\":\"exit_long\"}", "tvbridge close_long AAPL market"),
                arguments("CloseShort", "{\"symbol\":\"AAPL\",\"action\":\"CloseShort\"}", "tvbridge close_short AAPL market"),
                arguments("cover", "{\"symbol\":\"AAPL\",\"action\":\"cover\"}", "tvbridge close_short AAPL market"),
                arguments("flat", "{\"symbol\":\"AAPL\",\"action\":\"flat\"}", "tvbridge close AAPL market"),
                arguments("enter_short", "{\"symbol\":\"AAPL\",\"action\":\"enter_short\"}", "tvbridge sell AAPL market"),
                arguments("a percent sign beside a percent unit", "{\"symbol\":\"AAPL\",\"action\":\"buy\","
                        + "\"qty\":\"25%\",\"quantity_unit\":\"percent_equity\"}", "tvbridge buy AAPL 25 percent_equity market"),
                arguments("a percent of what the alert does not say", "{\"symbol\":\"AAPL\",\"action\":\"buy\","
                        + "\"quantity\":\"25%\"}", "refused: the quantity \"25%\" is a percent of something the alert"
                        + " does not name: add \"quantity_unit\": \"percent_equity\" (or percent_available,"
                        + " percent_position), or give a quantity in units"),
                arguments("a JSON array is several orders", "[{\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":1},"
                        + "{\"symbol\":\"MSFT\",\"action\":\"sell\",\"quantity\":2}]",
                        "tvbridge buy AAPL 1 units market | tvbridge sell MSFT 2 units market"),
                arguments("curly quotes", "{\u201Csymbol\u201D: \u201CAAPL\u201D, \u201Caction\u201D: \u201Cbuy\u201D}",
                        "tvbridge buy AAPL market"),
                arguments("Pine-escaped quotes", "{\\\"symbol\\\": \\\"AAPL\\\", \\\"action\\\": \\\"sell\\\"}",
                        "tvbridge sell AAPL market"),
                arguments("stray punctuation after the JSON", "{\"symbol\":\"AAPL\",\"action\":\"buy\"} ;",
                        "tvbridge buy AAPL market"),
                arguments("words after the JSON are refused", "{\"symbol\":\"AAPL\",\"action\":\"buy\"} sell",
                        "refused: the body has text after its JSON: 'sell': remove it, or put it inside the JSON"),
                arguments("a sell whose direction ends flat closes the long", "{\"symbol\":\"AAPL\",\"action\":\"sell\","
                        + "\"direction\":\"flat\"}", "tvbridge close_long AAPL market"),
                arguments("a size in coins, with @", "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"amount\":\"@0.1\"}",
                        "tvbridge buy BTCUSDT 0.1 units market"),
                arguments("a bare percent names no base", "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"amount\":\"10%\"}",
                        "refused: 'amount': \"10%\" is a percent of something the alert does not name: write"
                                + " \"quantity_unit\": \"percent_equity\" with a number, or a quantity in units"),
                arguments("a plain sentence", "buy NVDA at 120.5", "plain_text buy NVDA market"),
                arguments("a plain sentence with its quantity", "sell 5 NVDA at 120", "plain_text sell NVDA 5 units market"),
                arguments("a symbol that starts with a digit", "buy 6E1!", "plain_text buy 6E1! market"),
                arguments("Autoview's line", "a=acct e=kraken s=xbtusd b=sell q=25% t=market",
                        "autoview sell XBTUSD 25 percent_available market"),
                arguments("TradingView's strategy placeholders as flat names", "{\"ticker\":\"AAPL\","
                        + "\"strategy.order.action\":\"buy\",\"strategy.order.contracts\":4}",
                        "tvbridge buy AAPL 4 units market"),
                arguments("TradingView's strategy placeholders nested", "{\"ticker\":\"AAPL\",\"strategy\":"
                        + "{\"order_action\":\"sell\",\"order_contracts\":3,\"order_price\":190}}",
                        "tvbridge sell AAPL 3 units market"));
    }
}
