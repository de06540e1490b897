package io.tvbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tvbridge.broker.ibkr.fake.FakeTwsServer;
import io.tvbridge.broker.oanda.fake.FakeOandaServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the venues of {@link SeveralAccountsIT} received (the orders each fake was sent, by client
 * order id, and the shadow's paper journal), and what the stopped daemon's accounts stored
 * ({@code data/accounts/<name>/}), checked against what the webhook acknowledged.
 */
final class SeveralVenues {
    private static final Pattern PLACED_ID = Pattern.compile("event=placed\tid=([^\t]+)");

    private final FakeTwsServer tws;
    private final FakeOandaServer oanda;
    private final Path data;

    SeveralVenues(FakeTwsServer tws, FakeOandaServer oanda, Path data) {
        this.tws = tws;
        this.oanda = oanda;
        this.data = data;
    }

    /** How many times TWS received each orderRef (live's client order id). */
    Map<String, Long> atTws() {
        return counted(tws.placedOrders().stream().map(placed -> placed.order().orderRef()).toList());
    }

    /** How many times OANDA was sent an order with each client extension id (fx's client order id). */
    Map<String, Long> atOanda() {
        List<String> ids = new ArrayList<>();
        for (ServeEvent event : oanda.wireMock().getAllServeEvents()) {
            var request = event.getRequest();
            if (request.getMethod().getName().equals("POST") && request.getUrl().endsWith("/orders")) {
                try {
                    JsonNode body = RoutedAlerts.JSON.readTree(request.getBodyAsString());
                    ids.add(body.path("order").path("clientExtensions").path("id").asText());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return counted(ids);
    }

    /** How many times the shadow's paper broker placed each order, from its journal. */
    Map<String, Long> onPaper() {
        Path journal = data.resolve("accounts/shadow/brokers/paper/paper-journal.log");
        List<String> ids = new ArrayList<>();
        try {
            if (Files.exists(journal)) {
                for (String line : Files.readAllLines(journal)) {
                    Matcher matcher = PLACED_ID.matcher(line);
                    if (matcher.find()) {
                        ids.add(matcher.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counted(ids);
    }

    private StoredData store(String account) {
        return new StoredData(data.resolve("accounts").resolve(account));
    }

    /**
     * In live and in fx: each acknowledged alert is stored once, as the signal the answer named,
     * with the orders the answer named; no alert is stored twice; the venue received each of the
     * account's orders once and no other; every order filled; the refused alert is nowhere.
     */
    void checkEveryAcknowledgedAlertOrderedOnce(RoutedAlerts alerts) {
        check("live", alerts.acknowledged("live"), atTws(), "TWS");
        check("fx", alerts.acknowledged("fx"), atOanda(), "OANDA");
    }

    private void check(String account, Map<String, RoutedAlerts.Taken> acknowledged, Map<String, Long> venue,
                       String where) {
        StoredData store = store(account);
        assertThat(acknowledged).as("alerts %s acknowledged", account).hasSizeGreaterThan(5);
        assertThat(store.column("select alert_id from signals group by alert_id having count(*) > 1"))
                .as("no alert stored twice in %s", account).isEmpty();
        Map<Long, String> signals = store.pairs("select id, alert_id from signals");
        Map<Long, List<String>> orders = new TreeMap<>();
        for (String row : store.column("select signal_id || ' ' || client_order_id from orders order by id")) {
            String[] parts = row.split(" ");
            orders.computeIfAbsent(Long.parseLong(parts[0]), id -> new ArrayList<>()).add(parts[1]);
        }
        for (RoutedAlerts.Taken taken : acknowledged.values()) {
            assertThat(signals).as("%s stored in %s", taken.alertId(), account)
                    .containsEntry(taken.signalId(), taken.alertId());
            assertThat(orders.get(taken.signalId())).as("the orders of %s in %s", taken.alertId(), account)
                    .isEqualTo(taken.clientOrderIds());
        }
        assertThat(venue.values()).as("no order of %s reached %s twice", account, where).allMatch(n -> n == 1);
        Set<String> stored = orders.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        assertThat(venue.keySet()).as("every order of %s reached %s, and no other", account, where)
                .isEqualTo(stored);
        assertThat(store.column("select client_order_id || ' ' || status || ' ' || coalesce(reason, '') from orders"
                + " where status <> 'FILLED'")).as("every order of %s filled", account).isEmpty();
        assertThat(store.count("select count(*) from signals where alert_id = 'route-none'"))
                .as("the alert no route took is not stored in %s", account).isZero();
    }

    /**
     * The shadow holds one copy ({@code mirror:live:<id>}) of each live signal that has orders,
     * with as many orders, and no other; its paper broker placed each of them once, and they filled.
     */
    void checkTheShadowCopiedEachOrderOnce() {
        Map<String, String> expected = new TreeMap<>();
        for (String row : store("live").column("select signal_id || ' ' || count(*) from orders group by signal_id")) {
            String[] parts = row.split(" ");
            expected.put("mirror:live:" + parts[0], parts[1]);
        }
        StoredData shadow = store("shadow");
        assertThat(shadow.column("select alert_id from signals group by alert_id having count(*) > 1"))
                .as("no order of live copied twice").isEmpty();
        Map<String, String> copies = new TreeMap<>(shadow.column("select s.alert_id || ' ' || count(o.id) from"
                + " signals s left join orders o on o.signal_id = s.id group by s.id, s.alert_id").stream()
                .map(row -> row.split(" ")).collect(Collectors.toMap(parts -> parts[0], parts -> parts[1])));
        assertThat(copies).as("each live signal with orders copied once, with as many orders").isEqualTo(expected);
        Map<String, Long> paper = onPaper();
        assertThat(paper.values()).as("no shadow order placed twice on paper").allMatch(n -> n == 1);
        assertThat(paper.keySet()).as("every shadow order placed on paper, and no other")
                .isEqualTo(new HashSet<>(shadow.column("select client_order_id from orders")));
        assertThat(shadow.count("select count(*) from orders where status <> 'FILLED'"))
                .as("every shadow order filled").isZero();
    }

    private static Map<String, Long> counted(List<String> ids) {
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new,
                Collectors.counting()));
    }
}
