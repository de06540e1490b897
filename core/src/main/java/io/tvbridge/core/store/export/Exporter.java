package io.tvbridge.core.store.export;

import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.store.Store;
import io.tvbridge.core.store.StoreSession;
import io.tvbridge.core.store.StoredFill;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.StoredSignal;
import io.tvbridge.core.store.TimeRange;
import java.io.IOException;
import java.io.Writer;

/**
 * Exports trades (fills), orders or signals of a span of time, oldest first, for journals and tax
 * tools. Trades are chosen by when they filled, orders by when they were created, signals by when
 * they were received. It reads in one transaction, so the rows agree with each other.
 */
public final class Exporter {

    private Exporter() {
    }

    /**
     * Writes the export to {@code out} (flushed, not closed).
     *
     * @return the number of rows written
     */
    public static int export(Store store, ExportKind kind, TimeRange range, ExportFormat format, Writer out)
            throws IOException {
        ExportTable table = store.inTransaction(session -> table(session, kind, range));
        switch (format) {
            case CSV -> CsvWriter.write(table, out);
            case JSON -> JsonArrayWriter.write(table, out);
        }
        return table.rows().size();
    }

    static ExportTable table(StoreSession session, ExportKind kind, TimeRange range) {
        return switch (kind) {
            case TRADES -> trades(session, range);
            case ORDERS -> orders(session, range);
            case SIGNALS -> signals(session, range);
        };
    }

    private static ExportTable trades(StoreSession session, TimeRange range) {
        ExportTable table = new ExportTable("filled_at", "broker", "symbol", "side", "quantity", "price",
                "commission", "commission_currency", "realized_pnl", "execution_id", "order_id", "signal_id",
                "strategy", "recorded_at");
        for (StoredFill stored : session.fillsBetween(range)) {
            var fill = stored.fill();
            table.row(fill.time(), stored.broker(), fill.symbol(), fill.side(), fill.quantity(), fill.price(),
                    fill.commission(), fill.commissionCurrency(), stored.realizedPnl(), fill.executionId(),
                    fill.clientOrderId().value(), stored.signalId(), stored.strategy(), stored.recordedAt());
        }
        return table;
    }

    private static ExportTable orders(StoreSession session, TimeRange range) {
        ExportTable table = new ExportTable("created_at", "order_id", "signal_id", "parent_order_id", "broker",
                "account", "symbol", "exchange", "asset_class", "side", "quantity", "order_type", "limit_price",
                "stop_price", "take_profit", "stop_loss", "reference_price", "time_in_force", "outside_regular_hours",
                "multiplier", "opens_position", "status", "filled_quantity", "average_fill_price", "broker_order_id",
                "reason", "submitted_at", "updated_at");
        for (StoredOrder o : session.ordersCreated(range)) {
            table.row(o.createdAt(), o.clientOrderId().value(), o.signalId(), o.parent().map(ClientOrderId::value),
                    o.broker(), o.account(), o.symbol(), o.instrument().exchange(), o.instrument().assetClass(),
                    o.side(), o.quantity(), o.type(), o.limitPrice(), o.stopPrice(), o.takeProfit(), o.stopLoss(),
                    o.referencePrice(), o.timeInForce(), o.outsideRegularHours(), o.multiplier(), o.opens(),
                    o.phase(), o.filledQuantity(), o.averageFillPrice(), o.brokerOrderId(), o.reason(),
                    o.submittedAt(), o.updatedAt());
        }
        return table;
    }

    private static ExportTable signals(StoreSession session, TimeRange range) {
        ExportTable table = new ExportTable("received_at", "signal_id", "alert_id", "strategy", "action", "symbol",
                "exchange", "quantity", "order_type", "price", "limit_price", "stop_price", "stop_loss",
                "take_profit", "target_position", "conviction", "alert_time", "decision", "reason", "dry_run",
                "duplicates", "source_address", "comment");
        for (StoredSignal s : session.signalsReceived(range)) {
            Alert a = s.alert();
            table.row(s.receivedAt(), s.id(), a.alertId(), a.strategy(), a.action(), a.symbol(),
                    a.instrument().flatMap(InstrumentRef::exchange), a.quantity(), a.orderType(), a.price(),
                    a.limitPrice(), a.stopPrice(), a.stopLoss(), a.takeProfit(), a.targetPosition(), a.conviction(),
                    a.time(), s.decision(), s.reason(), s.dryRun(), s.duplicates(), s.sourceAddress(), a.comment());
        }
        return table;
    }
}
