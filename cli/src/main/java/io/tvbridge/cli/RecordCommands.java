package io.tvbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The admin commands that show records: positions, orders, trades, profit and loss. */
final class RecordCommands {
    private RecordCommands() {
    }

    @Command(name = "positions", mixinStandardHelpOptions = true,
            description = "Shows the positions tvbridge expects beside those the broker reports.")
    static final class Positions extends AdminCommand {
        @Override
        int run(PrintWriter out) {
            JsonNode expected = daemon.get("/admin/positions/expected");
            JsonNode actual = daemon.get("/admin/positions/actual");
            if (daemon.json) {
                out.println(AdminConnection.write(Map.of("expected", expected, "actual", actual)));
                return 0;
            }
            return eachAccount(out, pair(expected, actual), pair -> {
                print(out, pair.get("expected"), pair.get("actual"));
                return 0;
            });
        }

        /** The two answers as one {@code {"expected", "actual"}} pair, or with several accounts, one pair each. */
        private static JsonNode pair(JsonNode expected, JsonNode actual) {
            ObjectNode pair = AdminConnection.JSON.createObjectNode();
            if (!expected.path("accounts").isObject()) {
                pair.set("expected", expected);
                pair.set("actual", actual);
                return pair;
            }
            ObjectNode accounts = pair.putObject("accounts");
            expected.get("accounts").properties().forEach(account -> accounts.set(account.getKey(),
                    pair(account.getValue(), actual.at("/accounts/" + account.getKey()))));
            return pair;
        }

        private static void print(PrintWriter out, JsonNode expected, JsonNode actual) {
            if (!actual.isArray()) {
                out.println("the broker's positions could not be read: " + text(actual.get("error")));
            }
            Map<String, JsonNode[]> bySymbol = new TreeMap<>();
            expected.forEach(p -> bySymbol.computeIfAbsent(p.get("symbol").asText(), s -> new JsonNode[2])[0] = p);
            actual.elements().forEachRemaining(p -> bySymbol.computeIfAbsent(p.get("symbol").asText(), s -> new JsonNode[2])[1] = p);
            Table table = new Table("SYMBOL", "EXPECTED", "BROKER", "AVG COST", "UNREALIZED", "");
            bySymbol.forEach((symbol, sides) -> {
                String mine = sides[0] == null ? "0" : sides[0].get("quantity").asText();
                String theirs = sides[1] == null ? "0" : sides[1].get("quantity").asText();
                if (mine.equals("0") && theirs.equals("0")) {
                    return;
                }
                boolean same = sides[0] != null && sides[1] != null
                        && sides[0].get("quantity").decimalValue().compareTo(sides[1].get("quantity").decimalValue()) == 0;
                JsonNode cost = sides[1] != null ? sides[1].get("average_cost") : sides[0].get("average_cost");
                table.row(symbol, mine, theirs, text(cost), sides[1] == null ? "-" : text(sides[1].get("unrealized_pnl")),
                        same ? "" : "DIFFERS");
            });
            table.print(out);
        }
    }

    /** The filters and page every list takes. */
    abstract static class Listing extends AdminCommand {
        @Option(names = "--symbol", description = "only this symbol")
        String symbol;
        @Option(names = "--strategy", description = "only this strategy")
        String strategy;
        @Option(names = "--from", description = "from this time on (ISO-8601, e.g. 2026-03-02T14:30:00Z)")
        String from;
        @Option(names = "--to", description = "before this time (ISO-8601)")
        String to;
        @Option(names = "--limit", defaultValue = "20", description = "rows (default ${DEFAULT-VALUE})")
        int limit;
        @Option(names = "--offset", defaultValue = "0", description = "rows to skip")
        int offset;

        Map<String, Object> filters() {
            Map<String, Object> filters = new LinkedHashMap<>();
            filters.put("symbol", symbol);
            filters.put("strategy", strategy);
            filters.put("from", from);
            filters.put("to", to);
            filters.put("limit", limit);
            filters.put("offset", offset);
            return filters;
        }

        static void footer(PrintWriter out, JsonNode page) {
            int shown = page.get("items").size();
            if (page.get("total").asLong() > shown) {
                out.printf("%d of %d shown (from %d; --offset for more)%n", shown, page.get("total").asLong(),
                        page.get("offset").asInt());
            }
        }
    }

    @Command(name = "orders", mixinStandardHelpOptions = true, description = "Lists orders, newest first.")
    static final class Orders extends Listing {
        @Option(names = "--status", description = "only orders in this status (filled, cancelled, rejected, ...)")
        String status;

        @Override
        int run(PrintWriter out) {
            Map<String, Object> filters = filters();
            filters.put("status", status);
            JsonNode answer = daemon.get("/admin/orders" + AdminConnection.query(filters));
            if (printedJson(out, answer)) {
                return 0;
            }
            return eachAccount(out, answer, page -> {
                Table table = new Table("CREATED", "ORDER", "SIDE", "QTY", "SYMBOL", "STATUS", "REASON");
                page.get("items").forEach(o -> table.row(text(o.get("created_at")).substring(0, 19),
                        text(o.get("client_order_id")), text(o.get("side")), text(o.get("quantity")),
                        text(o.get("symbol")), text(o.get("status")), o.has("reason") ? text(o.get("reason")) : ""));
                table.print(out);
                footer(out, page);
                return 0;
            });
        }
    }

    @Command(name = "trades", mixinStandardHelpOptions = true,
            description = "Lists fills, newest first, with the profit each realized.")
    static final class Trades extends Listing {
        @Override
        int run(PrintWriter out) {
            JsonNode answer = daemon.get("/admin/trades" + AdminConnection.query(filters()));
            if (printedJson(out, answer)) {
                return 0;
            }
            return eachAccount(out, answer, page -> {
                Table table = new Table("FILLED", "SIDE", "QTY", "SYMBOL", "PRICE", "REALIZED", "FEE", "STRATEGY");
                page.get("items").forEach(t -> table.row(text(t.get("filled_at")).substring(0, 19),
                        text(t.get("side")), text(t.get("quantity")), text(t.get("symbol")), text(t.get("price")),
                        text(t.get("realized_pnl")), text(t.get("commission")), text(t.get("strategy"))));
                table.print(out);
                footer(out, page);
                return 0;
            });
        }
    }

    @Command(name = "pnl", mixinStandardHelpOptions = true,
            description = "Shows profit and loss of the running day, week or month, by symbol and by strategy.")
    static final class Pnl extends AdminCommand {
        @Option(names = "--period", defaultValue = "day", description = "day, week or month (default ${DEFAULT-VALUE})")
        String period;

        @Override
        int run(PrintWriter out) {
            JsonNode answer = daemon.get("/admin/pnl" + AdminConnection.query(Map.of("period", period)));
            if (printedJson(out, answer)) {
                return 0;
            }
            return eachAccount(out, answer, report -> {
                print(out, report);
                return 0;
            });
        }

        private static void print(PrintWriter out, JsonNode report) {
            out.printf("%s from %s (unrealized from %s)%n", text(report.get("period")), text(report.get("from")),
                    text(report.get("unrealized_source")));
            Table table = new Table("", "REALIZED", "UNREALIZED", "FEES", "NET", "TRADES", "WIN RATE");
            report.get("by_symbol").forEach(line -> row(table, "symbol " + line.get("name").asText(), line));
            report.get("by_strategy").forEach(line -> row(table, "strategy " + line.get("name").asText(), line));
            row(table, "total", report.get("total"));
            table.print(out);
        }

        private static void row(Table table, String name, JsonNode line) {
            table.row(name, text(line.get("realized")), text(line.get("unrealized")), text(line.get("commissions")),
                    text(line.get("net")), text(line.get("trades")), text(line.get("win_rate")));
        }
    }

    @Command(name = "slippage", mixinStandardHelpOptions = true,
            description = "What the fills of an account cost against its shadow's (a paper account that copies its"
                    + " orders at the signals' prices): per order, per symbol and per strategy, in money and ticks.")
    static final class Slippage extends Listing {
        @Override
        int run(PrintWriter out) {
            Map<String, Object> filters = filters();
            filters.remove("limit");
            filters.remove("offset");
            JsonNode answer = daemon.get("/admin/slippage" + AdminConnection.query(filters));
            if (printedJson(out, answer)) {
                return 0;
            }
            if (answer.has("leader")) {
                print(out, answer);
                return 0;
            }
            return eachAccount(out, answer, report -> {
                print(out, report);
                return 0;
            });
        }

        private void print(PrintWriter out, JsonNode report) {
            out.printf("%s's fills against its shadow %s (positive: a cost)%n", text(report.get("leader")),
                    text(report.get("shadow")));
            Table orders = new Table("SIGNAL", "SYMBOL", "SIDE", "QTY", "LIVE", "SHADOW", "PER UNIT", "TICKS", "MONEY");
            int shown = 0;
            for (JsonNode order : report.get("orders")) {
                if (shown++ == limit) {
                    break;
                }
                orders.row(text(order.get("signal_id")), text(order.get("symbol")), text(order.get("side")),
                        text(order.get("quantity")), text(order.get("live_price")), text(order.get("shadow_price")),
                        order.get("measured").asBoolean() ? text(order.get("per_unit")) : text(order.get("status")),
                        text(order.get("ticks")), money(order.get("money")));
            }
            orders.print(out);
            Table totals = new Table("", "ORDERS", "MEASURED", "AVG TICKS", "MONEY", "IN ACCOUNT CURRENCY");
            report.get("by_symbol").forEach(total -> total(totals, "symbol " + text(total.get("key")), total));
            report.get("by_strategy").forEach(total -> total(totals, "strategy " + text(total.get("key")), total));
            total(totals, "total", report.get("total"));
            totals.print(out);
        }

        private static void total(Table table, String name, JsonNode total) {
            StringBuilder money = new StringBuilder();
            total.get("money").properties().forEach(entry -> money.append(money.isEmpty() ? "" : ", ")
                    .append(text(entry.getValue())).append(' ').append(entry.getKey()));
            table.row(name, text(total.get("orders")), text(total.get("measured")), text(total.get("average_ticks")),
                    money.toString(), money(total.get("account_money")));
        }

        private static String money(JsonNode money) {
            return money == null || money.isNull() ? "" : text(money.get("amount")) + " " + text(money.get("currency"));
        }
    }
}
