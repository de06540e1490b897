package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;

/**
 * A contract as TWS describes it, with IB's own field names. Text fields are never null
 * (empty means not given); {@code strike} is null when unset.
 */
public record IbContract(int conId, String symbol, String secType, String lastTradeDateOrContractMonth,
                         String lastTradeDate, BigDecimal strike, String right, String multiplier, String exchange,
                         String primaryExch, String currency, String localSymbol, String tradingClass,
                         boolean includeExpired, String secIdType, String secId, String issuerId,
                         String comboLegsDescription) {

    public IbContract {
        symbol = orEmpty(symbol);
        secType = orEmpty(secType);
        lastTradeDateOrContractMonth = orEmpty(lastTradeDateOrContractMonth);
        lastTradeDate = orEmpty(lastTradeDate);
        right = right == null || right.equals("?") ? "" : right;   // TWS writes "?" for no right
        multiplier = orEmpty(multiplier);
        exchange = orEmpty(exchange);
        primaryExch = orEmpty(primaryExch);
        currency = orEmpty(currency);
        localSymbol = orEmpty(localSymbol);
        tradingClass = orEmpty(tradingClass);
        secIdType = orEmpty(secIdType);
        secId = orEmpty(secId);
        issuerId = orEmpty(issuerId);
        comboLegsDescription = orEmpty(comboLegsDescription);
    }

    /** A contract named by its symbol, security type, exchange and currency. */
    public static IbContract of(String symbol, String secType, String exchange, String currency) {
        return new IbContract(0, symbol, secType, "", "", null, "", "", exchange, "", currency, "", "", false, "", "",
                "", "");
    }

    public IbContract withConId(int id) {
        return new IbContract(id, symbol, secType, lastTradeDateOrContractMonth, lastTradeDate, strike, right,
                multiplier, exchange, primaryExch, currency, localSymbol, tradingClass, includeExpired, secIdType,
                secId, issuerId, comboLegsDescription);
    }

    public IbContract withPrimaryExch(String primary) {
        return new IbContract(conId, symbol, secType, lastTradeDateOrContractMonth, lastTradeDate, strike, right,
                multiplier, exchange, primary, currency, localSymbol, tradingClass, includeExpired, secIdType,
                secId, issuerId, comboLegsDescription);
    }

    public IbContract withExpiry(String contractMonth, String newMultiplier) {
        return new IbContract(conId, symbol, secType, contractMonth, lastTradeDate, strike, right, newMultiplier,
                exchange, primaryExch, currency, localSymbol, tradingClass, includeExpired, secIdType, secId,
                issuerId, comboLegsDescription);
    }

    public IbContract withIncludeExpired(boolean include) {
        return new IbContract(conId, symbol, secType, lastTradeDateOrContractMonth, lastTradeDate, strike, right,
                multiplier, exchange, primaryExch, currency, localSymbol, tradingClass, include, secIdType, secId,
                issuerId, comboLegsDescription);
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
