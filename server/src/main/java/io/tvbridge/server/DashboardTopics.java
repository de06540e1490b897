package io.tvbridge.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tvbridge.server.DashboardFeed.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The dashboard's topics, each read through the admin API call the page would make, so that a
 * pushed topic is exactly what {@code GET /admin/...} answers.
 */
public final class DashboardTopics {
    /** The broker is asked for its positions and the P&L's marks less often than the store is read. */
    private static final int BROKER_TICKS = 5;
    /** The fills the charts are drawn from: the newest ones, as many as one list call gives. */
    private static final int CHART_FILLS = 1000;
    private static final int ROWS = 50;

    private DashboardTopics() {
    }

    public static List<Topic> of(AdminResource admin, AdminRecordsResource records) {
        return List.of(
                Topic.of("status", () -> withoutUptime(admin.status())),
                Topic.of("signals", () -> records.signals(page(ROWS))),
                Topic.of("orders", () -> records.orders(page(ROWS))),
                new Topic("trades", 1, () -> records.trades(page(1)), () -> records.trades(page(CHART_FILLS))),
                Topic.of("positions", new Positions(records)::read),
                Topic.every("pnl", BROKER_TICKS, () -> records.pnl("day")),
                Topic.of("pending", admin::pending),
                Topic.of("settings", admin::settings));
    }

    /**
     * The topics of a daemon of several accounts: each account's topics as above, read together
     * into the side-by-side shape the admin API answers without {@code ?account}
     * ({@code {"accounts": {"live": …, "fx": …}}}); an account that cannot be read shows its error.
     */
    public static List<Topic> of(AccountsAdminResource several) {
        Map<String, List<Topic>> byAccount = new LinkedHashMap<>();
        several.accounts().forEach(account -> byAccount.put(account.name(), of(account.admin(), account.records())));
        List<Topic> topics = new ArrayList<>();
        List<Topic> first = byAccount.values().iterator().next();
        for (int i = 0; i < first.size(); i++) {
            int which = i;
            Map<String, Topic> same = new LinkedHashMap<>();
            byAccount.forEach((name, own) -> same.put(name, own.get(which)));
            Topic model = first.get(i);
            Supplier<Object> fingerprint = () -> sideBySide(same, Topic::fingerprint);
            // a topic that is its own fingerprint is read once a tick, as for one account (positions keep count)
            Supplier<Object> content = model.content() == model.fingerprint() ? fingerprint
                    : () -> sideBySide(same, Topic::content);
            topics.add(new Topic(model.name(), model.everyTicks(), fingerprint, content));
        }
        return topics;
    }

    private static AccountsAdminResource.Accounts sideBySide(Map<String, Topic> topics,
                                                             Function<Topic, Supplier<Object>> part) {
        Map<String, Object> answers = new LinkedHashMap<>();
        topics.forEach((name, topic) -> {
            try {
                answers.put(name, part.apply(topic).get());
            } catch (RuntimeException e) {
                answers.put(name, ErrorBody.of(e.getMessage() == null ? "the " + topic.name() + " could not be read"
                        : e.getMessage()));
            }
        });
        return new AccountsAdminResource.Accounts(answers);
    }

    /** Expected and broker positions side by side, both as they are now. */
    record PositionsView(List<AdminViews.Expected> expected, Object broker) {
    }

    /**
     * Reads the positions for the ticker's thread. The broker is asked every few ticks, and at once
     * (and once more a tick later, for a broker whose position report trails its fill report) when the
     * expected positions moved: a fill must not show as a mismatch because the broker was read earlier.
     */
    private static final class Positions {
        private final AdminRecordsResource records;
        private List<AdminViews.Expected> lastExpected;
        private Object broker;
        private int ticksSinceBroker;
        private int rereads;

        Positions(AdminRecordsResource records) {
            this.records = records;
        }

        PositionsView read() {
            List<AdminViews.Expected> expected = records.expectedPositions();
            if (!expected.equals(lastExpected)) {
                rereads = 2;
                lastExpected = expected;
            }
            if (broker == null || rereads > 0 || ++ticksSinceBroker >= BROKER_TICKS) {
                rereads = Math.max(0, rereads - 1);
                ticksSinceBroker = 0;
                broker = readBroker();
            }
            return new PositionsView(expected, broker);
        }

        private Object readBroker() {
            try {
                return records.actualPositions();
            } catch (RuntimeException e) {
                return ErrorBody.of(e.getMessage() == null ? "the broker's positions could not be read"
                        : e.getMessage());
            }
        }
    }

    /** The status without the one field that changes every second, so that it is sent when something happened. */
    private static ObjectNode withoutUptime(AdminResource.Status status) {
        ObjectNode node = Json.MAPPER.valueToTree(status);
        node.remove("uptime_seconds");
        return node;
    }

    private static ListParams page(int rows) {
        ListParams params = new ListParams();
        params.limit = Integer.toString(rows);
        return params;
    }
}
