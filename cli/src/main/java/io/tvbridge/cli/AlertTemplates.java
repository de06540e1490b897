package io.tvbridge.cli;

/** Alert messages to paste into TradingView, filled in with the webhook secret. */
final class AlertTemplates {
    private AlertTemplates() {
    }

    /**
     * For a strategy's order-fill alerts: TradingView fills in the side, size and price of
     * each fill; the alert id makes a resend of the same fill a duplicate.
     */
    static String strategy(String secret) {
        return "{\"secret\": \"" + secret + "\", \"symbol\": \"{{exchange}}:{{ticker}}\","
                + " \"action\": \"{{strategy.order.action}}\", \"quantity\": \"{{strategy.order.contracts}}\","
                + " \"price\": \"{{close}}\", \"strategy\": \"my-strategy\","
                + " \"alert_id\": \"{{ticker}}-{{interval}}-{{strategy.order.id}}-{{timenow}}\"}";
    }

    /** For an indicator's or a drawing's alert: a fixed side and size, the price at the bar's close. */
    static String plain(String secret) {
        return "{\"secret\": \"" + secret + "\", \"symbol\": \"{{exchange}}:{{ticker}}\", \"action\": \"buy\","
                + " \"quantity\": 1, \"price\": \"{{close}}\", \"time\": \"{{timenow}}\","
                + " \"alert_id\": \"{{ticker}}-{{interval}}-{{timenow}}\"}";
    }

    /**
     * For a strategy's alerts stating the position it wants: tvbridge orders the difference from
     * what it holds, so a missed alert is caught up by the next one.
     */
    static String targetPosition(String secret) {
        return "{\"secret\": \"" + secret + "\", \"symbol\": \"{{exchange}}:{{ticker}}\","
                + " \"market_position\": \"{{strategy.market_position}}\","
                + " \"market_position_size\": \"{{strategy.market_position_size}}\", \"price\": \"{{close}}\","
                + " \"strategy\": \"my-strategy\","
                + " \"alert_id\": \"{{ticker}}-{{interval}}-{{strategy.order.id}}-{{timenow}}\"}";
    }
}
