package io.tvbridge.broker.oanda.mapping;

import java.util.Map;

/**
 * OANDA's reasons for cancelling or rejecting an order, with a few words for the codes a
 * trader meets most. The code itself always leads, as OANDA wrote it, so it can be searched for.
 */
public final class OandaReasons {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("MARKET_HALTED", "the market is closed or halted"),
            Map.entry("INSUFFICIENT_MARGIN", "the account has too little margin"),
            Map.entry("INSUFFICIENT_LIQUIDITY", "there was not enough liquidity to fill it"),
            Map.entry("BOUNDS_VIOLATION", "the fill would be worse than the price bound"),
            Map.entry("FIFO_VIOLATION", "the fill would break the first-in-first-out rule"),
            Map.entry("STOP_LOSS_ON_FILL_LOSS", "the stop-loss would trigger at once"),
            Map.entry("TAKE_PROFIT_ON_FILL_LOSS", "the take-profit would trigger at a loss"),
            Map.entry("UNITS_PRECISION_EXCEEDED", "the units have more decimals than the instrument allows"),
            Map.entry("UNITS_MIMIMUM_NOT_MET", "the units are below the instrument's minimum"),
            Map.entry("UNITS_LIMIT_EXCEEDED", "the units are above the instrument's maximum"),
            Map.entry("PRICE_PRECISION_EXCEEDED", "the price has more decimals than the instrument allows"),
            Map.entry("INSTRUMENT_NOT_TRADEABLE", "the account may not trade this instrument"),
            Map.entry("CLIENT_ORDER_ID_ALREADY_EXISTS", "a pending order already has this client id"),
            Map.entry("CLIENT_TRADE_ID_ALREADY_EXISTS", "an open trade already has this client id"),
            Map.entry("ACCOUNT_NOT_ACTIVE", "the account is not active"),
            Map.entry("ACCOUNT_LOCKED", "the account is locked"),
            Map.entry("TIME_IN_FORCE_EXPIRED", "its time in force ran out"),
            Map.entry("CLIENT_REQUEST", "cancelled on request"),
            Map.entry("LINKED_TRADE_CLOSED", "the trade it was attached to was closed"));

    private OandaReasons() {
    }

    /** {@code MARKET_HALTED (the market is closed or halted)}, or the bare code when it has no words here. */
    public static String describe(String code) {
        String words = WORDS.get(code);
        return words == null ? code : code + " (" + words + ")";
    }
}
