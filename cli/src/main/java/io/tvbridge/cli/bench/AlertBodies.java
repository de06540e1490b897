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
        return ("{\"secret\":\"" + secret + "\",\"symbol\":\"" + symbol(index) + "\",\"action\":\""
                + (isExit(index) ? "sell" : "buy") + "\",\"quantity\":1,\"price\":10,\"strategy\":\"bench\","
                + "\"alert_id\":\"" + alertId(index) + "\"}").getBytes(StandardCharsets.UTF_8);
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
