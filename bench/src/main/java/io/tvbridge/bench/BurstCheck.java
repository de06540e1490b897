package io.tvbridge.bench;

import io.tvbridge.broker.paper.PaperEvent;
import io.tvbridge.cli.bench.LoadReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a burst left behind, read after the daemon stopped: its database and the paper broker's
 * journal, whose times are the broker's clock. Prints one line per check, PASS or FAIL, with the numbers.
 */
final class BurstCheck {
    /** An order of the burst: when it was decided, and when the sender took it from its queue to send it. */
    private record Order(long id, String clientOrderId, String symbol, boolean exit, Instant decided, Instant taken) {
    }

    private final Path data;
    private final String alertIdPrefix;
    private final int maxOrdersPerSecond;
    private boolean passed = true;

    BurstCheck(Path data, String alertIdPrefix, int maxOrdersPerSecond) {
        this.data = data;
        this.alertIdPrefix = alertIdPrefix;
        this.maxOrdersPerSecond = maxOrdersPerSecond;
    }

    boolean run(LoadReport burst, Set<String> acknowledged, int alerts) {
        StoredRows rows = new StoredRows(data);
        String ofBurst = "s.alert_id like '" + alertIdPrefix + "%'";
        check("every alert acknowledged", burst.acknowledged() == alerts && burst.errors() == 0,
                burst.acknowledged() + " of " + alerts + " acknowledged, " + burst.errors() + " errors "
                        + burst.errorsByKind() + "; decisions " + burst.decisions() + "; ack latency ms "
                        + burst.latencyMs());

        Set<String> stored = new HashSet<>(rows.list("select s.alert_id from signals s where " + ofBurst,
                rs -> rs.getString(1)));
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        check("none lost: every acknowledged alert is stored", lost.isEmpty(),
                acknowledged.size() + " acknowledged, " + stored.size() + " stored, " + lost.size() + " missing");

        long accepted = rows.count("select count(*) from signals s where " + ofBurst + " and s.decision = 'ACCEPTED'");
        long wrong = rows.count("select count(*) from signals s where " + ofBurst + " and (select count(*) from orders o"
                + " where o.signal_id = s.id) <> case when s.decision = 'ACCEPTED' then 1 else 0 end");
        check("one order per accepted alert, none for the others", wrong == 0,
                accepted + " accepted; " + wrong + " signals with another number of orders");

        List<Order> orders = rows.list("select o.id, o.client_order_id, o.symbol, o.opens, o.created_at,"
                + " o.submitted_at from orders o join signals s on s.id = o.signal_id where " + ofBurst
                + " and o.submitted_at is not null order by o.id", rs -> new Order(rs.getLong(1), rs.getString(2),
                rs.getString(3), !rs.getBoolean(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                rs.getObject(6, OffsetDateTime.class).toInstant()));
        Map<String, List<Instant>> placedTimes = PaperOrders.placed(data).stream().collect(Collectors.groupingBy(
                placed -> placed.id().value(), Collectors.mapping(PaperEvent.Placed::time, Collectors.toList())));
        long notOnce = orders.stream().filter(o -> placedTimes.getOrDefault(o.clientOrderId(), List.of()).size() != 1)
                .count();
        check("each order reached the broker exactly once", notOnce == 0,
                orders.size() + " orders, " + notOnce + " not placed exactly once");

        Map<String, Instant> placed = new HashMap<>();
        orders.forEach(o -> placedTimes.getOrDefault(o.clientOrderId(), List.of()).stream().findFirst()
                .ifPresent(time -> placed.put(o.clientOrderId(), time)));
        exitsFirst(orders, placed);
        pace(orders.stream().map(o -> placed.get(o.clientOrderId())).filter(time -> time != null).sorted().toList());
        System.out.println(passed ? "burst: every check passed" : "burst: some checks FAILED");
        return passed;
    }

    /**
     * No entry was taken for sending while an exit that could go was waiting. An exit was certainly
     * waiting in the send queue once the sender took any order decided at or after it (orders reach
     * the queue after their batch's commit, batches in order), and it could go when the earlier orders
     * of its own symbol were done. Of course the exit must then have reached the broker after the entry.
     */
    private void exitsFirst(List<Order> orders, Map<String, Instant> placed) {
        Map<Long, Instant> queuedBy = new HashMap<>();
        Instant earliest = Instant.MAX;
        for (int i = orders.size() - 1; i >= 0; i--) {
            earliest = orders.get(i).taken().isBefore(earliest) ? orders.get(i).taken() : earliest;
            queuedBy.put(orders.get(i).id(), earliest);
        }
        List<Order> exits = orders.stream().filter(o -> o.exit() && placed.containsKey(o.clientOrderId())).toList();
        List<Order> entries = orders.stream().filter(o -> !o.exit() && placed.containsKey(o.clientOrderId())).toList();
        Map<String, List<Order>> bySymbol = orders.stream().collect(Collectors.groupingBy(Order::symbol));
        long overtaken = 0;
        for (Order entry : entries) {
            for (Order exit : exits) {
                if (queuedBy.get(exit.id()).isBefore(entry.taken())
                        && placed.get(exit.clientOrderId()).isAfter(placed.get(entry.clientOrderId()))
                        && laneFree(bySymbol.get(exit.symbol()), exit, entry.taken(), placed)) {
                    overtaken++;
                }
            }
        }
        check("exits first: no entry was taken for sending while a ready exit waited", overtaken == 0,
                exits.size() + " exits, " + entries.size() + " entries, " + overtaken + " times an entry went ahead"
                        + " of a ready exit; waited from decision to broker: exits " + waits(exits, placed)
                        + ", entries " + waits(entries, placed));
    }

    private static boolean laneFree(List<Order> lane, Order exit, Instant at, Map<String, Instant> placed) {
        return lane.stream().filter(o -> o.id() < exit.id())
                .allMatch(o -> placed.containsKey(o.clientOrderId()) && placed.get(o.clientOrderId()).isBefore(at));
    }

    private static String waits(Collection<Order> orders, Map<String, Instant> placed) {
        List<Long> millis = orders.stream().map(o -> Duration.between(o.decided(), placed.get(o.clientOrderId()))
                .toMillis()).sorted().toList();
        if (millis.isEmpty()) {
            return "none";
        }
        return String.format(Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms", millis.get(millis.size() / 2),
                millis.get((int) Math.min(millis.size() - 1, Math.round(millis.size() * 0.99))),
                millis.get(millis.size() - 1));
    }

    /** Orders a second at the broker's clock, in each calendar second and in any one-second window. */
    private void pace(List<Instant> sent) {
        Map<Long, Long> perSecond = new TreeMap<>();
        sent.forEach(time -> perSecond.merge(time.getEpochSecond(), 1L, Long::sum));
        long busiestSecond = perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
        int busiestWindow = 0;
        for (int first = 0, last = 0; first < sent.size(); first++) {
            while (last < sent.size() && sent.get(last).isBefore(sent.get(first).plusSeconds(1))) {
                last++;
            }
            busiestWindow = Math.max(busiestWindow, last - first);
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < sent.size(); i++) {
            gaps.add(Duration.between(sent.get(i - 1), sent.get(i)).toNanos() / 1000);
        }
        check("the broker's pace kept: at most " + maxOrdersPerSecond + " orders in each second",
                maxOrdersPerSecond == 0 || busiestSecond <= maxOrdersPerSecond,
                sent.size() + " orders over " + (sent.isEmpty() ? 0 : Duration.between(sent.get(0),
                        sent.get(sent.size() - 1)).toMillis()) + " ms; busiest calendar second " + busiestSecond
                        + ", busiest one-second window " + busiestWindow + ", smallest gap "
                        + gaps.stream().mapToLong(Long::longValue).min().orElse(0) + " µs");
    }

    private void check(String what, boolean ok, String detail) {
        passed &= ok;
        System.out.println((ok ? "PASS " : "FAIL ") + what + ": " + detail);
    }
}
