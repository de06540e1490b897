package io.tvbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The explain tool, over the admin API and the command line: what a pasted message would do, storing nothing. */
@Timeout(60)
class AlertExplainTest {
    private static final String EXIT = "{\"ticker\":\"TSLA\",\"action\":\"sell\",\"sentiment\":\"flat\","
            + "\"quantity\":\"10\",\"price\":\"250\"}";

    @TempDir
    Path folder;

    @Test
    void showsTheDialectTheFieldsAndTheOrdersUnderTheCurrentSettingsAndStoresNothing() throws IOException {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            JsonNode flat = tv.admin(200, "POST", "/admin/alerts/explain", json(EXIT));
            assertThat(flat.get("dialect").asText()).isEqualTo("traderspost");
            assertThat(flat.at("/orders/0/fields/action").asText()).isEqualTo("close_long (from action sell, sentiment flat)");
            assertThat(flat.at("/orders/0/read/action").asText()).isEqualTo("close_long");
            assertThat(flat.at("/orders/0/decision").asText()).isEqualTo("rejected");
            assertThat(flat.at("/orders/0/reason").asText()).contains("no long TSLA position")
                    .contains("never opens a short");

            tv.signal("\"symbol\":\"TSLA\",\"action\":\"buy\",\"quantity\":10,\"price\":250");
            tv.settle();
            long signals = tv.count("select count(*) from signals");
            long orders = tv.count("select count(*) from orders");
            JsonNode held = tv.admin(200, "POST", "/admin/alerts/explain", json(EXIT));
            assertThat(held.at("/orders/0/decision").asText()).isEqualTo("accepted");
            assertThat(held.at("/orders/0/orders/0").asText()).isEqualTo("SELL 10 TSLA market");

            JsonNode refused = tv.admin(200, "POST", "/admin/alerts/explain", json("7012345,eaon,EURUSD"));
            assertThat(refused.get("refusal").asText()).contains("'eaon' is a PineConnector command");
            JsonNode pasted = tv.admin(200, "POST", "/admin/alerts/explain",
                    json("{\u201Csymbol\u201D: \u201CAAPL\u201D, \u201Caction\u201D: \u201Cbuy\u201D}"));
            assertThat(pasted.get("repairs").toString()).contains("typographic quotes");
            assertThat(tv.admin("POST", "/admin/alerts/explain", "{}").statusCode()).isEqualTo(400);

            Path file = folder.resolve("alert.txt");
            Files.writeString(file, EXIT, StandardCharsets.UTF_8);
            StringWriter out = new StringWriter();
            int code = Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "alert",
                    "explain", file.toString(), "--data-dir", tv.dataDirectory.toString(), "--api-key",
                    TestDaemon.ADMIN_KEY);
            assertThat(code).as(out.toString()).isZero();
            assertThat(out.toString()).as("as the README shows it").isEqualTo("""
                    dialect: traderspost
                    order:
                      field  symbol = TSLA (from ticker)
                      field  action = close_long (from action sell, sentiment flat)
                      field  quantity = 10
                      field  price = 250
                      read   dialect traderspost, action close_long, symbol TSLA, quantity 10, quantity_unit units,\
                     order_type market, price 250
                      would be accepted
                      order  SELL 10 TSLA market
                    """);

            InputStream stdin = System.in;
            StringWriter piped = new StringWriter();
            try {
                System.setIn(new ByteArrayInputStream("7012345,closeshort,EURUSD".getBytes(StandardCharsets.UTF_8)));
                int pipedCode = Main.execute(new PrintWriter(piped, true), new PrintWriter(new StringWriter(), true),
                        "alert", "explain", "--data-dir", tv.dataDirectory.toString(), "--api-key", TestDaemon.ADMIN_KEY);
                assertThat(pipedCode).as(piped.toString()).isZero();
            } finally {
                System.setIn(stdin);
            }
            assertThat(piped.toString()).startsWith("dialect: pineconnector").contains("would be rejected: there is no"
                    + " short EURUSD position to close");

            assertThat(tv.count("select count(*) from signals")).isEqualTo(signals);
            assertThat(tv.count("select count(*) from orders")).isEqualTo(orders);
        }
    }

    private static String json(String message) {
        try {
            return new ObjectMapper().writeValueAsString(Map.of("message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
