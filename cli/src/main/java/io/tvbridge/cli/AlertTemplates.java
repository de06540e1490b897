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
}
