package io.tvbridge.broker.paper;

import io.tvbridge.broker.spi.BrokerJournal;
import io.tvbridge.broker.spi.FileBrokerJournal;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderType;
import io.tvbridge.broker.spi.model.Side;
import io.tvbridge.broker.spi.model.TimeInForce;
import io.tvbridge.broker.spi.model.TrailingStop;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paper venue's memory: one line per {@link PaperEvent}, appended to the broker's
 * {@link BrokerJournal} before the event takes effect, so the book survives a restart (and a killed
 * process). The journal is the host's: by default the file {@value #FILE_NAME} in the broker's state
 * directory, kept in the database when tvbridge's store is one that several machines share. Lines
 * are tab-separated {@code key=value} fields with URL-encoded values, readable with any editor.
 * {@link #read} is public for tools that look at what the venue did (the burst benchmark).
 */
public final class PaperJournal implements AutoCloseable {
    /** The journal's name, as the paper broker asks its host for it. */
    public static final String NAME = "paper-journal";
    /** The journal's file in the broker's state directory ({@code <data-dir>/brokers/paper/}) when it is a file. */
    public static final String FILE_NAME = NAME + ".log";

    private static final System.Logger log = System.getLogger(PaperJournal.class.getName());

    private final BrokerJournal lines;

    PaperJournal(BrokerJournal lines) {
        this.lines = lines;
    }

    /** Where the journal is kept, for the broker's health details. */
    String location() {
        return lines.toString();
    }

    /** Every event of the journal, in order; a torn last line (a crash mid-write) is skipped. */
    List<PaperEvent> events() {
        return decode(lines.lines(), lines.toString());
    }

    /** Reads every event of the journal file at {@code file}; a torn last line (a crash mid-write) is skipped. */
    public static List<PaperEvent> read(Path file) {
        return decode(FileBrokerJournal.read(file), file.toString());
    }

    private static List<PaperEvent> decode(List<String> lines, String where) {
        List<PaperEvent> events = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(decode(line));
            } catch (RuntimeException e) {
                if (i == lines.size() - 1) {
                    log.log(System.Logger.Level.WARNING, "skipping the torn last line of " + where);
                } else {
                    throw new IllegalStateException(where + " line " + (i + 1) + " is damaged: " + e.getMessage(), e);
                }
            }
        }
        return events;
    }

    void append(PaperEvent event) {
        lines.append(encode(event));
    }

    static String encode(PaperEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (event instanceof PaperEvent.Placed p) {
            fields.put("event", "placed");
            fields.put("id", p.id().value());
            fields.put("broker-id", p.brokerOrderId());
            fields.put("symbol", p.symbol());
            fields.put("asset", p.assetClass().name());
            fields.put("multiplier", p.multiplier().toPlainString());
            fields.put("side", p.side().name());
            fields.put("quantity", p.quantity().toPlainString());
            fields.put("type", p.type().name());
            p.limitPrice().ifPresent(v -> fields.put("limit", v.toPlainString()));
            p.stopPrice().ifPresent(v -> fields.put("stop", v.toPlainString()));
            p.trail().ifPresent(t -> fields.put(t.percent() ? "trail-percent" : "trail-amount",
                    t.distance().toPlainString()));
            fields.put("tif", p.timeInForce().name());
            fields.put("time", p.time().toString());
            p.takeProfit().ifPresent(v -> fields.put("take-profit", v.toPlainString()));
            p.stopLoss().ifPresent(v -> fields.put("stop-loss", v.toPlainString()));
            if (p.outsideRegularHours()) {
                fields.put("outside-rth", "true");
            }
        } else if (event instanceof PaperEvent.Executed x) {
            fields.put("event", "executed");
            fields.put("id", x.id().value());
            fields.put("execution", x.executionId());
            fields.put("quantity", x.quantity().toPlainString());
            fields.put("price", x.price().toPlainString());
            fields.put("commission", x.commission().toPlainString());
            fields.put("rate", x.rate().toPlainString());
            fields.put("time", x.time().toString());
        } else if (event instanceof PaperEvent.Ended e) {
            fields.put("event", "ended");
            fields.put("id", e.id().value());
            fields.put("status", e.status().name());
            fields.put("reason", e.reason());
            fields.put("time", e.time().toString());
        } else if (event instanceof PaperEvent.Priced p) {
            fields.put("event", "priced");
            fields.put("symbol", p.symbol());
            fields.put("price", p.price().toPlainString());
            fields.put("time", p.time().toString());
        }
        StringBuilder line = new StringBuilder();
        fields.forEach((key, value) -> {
            if (line.length() > 0) {
                line.append('\t');
            }
            line.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return line.toString();
    }

    static PaperEvent decode(String line) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String field : line.split("\t")) {
            int equals = field.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("field without '=': " + field);
            }
            f.put(field.substring(0, equals), URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8));
        }
        String kind = required(f, "event");
        return switch (kind) {
            case "placed" -> new PaperEvent.Placed(ClientOrderId.of(required(f, "id")), required(f, "broker-id"),
                    required(f, "symbol"), AssetClass.valueOf(required(f, "asset")),
                    new BigDecimal(required(f, "multiplier")), Side.valueOf(required(f, "side")),
                    new BigDecimal(required(f, "quantity")), OrderType.valueOf(required(f, "type")),
                    Optional.ofNullable(f.get("limit")).map(BigDecimal::new),
                    Optional.ofNullable(f.get("stop")).map(BigDecimal::new), trail(f),
                    TimeInForce.valueOf(required(f, "tif")), Instant.parse(required(f, "time")),
                    Optional.ofNullable(f.get("take-profit")).map(BigDecimal::new),
                    Optional.ofNullable(f.get("stop-loss")).map(BigDecimal::new),
                    Boolean.parseBoolean(f.get("outside-rth")));
            case "executed" -> new PaperEvent.Executed(ClientOrderId.of(required(f, "id")), required(f, "execution"),
                    new BigDecimal(required(f, "quantity")), new BigDecimal(required(f, "price")),
                    new BigDecimal(required(f, "commission")),
                    // journals written before rates were kept held only fills in the account's currency
                    new BigDecimal(f.getOrDefault("rate", "1")), Instant.parse(required(f, "time")));
            case "ended" -> new PaperEvent.Ended(ClientOrderId.of(required(f, "id")),
                    OrderStatus.valueOf(required(f, "status")), required(f, "reason"),
                    Instant.parse(required(f, "time")));
            case "priced" -> new PaperEvent.Priced(required(f, "symbol"), new BigDecimal(required(f, "price")),
                    Instant.parse(required(f, "time")));
            default -> throw new IllegalArgumentException("unknown event '" + kind + "'");
        };
    }

    private static Optional<TrailingStop> trail(Map<String, String> fields) {
        Optional<TrailingStop> amount = Optional.ofNullable(fields.get("trail-amount"))
                .map(v -> TrailingStop.amount(new BigDecimal(v)));
        return amount.or(() -> Optional.ofNullable(fields.get("trail-percent"))
                .map(v -> TrailingStop.percent(new BigDecimal(v))));
    }

    private static String required(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    @Override
    public void close() {
        lines.close();
    }
}
