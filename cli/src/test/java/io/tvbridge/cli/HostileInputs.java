package io.tvbridge.cli;

import io.tvbridge.core.alert.WebhookAuthenticator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Makes webhook requests no one should send: random bytes, broken and deeply nested JSON, numbers
 * too large or not numbers at all, exotic Unicode, wrong types, SQL-like text, very long values,
 * odd Content-Types and odd headers. A share of them carries a correct signature over its exact
 * bytes, or the right secret, so that it passes authentication and reaches parsing and validation.
 * Everything comes from one {@link Random}, so a seed replays a run.
 */
final class HostileInputs {
    /** One request: what kind of hostility it shows, its extra header lines and its body. */
    record Input(String kind, List<String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8) + "\n" + String.join("\n", headers);
        }
    }

    private static final List<String> FIELDS = List.of("symbol", "ticker", "action", "side", "quantity", "qty",
            "contracts", "price", "order_type", "type", "limit_price", "stop_price", "take_profit", "tp", "stop_loss",
            "sl", "alert_id", "id", "strategy", "comment", "time", "timestamp", "target_qty", "target_side",
            "market_position", "market_position_size", "position_size", "conviction", "outside_rth", "exchange",
            "passphrase", "secret", "x-unknown");
    private static final List<String> NUMBERS = List.of("1e400", "-1e400", "1e-400", "1e308", "4.9e-324",
            "99999999999999999999999999999999999999", "9".repeat(99), "9".repeat(101), "-" + "1".repeat(120), "-0",
            "0", "-1", "-100.5", "NaN", "-NaN", "Infinity", "-Infinity", "+5", ".5", "5.", "0x1F", "1_000", "01",
            "1e2147483648", "\"NaN\"", "\"Infinity\"", "\"-1\"", "\"1e999999999\"", "\"  12  \"", "\"１２\"",
            "\"٣\"", "\"1,5\"", "\"1 000\"", "\"0.000000000000000000000000000001\"", "\"" + "9".repeat(500) + "\"");
    private static final List<String> TEXTS = List.of("\"\\ud800\"", "\"\\udc00AAPL\"", "\"AAPL\\ud83d\"",
            "\"\u202eLPAA\"", "\"\u200fAAPL\u200e\"", "\"AA\u200bPL\"", "\"\ufeffAAPL\"", "\"\u2060\u200d\"",
            "\"\\u0000\"", "\"AAPL\\u0000\"", "\"A\u0301\u0301\u0301\u0301\"", "\"\uD83D\uDCC8\"", "\"株式\"",
            "\"ＡＡＰＬ\"", "\"\u0130\u0131\"", "\"\\n\\r\\t\"", "\"\u0007\u001b[31m\"", "\"'; DROP TABLE signals; --\"",
            "\"1' OR '1'='1\"", "\"AAPL\\\"; DELETE FROM orders; --\"", "\"1; UPDATE orders SET status='FILLED'\"",
            "\"%s%n%x%d\"", "\"${jndi:ldap://127.0.0.1/x}\"", "\"{{ticker}}\"", "\"../../etc/passwd\"",
            "\"<script>alert(1)</script>\"", "\"\"", "\" \"", "\"null\"", "\"buy sell\"", "\"BUY\"", "\"close_all\"");
    private static final List<String> WRONG_TYPES = List.of("[]", "[1,2]", "{}", "{\"a\":{\"b\":1}}", "true",
            "false", "null", "[\"buy\"]", "{\"$gt\":\"\"}");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain",
            "application/x-www-form-urlencoded", "text/plain; charset=utf-8", "application/json; charset=utf-16",
            "application/json; charset=nonsense", "text/html", "multipart/form-data; boundary=----x",
            "application/xml", "application/octet-stream", "*/*", ";;;", "application/json; q=0.1; q=0.2",
            "ä/ö", "application/" + "x".repeat(3000));
    private static final List<String> SYMBOLS = List.of("AAPL", "NASDAQ:MSFT", "BTCUSD", "OANDA:EURUSD", "ES1!");
    private static final List<String> ACTIONS = List.of("buy", "sell", "close", "exit", "long", "short");

    private final Random random;
    private final String secret;
    private final WebhookAuthenticator signer;
    private int serial;

    HostileInputs(long seed, String secret) {
        this.random = new Random(seed);
        this.secret = secret;
        this.signer = new WebhookAuthenticator(secret);
    }

    /** The next input, of a kind picked at random. */
    Input next() {
        serial++;
        List<Function<HostileInputs, Input>> kinds = List.of(HostileInputs::randomBytes, HostileInputs::randomText,
                HostileInputs::truncatedJson, HostileInputs::nestedJson, HostileInputs::hostileNumber,
                HostileInputs::hostileText, HostileInputs::wrongType, HostileInputs::longText,
                HostileInputs::manyHostileFields, HostileInputs::pairs, HostileInputs::oddHeaders,
                HostileInputs::duplicateKeys);
        return kinds.get(random.nextInt(kinds.size())).apply(this);
    }

    private Input randomBytes() {
        byte[] body = new byte[random.nextInt(random.nextBoolean() ? 64 : 4096)];
        random.nextBytes(body);
        return maybeSigned("random bytes", body);
    }

    private Input randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(2000);
        while (text.length() < length) {
            int codePoint = switch (random.nextInt(5)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> random.nextInt(0x20);
                case 2 -> 0xd800 + random.nextInt(0x800);   // a lone surrogate: not encodable, becomes '?'
                case 3 -> 0x200b + random.nextInt(0x20);    // zero-width and direction marks
                default -> random.nextInt(0x110000);
            };
            text.appendCodePoint(codePoint);
        }
        return maybeSigned("random text", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Input truncatedJson() {
        String alert = alert(List.of());
        return maybeSigned("truncated JSON", alert.substring(0, random.nextInt(alert.length()))
                .getBytes(StandardCharsets.UTF_8));
    }

    private Input nestedJson() {
        int depth = List.of(10, 63, 64, 65, 100, 1000, 10_000, 30_000).get(random.nextInt(8));
        boolean arrays = random.nextBoolean();
        boolean closed = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String inner = "\"secret\":\"" + secret + "\",\"symbol\":" + (arrays ? "[".repeat(depth) + "1"
                + (closed ? "]".repeat(depth) : "") : open.repeat(depth) + "1" + (closed ? "}".repeat(depth) : ""));
        return maybeSigned("deeply nested JSON", ("{" + inner + (closed ? "}" : "")).getBytes(StandardCharsets.UTF_8));
    }

    private Input hostileNumber() {
        return field("huge, negative and non-numbers", List.of("quantity", "qty", "contracts", "price", "limit_price",
                "stop_price", "take_profit", "stop_loss", "target_qty", "position_size", "time"), NUMBERS);
    }

    private Input hostileText() {
        return field("exotic Unicode and SQL-like text", FIELDS, TEXTS);
    }

    private Input wrongType() {
        return field("wrong types", FIELDS, WRONG_TYPES);
    }

    private Input longText() {
        int length = List.of(1_000, 10_000, 60_000, 70_000).get(random.nextInt(4));
        String value = "\"" + pick(List.of("A", "\u00e9", "\uD83D\uDCC8", "'", "\\\\")).repeat(length / 2) + "\"";
        return signedOrWithSecret("very long strings", alert(List.of(member(pick(FIELDS), value))));
    }

    private Input manyHostileFields() {
        List<String> members = new ArrayList<>();
        for (int i = random.nextInt(8); i >= 0; i--) {
            List<String> pool = List.of(NUMBERS, TEXTS, WRONG_TYPES).get(random.nextInt(3));
            members.add(member(pick(FIELDS), pick(pool)));
        }
        return signedOrWithSecret("many hostile fields", alert(members));
    }

    /** key=value lines or form encoding, with hostile values, sent as text. */
    private Input pairs() {
        boolean form = random.nextBoolean();
        StringJoiner body = new StringJoiner(form ? "&" : "\n");
        body.add("secret=" + secret).add("symbol=" + pick(SYMBOLS)).add("action=" + pick(ACTIONS));
        for (int i = random.nextInt(4); i >= 0; i--) {
            String value = pick(List.of(NUMBERS, TEXTS, WRONG_TYPES).get(random.nextInt(3)));
            body.add(pick(FIELDS) + (form || random.nextBoolean() ? "=" : ": ")
                    + (form && random.nextBoolean() ? "%" + value : value));
        }
        List<String> headers = List.of("Content-Type: " + (form ? "application/x-www-form-urlencoded" : "text/plain"));
        return new Input("key=value and form bodies", headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Input oddHeaders() {
        byte[] body = alert(List.of()).getBytes(StandardCharsets.UTF_8);
        String good = signer.sign(body);
        List<String> headers = new ArrayList<>();
        switch (random.nextInt(9)) {
            case 0 -> headers.add("X-Note: " + "x".repeat(List.of(1_000, 7_000, 9_000, 20_000, 70_000)
                    .get(random.nextInt(5))));
            case 1 -> {
                for (int i = 0; i < 50 + random.nextInt(200); i++) {
                    headers.add("X-Many-" + i + ": " + i);
                }
            }
            case 2 -> headers.add("X-Signature: " + pick(List.of("sha256=\u00e9\u00e8", "\u202e" + good, "sha256=",
                    "sha256=" + "f".repeat(10_000), good.toUpperCase(), "md5=" + good.substring(7))));
            case 3 -> {
                headers.add("X-Signature: " + good);
                headers.add("X-Signature: sha256=" + "0".repeat(64));
            }
            case 4 -> {
                headers.add("X-Signature: sha256=" + "0".repeat(64));
                headers.add("X-Signature: " + good);
            }
            case 5 -> {
                headers.add("X-TradingView-Signature: " + good);
                headers.add("X-Signature: " + "sha256=" + "1".repeat(64));
            }
            case 6 -> headers.add("X-Strange-\u00fc\u00f1\u00ee: \u041f\u0440\u0438\u0432\u0435\u0442 \u202e\u200b");
            case 7 -> headers.add(pick(List.of("Content-Type", "Accept", "Accept-Language", "Content-Language",
                    "Cookie", "Date", "Accept-Charset")) + ": " + pick(CONTENT_TYPES));
            default -> {
                headers.add("Content-Type: application/json");
                headers.add("Content-Type: text/plain");
                headers.add("X-Forwarded-For: " + "1.2.3.4, ".repeat(500) + "\u00ff");
            }
        }
        return new Input("odd headers", headers, body);
    }

    private Input duplicateKeys() {
        String key = pick(FIELDS);
        return signedOrWithSecret("duplicate and odd keys", alert(List.of(member(key, pick(TEXTS)),
                member(key, pick(NUMBERS)), member(pick(TEXTS).replace("\"", ""), "1"), "\"\":\"\"")));
    }

    /** A valid alert with one field replaced by a value from {@code values}. */
    private Input field(String kind, List<String> fields, List<String> values) {
        return signedOrWithSecret(kind, alert(List.of(member(pick(fields), pick(values)))));
    }

    /** An alert with the given members after (and so in place of) the usual ones. */
    private String alert(List<String> members) {
        List<String> all = new ArrayList<>(List.of(member("symbol", "\"" + pick(SYMBOLS) + "\""),
                member("action", "\"" + pick(ACTIONS) + "\""), member("quantity", "1"), member("price", "100"),
                member("alert_id", "\"hostile-" + serial + "\"")));
        all.replaceAll(existing -> members.stream().filter(m -> m.startsWith(existing.substring(0,
                existing.indexOf(':') + 1))).findFirst().orElse(existing));
        members.stream().filter(m -> !all.contains(m)).forEach(all::add);
        return "{" + String.join(",", all) + "}";
    }

    private static String member(String key, String jsonValue) {
        return "\"" + key + "\":" + jsonValue;
    }

    /** Signed over its exact bytes, or carrying the right secret in the body (or, rarely, neither). */
    private Input signedOrWithSecret(String kind, String alert) {
        int way = random.nextInt(10);
        if (way < 5) {
            return signed(kind, alert.getBytes(StandardCharsets.UTF_8));
        }
        String body = way < 9 ? "{\"secret\":\"" + secret + "\"," + alert.substring(1) : alert;
        return new Input(kind, contentType(), body.getBytes(StandardCharsets.UTF_8));
    }

    private Input maybeSigned(String kind, byte[] body) {
        return random.nextInt(10) < 4 ? signed(kind, body) : new Input(kind, contentType(), body);
    }

    private Input signed(String kind, byte[] body) {
        List<String> headers = new ArrayList<>(contentType());
        headers.add((random.nextBoolean() ? "X-Signature: " : "X-TradingView-Signature: ") + signer.sign(body));
        return new Input(kind + " (signed)", headers, body);
    }

    private List<String> contentType() {
        return random.nextInt(4) == 0 ? List.of() : List.of("Content-Type: " + pick(CONTENT_TYPES));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
