package io.tvbridge.bench;

import io.tvbridge.core.alert.AlertBody;
import io.tvbridge.core.alert.AlertProblem;
import io.tvbridge.core.alert.AlertReader;
import io.tvbridge.core.signal.SignalCandidate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Decision-ready alerts for the micro-benchmarks: a buy of one unit at 10, a new alert id each time. */
final class BenchAlerts {
    static final int SYMBOLS = 20;

    private BenchAlerts() {
    }

    static SignalCandidate candidate(long n, Instant receivedAt) {
        String body = "{\"symbol\":\"BENCH" + (n % SYMBOLS + 1) + "\",\"action\":\"buy\",\"quantity\":1,\"price\":10,"
                + "\"strategy\":\"bench\",\"alert_id\":\"jmh-" + n + "\"}";
        try {
            return new SignalCandidate(AlertReader.read(AlertBody.parse(body.getBytes(StandardCharsets.UTF_8))),
                    Long.toHexString(n), body, Optional.of("application/json"), Optional.of("127.0.0.1"), receivedAt);
        } catch (AlertProblem e) {
            throw new IllegalStateException("the bench alert is valid: " + e.getMessage(), e);
        }
    }
}
