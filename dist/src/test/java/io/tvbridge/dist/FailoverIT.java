package io.tvbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.ibkr.fake.FakeTwsServer;
import io.tvbridge.core.lease.LeaseKeeper;
import io.tvbridge.core.store.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover on PostgreSQL, end to end: three daemons (the jar, as processes) share one database
 * and one venue; alerts stream in round-robin to all three (see {@link RoundRobinAlerts}); the
 * leader is killed with kill -9 at random moments, or cut off from the database; a supervisor
 * starts whatever ended again. Afterwards, from the database and from the venue: every
 * acknowledged alert is stored once and decided once, every order reached the venue once, the
 * orders of each symbol reached it in the order the leaders decided them, no position went below
 * zero, and the signals waiting in the pending queue were released once.
 *
 * <p>The figures it measures are printed on lines starting with {@code FAILOVER}.
 */
class FailoverIT {
    private static final int KILLS = 5;
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "SPY");
    /** The symbol of the signals put in the pending queue; nothing else trades it. */
    private static final String QUEUED_SYMBOL = "IBM";
    private static final int QUEUED = 2;
    private static final long ALERT_PAUSE_MILLIS = 25;
    private static final Duration FIRST_START = Duration.ofSeconds(90);
    /**
     * The lease's term here ({@code LEASE_TERM_SECONDS}): half the default, so that twelve take-overs
     * fit the build's time; the rules are the same at any term.
     */
    static final Duration TERM = Duration.ofSeconds(4);
    /**
     * A lease runs its term after its last renewal and standbys try every second: another instance
     * holds it within the term and a second of a kill; and a margin for a loaded machine.
     */
    private static final Duration LEASE_TAKEN = TERM.plusSeconds(7);
    /** From a kill until the next leader answers {@code /health}: the lease, then the rest of its start. */
    private static final Duration TAKE_OVER = Duration.ofSeconds(45);
    private static final List<String> FINAL_DECISIONS = List.of("ACCEPTED", "REJECTED", "QUEUED");
    private static final Pattern PLACED_ID = Pattern.compile("event=placed\tid=([^\t]+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    /** One disruption of the leader: when, who, how, and who led next and from when. */
    private record Disruption(String how, FailoverCluster.Leader before, List<Integer> connections, long nanoTime,
                              Instant at, FailoverCluster.Leader after) {
        long takeOverMillis() {
            return Duration.ofNanos(after.nanoTime() - nanoTime).toMillis();
        }
    }

    /**
     * The paper broker, whose simulated account lives in the shared database (its journal), so that
     * each leader trades the same account. What is checked at this venue besides the database: the
     * journal shows each order placed once, exactly the orders filled, each symbol's in decision order.
     */
    @Test
    @Timeout(300)
    void paperBrokerKilledLeaderFiveTimes() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        try (FailoverCluster cluster = new FailoverCluster(folder, postgres, Map.of("BROKER", "paper"), false,
                data -> { })) {
            Scenario scenario = new Scenario("paper", cluster);
            scenario.run(KILLS, round -> null);
            scenario.checkDatabase();
            cluster.close();
            List<String> placed = journalPlacements(cluster.rows("select line from broker_journal where broker ="
                    + " 'paper' order by seq").stream().map(row -> row.get(0)).toList());
            assertThat(placed).as("orders placed at the paper venue").isNotEmpty();
            scenario.checkVenue(placed, Map.of());
            scenario.report(placed.size() + " orders in the paper journal, each once");
        }
    }

    /**
     * The fake TWS, one venue for the three, which all connect with the same client id as IB
     * requires: the leader killed five times, then cut off from PostgreSQL twice while TWS still
     * hears it, once as a blackhole (bytes dropped, sockets open), once with its connections
     * closed and refused. Cut off, it must stop sending before its lease can expire: TWS receives
     * nothing on its connection later than the lease's term (4 s here) after the cut, while the next
     * leader takes over and the stream goes on.
     */
    @Test
    @Timeout(300)
    void fakeTwsLeaderKilledFiveTimesThenCutOffTwice() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        try (FakeTwsServer tws = FakeTwsServer.start();
             FailoverCluster cluster = new FailoverCluster(folder, postgres, ibkr(tws), true, data -> { })) {
            Scenario scenario = new Scenario("ibkr", cluster);
            scenario.tws = tws;
            List<TcpProxy.Cut> cuts = List.of(TcpProxy.Cut.BLACKHOLE, TcpProxy.Cut.CLOSE);
            scenario.run(KILLS + cuts.size(), round -> round < KILLS ? null : cuts.get(round - KILLS));
            scenario.checkDatabase();
            cluster.close();
            scenario.checkTws();
        }
    }

    private static Map<String, String> ibkr(FakeTwsServer tws) {
        return Map.of("BROKER", "ibkr", "IBKR_PORT", Integer.toString(tws.port()), "IBKR_CLIENT_ID", "5",
                "IBKR_MAX_RECONNECT_PAUSE", "1");
    }

    /** The ids of the orders the paper journal says were placed, in its order. */
    private static List<String> journalPlacements(List<String> journal) {
        List<String> placed = new ArrayList<>();
        for (String line : journal) {
            Matcher matcher = PLACED_ID.matcher(line);
            if (matcher.find()) {
                placed.add(matcher.group(1));
            }
        }
        return placed;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            JarProcess.pause(100);
        }
    }

    private static long millisBetween(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toMillis();
    }

    /** One run: the cluster, the stream, the disruptions, and the checks after them. */
    private static final class Scenario {
        private final String name;
        private final FailoverCluster cluster;
        private final RoundRobinAlerts alerts;
        private final List<Disruption> disruptions = new ArrayList<>();
        private final List<String> queued = new ArrayList<>();
        private final long startedAt = System.nanoTime();
        private final Random random;
        private FakeTwsServer tws;

        Scenario(String name, FailoverCluster cluster) {
            this.name = name;
            this.cluster = cluster;
            this.alerts = new RoundRobinAlerts(FailoverCluster.SECRET, "fo", cluster.ports(), SYMBOLS,
                    ALERT_PAUSE_MILLIS);
            long seed = System.nanoTime();
            this.random = new Random(seed);
            System.out.println(name + ": disruption moments from seed " + seed + "; the daemons' folders in "
                    + cluster.instances().get(0).folder.getParent());
        }

        /** Streams, disrupts the leader {@code rounds} times (killed, or cut as {@code cut} says), stops. */
        void run(int rounds, java.util.function.IntFunction<TcpProxy.Cut> cut) throws Exception {
            FailoverCluster.Leader leader = cluster.awaitLeader(1, FIRST_START);
            alerts.start();
            await("the first alerts acknowledged", Duration.ofSeconds(30), () -> alerts.acknowledged().size() >= 20);
            queueSignals();
            for (int round = 0; round < rounds; round++) {
                JarProcess.pause(500 + random.nextInt(2_000));
                TcpProxy.Cut how = cut.apply(round);
                Disruption disruption = how == null ? kill(leader) : cutOff(leader, how);
                disruptions.add(disruption);
                leader = disruption.after();
                long since = disruption.after().nanoTime();
                await("alerts acknowledged after the take-over", Duration.ofSeconds(30),
                        () -> alerts.acknowledgedAfter(since) >= 5);
            }
            alerts.stop();
            System.out.println("FAILOVER " + name + " stream: " + alerts.summary());
            settle();
        }

        private Disruption kill(FailoverCluster.Leader leader) {
            List<Integer> connections = tws == null ? List.of() : tws.connectedClients();
            long at = System.nanoTime();
            Instant wall = Instant.now();
            cluster.kill(leader);
            FailoverCluster.Leader next = cluster.awaitLeader(leader.epoch() + 1, TAKE_OVER);
            Disruption disruption = new Disruption("kill -9", leader, connections, at, wall, next);
            assertThat(leaseTakenMillis(wall)).as("the lease taken over after the kill")
                    .isLessThan(LEASE_TAKEN.toMillis());
            System.out.printf("FAILOVER %s kill -9 #%d: %s (epoch %d) killed; %s took the lease %d ms later and its"
                            + " /health said leader %d ms later%n", name, disruptions.size() + 1, leader.instance(),
                    leader.epoch(), next.instance(), leaseTakenMillis(wall), disruption.takeOverMillis());
            return disruption;
        }

        /**
         * Cuts the leader off from PostgreSQL; it must notice within {@link LeaseKeeper#renewDeadline},
         * stop sending and exit with status 3, and TWS must hear nothing from it after the lease's term.
         */
        private Disruption cutOff(FailoverCluster.Leader leader, TcpProxy.Cut how) {
            List<Integer> connections = tws.connectedClients();
            assertThat(connections).as("only the leader is connected to TWS").hasSize(1);
            long at = System.nanoTime();
            Instant wall = Instant.now();
            leader.instance().proxy.orElseThrow().cut(how);
            FailoverCluster.Exit exit;
            try {
                await("the cut-off leader exits", TAKE_OVER, () -> exitOf(leader).isPresent());
                exit = exitOf(leader).orElseThrow();
                assertThat(exit.status()).as("%s exits with status 3 (lease lost)\n%s", leader, cluster.logTails())
                        .isEqualTo(3);
            } finally {
                // the process is gone (or the test failed): its restarted self may reach the database again
                leader.instance().proxy.orElseThrow().heal();
            }
            FailoverCluster.Leader next = cluster.awaitLeader(leader.epoch() + 1, TAKE_OVER);
            Disruption disruption = new Disruption("cut " + how.name().toLowerCase(), leader, connections, at, wall,
                    next);
            long expiry = at + TERM.toNanos();
            List<FakeTwsServer.Arrival> fromOld = tws.arrivals().stream()
                    .filter(arrival -> connections.contains(arrival.connection())).toList();
            long last = fromOld.stream().mapToLong(FakeTwsServer.Arrival::nanoTime).max().orElse(at);
            System.out.printf("FAILOVER %s cut (%s) #%d: %s (epoch %d) cut off from PostgreSQL; it exited with"
                            + " status %d %d ms after the cut; %s took the lease %d ms after the cut and its /health"
                            + " said leader %d ms after; the last of the %d orders TWS received from the cut-off"
                            + " leader arrived %d ms after the cut (its lease expired at most %d ms after)%n",
                    name, how.name().toLowerCase(), disruptions.size() + 1, leader.instance(), leader.epoch(),
                    exit.status(), millisBetween(at, exit.nanoTime()), next.instance(), leaseTakenMillis(wall),
                    disruption.takeOverMillis(), fromOld.size(), millisBetween(at, last),
                    TERM.toMillis());
            assertThat(fromOld).as("no order from the cut-off leader reached TWS after its lease expired")
                    .allSatisfy(arrival -> assertThat(arrival.nanoTime()).isLessThan(expiry));
            assertThat(fromOld).as("nor after it exited")
                    .allSatisfy(arrival -> assertThat(arrival.nanoTime()).isLessThan(exit.nanoTime()));
            return disruption;
        }

        /** How long after {@code since} the lease's current holder took it, by the database's clock. */
        private long leaseTakenMillis(Instant since) {
            return Long.parseLong(cluster.row("select cast(extract(epoch from acquired_at) * 1000 as bigint)"
                    + " from engine_lease").get(0)) - since.toEpochMilli();
        }

        private java.util.Optional<FailoverCluster.Exit> exitOf(FailoverCluster.Leader leader) {
            return cluster.exits().stream().filter(exit -> exit.pid() == leader.pid()).findFirst();
        }

        /**
         * Puts {@value #QUEUED} signals in the pending queue while the first leader trades: rows as
         * the daemon writes a queued signal (a copy of a stored alert's row, for {@value #QUEUED_SYMBOL},
         * decision QUEUED, and a WAITING entry). With {@code MARKET_HOURS=always} (this test must not
         * depend on the hour) no market is ever closed, so the daemons queue nothing themselves, and
         * such an entry is due at once: the first leader, which loaded the queue before they were
         * written, leaves them, and the next leader loads and releases them when it takes over.
         * The check is that they are released once: RELEASED, accepted, one order each, at the venue
         * once.
         */
        private void queueSignals() {
            await("an AAPL buy decided", Duration.ofSeconds(30), () -> cluster.count("select count(*) from signals"
                    + " where alert_id = 'fo-AAPL-1' and decision = 'ACCEPTED'") == 1);
            long template = cluster.count("select id from signals where alert_id = 'fo-AAPL-1'");
            long first = cluster.count("select max(id) from signals") + 1_000_000;
            for (int i = 0; i < QUEUED; i++) {
                long id = first + i;
                String alertId = "fo-queued-" + (i + 1);
                cluster.execute("create temporary table queued on commit drop as select * from signals where id = "
                                + template,
                        "update queued set id = " + id + ", alert_id = '" + alertId + "', symbol = '" + QUEUED_SYMBOL
                                + "', payload = replace(replace(payload, alert_id, '" + alertId + "'), '\"AAPL\"', '\""
                                + QUEUED_SYMBOL + "\"'), body_hash = md5('" + alertId + "') || md5('" + id + "'),"
                                + " decision = 'QUEUED', reason = 'queued until the open (by FailoverIT)',"
                                + " received_at = current_timestamp, decided_at = current_timestamp",
                        "insert into signals select * from queued",
                        "insert into pending_signals (signal_id, symbol, asset_class, outside_rth, queued_at,"
                                + " release_at, state) values (" + id + ", '" + QUEUED_SYMBOL + "', 'STOCK', false,"
                                + " current_timestamp, current_timestamp, 'WAITING')");
                queued.add(alertId);
            }
        }

        /** Waits, with a leader running, until every signal is decided and every order ended with its fills. */
        private void settle() {
            await("every signal decided, every order ended and its fills recorded", Duration.ofSeconds(60), () ->
                    cluster.count("select count(*) from signals where decision not in ('ACCEPTED', 'REJECTED',"
                            + " 'QUEUED')") == 0
                            && cluster.count("select count(*) from pending_signals where state = 'WAITING'") == 0
                            && cluster.count("select count(*) from orders where status not in ('FILLED', 'CANCELLED',"
                            + " 'REJECTED', 'EXPIRED')") == 0
                            && cluster.count("select count(*) from orders o where status = 'FILLED' and quantity <>"
                            + " (select coalesce(sum(quantity), 0) from fills f where f.client_order_id"
                            + " = o.client_order_id)") == 0);
        }

        /** What the shared database must say after the disruptions. */
        void checkDatabase() {
            Map<String, RoundRobinAlerts.Ack> acknowledged = alerts.acknowledged();
            assertThat(acknowledged).hasSizeGreaterThan(50);
            Map<String, List<String>> stored = new HashMap<>();
            for (List<String> row : cluster.rows("select alert_id, id, decision from signals")) {
                assertThat(stored.put(row.get(0), row)).as("alert_id %s stored once", row.get(0)).isNull();
            }
            for (RoundRobinAlerts.Ack ack : acknowledged.values()) {
                List<String> row = stored.get(ack.alertId());
                assertThat(row).as("acknowledged alert %s is stored", ack.alertId()).isNotNull();
                assertThat(Long.parseLong(row.get(1))).as("%s stored as the signal its answer named", ack.alertId())
                        .isEqualTo(ack.signalId());
                assertThat(row.get(2)).as("%s decided", ack.alertId()).isIn(FINAL_DECISIONS);
            }
            assertThat(cluster.count("select count(*) from signals s where decision = 'ACCEPTED' and (select count(*)"
                    + " from orders o where o.signal_id = s.id) <> 1")).as("one order for each accepted signal")
                    .isZero();
            assertThat(cluster.count("select count(*) from signals s where decision <> 'ACCEPTED' and exists"
                    + " (select 1 from orders o where o.signal_id = s.id)")).as("no order for any other").isZero();
            assertThat(cluster.rows("select state, count(*) from pending_signals group by state"))
                    .as("the queued signals released once each").containsExactly(List.of("RELEASED", "" + QUEUED));
            assertThat(cluster.count("select count(*) from signals where alert_id like 'fo-queued-%'"
                    + " and decision = 'ACCEPTED'")).isEqualTo(QUEUED);

            assertThat(cluster.count("select count(*) from (select client_order_id from fills group by"
                    + " client_order_id having sum(quantity) > (select quantity from orders o where o.client_order_id"
                    + " = fills.client_order_id)) over")).as("no order filled twice").isZero();
            assertThat(cluster.count("select count(*) from fills f where not exists (select 1 from orders o where"
                    + " o.client_order_id = f.client_order_id and o.status = 'FILLED')"))
                    .as("fills only for filled orders").isZero();
            Map<String, BigDecimal> fromFills = netBySymbol(cluster.rows("select symbol, side, quantity from fills"));
            Map<String, BigDecimal> positions = new TreeMap<>();
            cluster.rows("select symbol, quantity from positions").forEach(row ->
                    positions.put(row.get(0), new BigDecimal(row.get(1)).stripTrailingZeros()));
            positions.values().removeIf(quantity -> quantity.signum() == 0);
            assertThat(positions).as("the expected positions are the sum of the fills").isEqualTo(fromFills);

            List<List<String>> notFilled = cluster.rows("select status, coalesce(reason, ''), count(*) from orders"
                    + " where status <> 'FILLED' group by status, reason");
            List<List<String>> rejected = cluster.rows("select coalesce(reason, ''), count(*) from signals"
                    + " where decision = 'REJECTED' group by reason");
            System.out.printf("FAILOVER %s database: %d alerts acknowledged, %d signals stored, %d orders (%d"
                            + " filled); orders not filled: %s; signals rejected: %s%n", name, acknowledged.size(),
                    stored.size(), cluster.count("select count(*) from orders"),
                    cluster.count("select count(*) from orders where status = 'FILLED'"), notFilled, rejected);
        }

        /**
         * What a venue must have seen: {@code placed} (its orders' client order ids, in the order they
         * reached it) each once, exactly the orders the database says filled, and per symbol in the
         * order the leaders decided them (the order rows' ids), never taking a position below zero.
         */
        void checkVenue(List<String> placed, Map<String, BigDecimal> venuePositions) {
            Map<String, Long> times = placed.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            assertThat(times.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("no client order id reached the venue twice").isEmpty();
            Map<String, List<String>> orders = new LinkedHashMap<>();
            for (List<String> row : cluster.rows("select client_order_id, symbol, side, quantity, status from orders"
                    + " order by id")) {
                orders.put(row.get(0), row);
            }
            assertThat(times.keySet()).as("the venue has exactly the orders filled in the database")
                    .containsExactlyInAnyOrderElementsOf(orders.values().stream()
                            .filter(row -> row.get(4).equals("FILLED")).map(row -> row.get(0)).toList());
            Map<String, List<String>> decided = new TreeMap<>();
            Map<String, List<String>> reached = new TreeMap<>();
            orders.values().stream().filter(row -> row.get(4).equals("FILLED"))
                    .forEach(row -> decided.computeIfAbsent(row.get(1), s -> new ArrayList<>()).add(row.get(0)));
            Map<String, BigDecimal> position = new TreeMap<>();
            for (String id : placed) {
                List<String> row = orders.get(id);
                reached.computeIfAbsent(row.get(1), s -> new ArrayList<>()).add(id);
                BigDecimal now = position.merge(row.get(1), signed(row.get(2), row.get(3)), BigDecimal::add);
                assertThat(now.signum()).as("%s after %s at the venue", row.get(1), id).isNotNegative();
            }
            assertThat(reached).as("each symbol's orders reached the venue in the order they were decided")
                    .isEqualTo(decided);
            position.values().removeIf(quantity -> quantity.signum() == 0);
            position.replaceAll((symbol, quantity) -> quantity.stripTrailingZeros());
            assertThat(position).as("the venue's positions, from its orders")
                    .isEqualTo(netBySymbol(cluster.rows("select symbol, side, quantity from fills")));
            if (!venuePositions.isEmpty()) {
                assertThat(venuePositions).as("the venue's own positions").isEqualTo(position);
            }
        }

        /** The fake TWS's record: each orderRef once, on the connections the leaders had. */
        void checkTws() {
            List<String> placed = tws.arrivals().stream().map(FakeTwsServer.Arrival::orderRef).toList();
            assertThat(tws.placedOrders()).hasSameSizeAs(placed);
            Map<String, BigDecimal> held = new TreeMap<>();
            tws.orders().forEach(order -> held.merge(order.contract().symbol(),
                    signed(order.order().action(), order.filled()), BigDecimal::add));
            held.values().removeIf(quantity -> quantity.signum() == 0);
            held.replaceAll((symbol, quantity) -> quantity.stripTrailingZeros());
            checkVenue(placed, held);
            assertThat(tws.violations()).isEmpty();
            report(placed.size() + " orders at TWS, each once");
        }

        void report(String venue) {
            List<Long> takeOvers = disruptions.stream().map(Disruption::takeOverMillis).sorted().toList();
            StringBuilder firstOrders = new StringBuilder();
            if (tws != null) {
                for (Disruption disruption : disruptions) {
                    // the first order TWS received after the disruption on another connection than the old leader's
                    tws.arrivals().stream().filter(arrival -> arrival.nanoTime() > disruption.nanoTime()
                                    && !disruption.connections().contains(arrival.connection())).findFirst()
                            .ifPresent(arrival -> firstOrders.append(firstOrders.length() == 0 ? "" : ", ")
                                    .append(millisBetween(disruption.nanoTime(), arrival.nanoTime())));
                }
            } else {
                for (Disruption disruption : disruptions) {
                    List<String> first = cluster.row("select coalesce(cast(extract(epoch from min(submitted_at)) *"
                            + " 1000 as bigint), 0) from orders where submitted_at > to_timestamp("
                            + disruption.at().toEpochMilli() / 1000.0 + ")");
                    long millis = Long.parseLong(first.get(0));
                    if (millis > 0) {
                        firstOrders.append(firstOrders.length() == 0 ? "" : ", ")
                                .append(millis - disruption.at().toEpochMilli());
                    }
                }
            }
            System.out.printf("FAILOVER %s summary: %d disruptions (%s); take-over ms (disruption -> the next leader's"
                            + " /health says leader): %s; ms to the first order at the venue after each: %s;"
                            + " exits seen by the supervisor: %s; venue: %s; run %d s%n", name, disruptions.size(),
                    disruptions.stream().map(Disruption::how).distinct().toList(), takeOvers, firstOrders,
                    cluster.exits().stream().map(exit -> exit.instance() + ":" + exit.status()).toList(), venue,
                    Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
        }

        private static BigDecimal signed(String side, String quantity) {
            return signed(side, new BigDecimal(quantity));
        }

        private static BigDecimal signed(String side, BigDecimal quantity) {
            return side.equalsIgnoreCase("BUY") ? quantity : quantity.negate();
        }

        private static Map<String, BigDecimal> netBySymbol(List<List<String>> rows) {
            Map<String, BigDecimal> net = new TreeMap<>();
            rows.forEach(row -> net.merge(row.get(0), signed(row.get(1), row.get(2)), BigDecimal::add));
            net.values().removeIf(quantity -> quantity.signum() == 0);
            net.replaceAll((symbol, quantity) -> quantity.stripTrailingZeros());
            return net;
        }
    }
}
