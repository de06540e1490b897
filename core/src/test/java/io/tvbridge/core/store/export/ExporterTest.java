package io.tvbridge.core.store.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.alert.AlertAction;
import io.tvbridge.core.alert.AlertDialect;
import io.tvbridge.core.alert.AlertExits;
import io.tvbridge.core.alert.AlertPrices;
import io.tvbridge.core.alert.AlertSize;
import io.tvbridge.core.alert.AlertTags;
import io.tvbridge.core.model.Decision;
import io.tvbridge.core.store.StoreRows;
import io.tvbridge.core.store.StoredSignal;
import io.tvbridge.core.store.TestDatabase;
import io.tvbridge.core.store.TimeRange;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exports from a real store, on H2 and on PostgreSQL: the rows of a span of time, as RFC 4180 CSV or a JSON array. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ExporterTest {
    private static final Instant DAY1 = Instant.parse("2025-12-31T15:00:00.250Z");
    private static final Instant DAY2 = Instant.parse("2026-01-01T09:30:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    TestDatabase database;
    @TempDir
    Path folder;
    private MyBatisStore store;

    @BeforeEach
    void open() {
        store = database.open(folder, Clock.fixed(DAY2, ZoneOffset.UTC));
        StoreRows.insertTrade(store, 1, "E-1", DAY1);
        StoreRows.insertTrade(store, 2, "E-2", DAY2);
        store.inTransaction(session -> {
            Alert alert = new Alert(AlertAction.SELL, Optional.of(InstrumentRef.parse("AAPL")), AlertSize.UNSIZED,
                    AlertPrices.market(Optional.empty()), AlertExits.NONE,
                    new AlertTags(Optional.of("ema, \"fast\""), Optional.of("x-3"), Optional.empty(),
                            Optional.of("line one\r\nline two"), Optional.empty(), Optional.empty(),
                            AlertDialect.TVBRIDGE), false);
            session.insertSignal(new StoredSignal(3, DAY2.plusSeconds(1), "hash-3", Optional.empty(),
                    Optional.empty(), "{}", alert, Decision.REJECTED,
                    Optional.of("max_position_size: AAPL would reach 13 units, the limit is 10"),
                    DAY2.plusSeconds(1), 1, false));
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String export(ExportKind kind, TimeRange range, ExportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        Exporter.export(store, kind, range, format, out);
        return out.toString();
    }

    @Test
    void tradesAsCsvHaveAHeaderUtcTimesAndPlainNumbers() throws IOException {
        String csv = export(ExportKind.TRADES, TimeRange.ALL, ExportFormat.CSV);

        assertThat(csv).isEqualTo(
                "filled_at,broker,symbol,side,quantity,price,commission,commission_currency,realized_pnl,"
                        + "execution_id,order_id,signal_id,strategy,recorded_at\r\n"
                        + "2025-12-31T15:00:00.250Z,paper,AAPL,buy,2.5,190,0.35,USD,0,E-1,tvb-test-1-1,1,ema,"
                        + "2025-12-31T15:00:00.250Z\r\n"
                        + "2026-01-01T09:30:00Z,paper,AAPL,buy,2.5,190,0.35,USD,0,E-2,tvb-test-2-1,2,ema,"
                        + "2026-01-01T09:30:00Z\r\n");
    }

    @ParameterizedTest(name = "{0} .. {1}")
    @CsvSource(nullValues = "-", value = {
            "2025-12-31, 2025-12-31, 1",
            "2026-01-01, -, 2",
            "-, 2025-12-31T15:00:00.250Z, 0",
            "2025-12-31T15:00:00.250Z, 2026-01-01T09:30:00Z, 1",
            "-, -, 1|2",
    })
    void onlyTheRowsOfTheRangeAreExported(String from, String to, String signalIds) throws IOException {
        TimeRange range = TimeRange.parse(Optional.ofNullable(from), Optional.ofNullable(to));
        JsonNode trades = JSON.readTree(export(ExportKind.TRADES, range, ExportFormat.JSON));
        List<String> ids = trades.findValuesAsText("signal_id");
        assertThat(String.join("|", ids)).isEqualTo(signalIds.equals("0") ? "" : signalIds);
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedByRfc4180() throws IOException {
        String csv = export(ExportKind.SIGNALS, TimeRange.parse(Optional.of("2026-01-01T09:30:01Z"),
                Optional.empty()), ExportFormat.CSV);

        assertThat(csv).startsWith("received_at,signal_id,alert_id,strategy,action,symbol,exchange,quantity,"
                + "order_type,price,limit_price,stop_price,stop_loss,take_profit,target_position,conviction,alert_time,"
                + "decision,reason,dry_run,duplicates,source_address,comment\r\n");
        assertThat(csv).endsWith("2026-01-01T09:30:01Z,3,x-3,\"ema, \"\"fast\"\"\",sell,AAPL,,,market,,,,,,,,,"
                + "rejected,\"max_position_size: AAPL would reach 13 units, the limit is 10\",false,1,,"
                + "\"line one\r\nline two\"\r\n");
        assertThat(CsvWriter.field("plain")).isEqualTo("plain");
        assertThat(CsvWriter.field("")).isEqualTo("");
        assertThat(CsvWriter.field("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void jsonIsAnArrayOfObjectsWithNumbersBooleansAndNulls() throws IOException {
        JsonNode signals = JSON.readTree(export(ExportKind.SIGNALS, TimeRange.ALL, ExportFormat.JSON));
        assertThat(signals.isArray()).isTrue();
        assertThat(signals).hasSize(3);
        JsonNode first = signals.get(0);
        assertThat(first.get("signal_id").isNumber()).isTrue();
        assertThat(first.get("quantity").decimalValue()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(first.get("dry_run").isBoolean()).isTrue();
        assertThat(first.get("received_at").asText()).isEqualTo("2025-12-31T15:00:00.250Z");
        assertThat(first.get("stop_price").isNull()).isTrue();
        assertThat(signals.get(2).get("comment").asText()).isEqualTo("line one\r\nline two");

        JsonNode orders = JSON.readTree(export(ExportKind.ORDERS, TimeRange.ALL, ExportFormat.JSON));
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).get("order_id").asText()).isEqualTo(StoreRows.orderId(1).value());
        assertThat(orders.get(0).get("status").asText()).isEqualTo("new");
        assertThat(orders.get(0).get("limit_price").decimalValue()).isEqualByComparingTo("190");
        assertThat(orders.get(0).get("opens_position").asBoolean()).isTrue();
        assertThat(orders.get(0).get("parent_order_id").isNull()).isTrue();

        assertThat(export(ExportKind.TRADES, TimeRange.parse(Optional.of("2030-01-01"), Optional.empty()),
                ExportFormat.JSON)).isEqualToIgnoringWhitespace("[]");
    }

    @Test
    void anEmptyCsvStillHasItsHeaderAndTheNamesParse() throws IOException {
        String csv = export(ExportKind.ORDERS, TimeRange.parse(Optional.of("2030-01-01"), Optional.empty()),
                ExportFormat.CSV);
        assertThat(csv).startsWith("created_at,order_id,signal_id,").endsWith("updated_at\r\n");
        assertThat(ExportKind.parse("Trades")).contains(ExportKind.TRADES);
        assertThat(ExportKind.parse("fills")).isEmpty();
        assertThat(ExportFormat.parse("JSON")).contains(ExportFormat.JSON);
    }
}
