package io.tvbridge.cli.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The alerts of one run: the n-th goes to symbol n modulo the symbol count, is a sell when it
 * falls in the exit share (spread evenly over the run), and carries an alert id made of the
 * run's id and n, so that no two alerts of any run are duplicates of each other.
 */
public final class AlertBodies {
    private final String secret;
    private final List<String> symbols;
    private final double exitRatio;
    private final String runId;

    public AlertBodies(String secret, List<String> symbols, double exitRatio, String runId) {
        this.secret = jsonEscaped(secret);
        this.symbols = List.copyOf(symbols);
        this.exitRatio = exitRatio;
        this.runId = runId;
    }

    /** The alerts of {@code plan}, under a new run id. */
    public static AlertBodies of(LoadPlan plan) {
        return new AlertBodies(plan.secret(), plan.symbols(), plan.exitRatio(), newRunId());
    }

    /** A run id unlikely to repeat: the start time in base 36. */
    public static String newRunId() {
        return Long.toString(System.currentTimeMillis(), 36);
    }

    public String alertId(long index) {
        return "bench-" + runId + "-" + index;
    }

    public String symbol(long index) {
        return symbols.get((int) (index % symbols.size()));
    }

    /** Whether alert {@code index} is a sell: exactly round(n * ratio) of the first n alerts are. */
    public boolean isExit(long index) {
        return Math.floor((index + 1) * exitRatio) > Math.floor(index * exitRatio);
    }

    public byte[] body(long index) {
        return alert(secret, symbol(index), isExit(index) ? "sell" : "buy", "1", "bench", alertId(index));
    }

    /**
     * One market alert as TradingView would send it: {@code quantity} of {@code symbol} at a price of 10.
     * {@code secret} must already be JSON-escaped; the other values are plain words and numbers.
     */
    public static byte[] alert(String secret, String symbol, String action, String quantity, String strategy,
                               String alertId) {
        return ("{\"secret\":\"" + secret + "\",\"symbol\":\"" + symbol + "\",\"action\":\"" + action
                + "\",\"quantity\":" + quantity + ",\"price\":10,\"strategy\":\"" + strategy + "\",\"alert_id\":\""
                + alertId + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
