package io.tvbridge.core.alert;

import java.util.Locale;

/** The product whose alert language a message was written in, as the reader recognised it. */
public enum AlertDialect {
    /** tvbridge's own JSON (or key=value) message, with the action words of every product. */
    TVBRIDGE,
    /** TradersPost's JSON: sentiment, quantityType, takeProfit / stopLoss objects. */
    TRADERSPOST,
    /** Tickerly's JSON: an action and the position before it ({@code prev_position}). */
    TICKERLY,
    /** OpenAlgo's JSON: apikey, pricetype, product, position_size as a target. */
    OPENALGO,
    /** 3Commas' Signal Bot and DCA bot JSON. */
    THREE_COMMAS,
    /** WunderTrading's signal bot JSON: a code such as Enter-Long. */
    WUNDERTRADING,
    /** PineConnector's comma-separated lines: license, command, symbol, parameters. */
    PINECONNECTOR,
    /** Alertatron's scripts: keys(SYMBOL) { command(arguments); }. */
    ALERTATRON,
    /** Autoview's key=value commands on one line: {@code a=account e=exchange s=symbol b=side q=quantity t=type}. */
    AUTOVIEW,
    /** whook's plain-text orders: account, symbol, command and size in any order ({@code myAcct ETH/USDT buy 0.5}). */
    WHOOK,
    /** The open-source trade-engine endpoint's JSON: direction, action, size as a fraction, priority. */
    TRADE_ENGINE,
    /** TBOT's (TradingBoat's) JSON: the Pine call as direction, the prices in a metrics list. */
    TBOT,
    /** TradingView's default message of a strategy order fill, left unedited. */
    TRADINGVIEW_FILL,
    /** A plain sentence: an action word and a symbol ("sell BTCUSD at 97250.5"). */
    PLAIN_TEXT;

    /** The name in answers and the store: {@code traderspost}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
