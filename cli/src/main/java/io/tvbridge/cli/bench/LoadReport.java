package io.tvbridge.cli.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** The figures of one run, as text for a person or JSON for a script; latencies in milliseconds. */
public record LoadReport(String url, String target, String mode, int rate, int connections, double durationSeconds,
                         double warmupSeconds, int symbols, double exitRatio, long warmupSent, long sent,
                         long acknowledged, Map<String, Long> decisions, long errors, Map<String, Long> errorsByKind,
                         Map<String, String> firstErrors, double acksPerSecond, String latencyFrom,
                         Map<String, Double> latencyMs) {

    private static final Map<String, Double> PERCENTILES = percentiles();

    public static LoadReport of(LoadPlan plan, String target, LoadResult result) {
        Tally measured = result.measured();
        Map<String, Double> latency = new LinkedHashMap<>();
        Histogram histogram = measured.latency();
        PERCENTILES.forEach((name, percentile) -> latency.put(name,
                histogram.getTotalCount() == 0 ? 0 : millis(histogram.getValueAtPercentile(percentile))));
        latency.put("max", millis(histogram.getMaxValue()));
        return new LoadReport(plan.webhook().toString(), target, plan.fixedRate() ? "fixed_rate" : "max",
                plan.rate(), plan.connections(), plan.duration().toMillis() / 1000.0,
                plan.warmup().toMillis() / 1000.0, plan.symbols().size(), plan.exitRatio(), result.warmup().sent(),
                measured.sent(), measured.acknowledged(), measured.decisions(), measured.errorCount(),
                measured.errors(), measured.firstErrors(), result.acknowledgedPerSecond(),
                plan.fixedRate() ? "scheduled_send" : "actual_send", latency);
    }

    private static Map<String, Double> percentiles() {
        Map<String, Double> percentiles = new LinkedHashMap<>();
        percentiles.put("p50", 50.0);
        percentiles.put("p90", 90.0);
        percentiles.put("p99", 99.0);
        percentiles.put("p99.9", 99.9);
        return percentiles;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("tvbridge bench: ").append(url).append(" (").append(target).append(")\n");
        out.append(String.format(Locale.ROOT, "  load:    %s, %d connection(s), %.0f s after %.0f s of warm-up,"
                        + " %d symbol(s), %.0f%% sells%n", fixedRate() ? "fixed rate " + rate + "/s" : "as fast as possible",
                connections, durationSeconds, warmupSeconds, symbols, exitRatio * 100));
        out.append(String.format(Locale.ROOT, "  sent:    %d (and %d in the warm-up)%n", sent, warmupSent));
        out.append(String.format(Locale.ROOT, "  acked:   %d%s%n", acknowledged, decisions.isEmpty() ? ""
                : " (" + join(decisions) + ")"));
        out.append(String.format(Locale.ROOT, "  errors:  %d%s%n", errors, errorsByKind.isEmpty() ? ""
                : " (" + join(errorsByKind) + ")"));
        firstErrors.forEach((kind, detail) -> out.append("           first ").append(kind).append(": ").append(detail)
                .append('\n'));
        out.append(String.format(Locale.ROOT, "  acks/s:  %.1f%n", acksPerSecond));
        out.append("  latency (ms, from the ").append(fixedRate()
                ? "time each alert was due: coordinated omission accounted for" : "moment each alert was sent")
                .append("):\n   ");
        latencyMs.forEach((name, value) -> out.append(String.format(Locale.ROOT, " %s %.3f", name, value)));
        return out.append('\n').toString();
    }

    public String json() {
        try {
            return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is always JSON", e);
        }
    }

    private boolean fixedRate() {
        return rate > 0;
    }

    private static String join(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
