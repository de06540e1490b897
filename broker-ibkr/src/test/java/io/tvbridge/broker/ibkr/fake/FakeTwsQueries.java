package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbExecutionFilter;
import java.math.BigDecimal;
import java.util.List;

/**
 * Answers to the requests that only read the venue: open orders, executions, positions, the
 * account summary, contract details and market-data snapshots. Runs under the server's lock.
 */
final class FakeTwsQueries {
    private final FakeTwsVenue venue;
    private final FakeTwsLedger ledger;
    private final FakeTwsContracts contracts;

    FakeTwsQueries(FakeTwsVenue venue, FakeTwsLedger ledger, FakeTwsContracts contracts) {
        this.venue = venue;
        this.ledger = ledger;
        this.contracts = contracts;
    }

    /** OPEN_ORDER and ORDER_STATUS for each working order of the client (or of every client), then OPEN_ORDER_END. */
    void openOrders(FakeTwsPeer peer, int clientId, boolean everyClient) {
        for (VenueOrder order : venue.working()) {
            if (everyClient || order.clientId == clientId) {
                venue.book().announce(order, peer);
            }
        }
        peer.send(FakeTwsEncoder::openOrderEnd);
    }

    /** Each of today's executions that pass the filter, with its commission report, then EXECUTION_DATA_END. */
    void executions(FakeTwsPeer peer, int reqId, IbExecutionFilter filter) {
        for (FakeTwsLedger.Execution execution : ledger.executions(filter, venue.now())) {
            peer.send(e -> e.execution(reqId, execution.contract(), execution.execution()));
            peer.send(e -> e.commissionReport(execution.commission()));
        }
        peer.send(e -> e.executionsEnd(reqId));
    }

    void positions(FakeTwsPeer peer) {
        for (FakeTwsLedger.Position p : ledger.positions()) {
            peer.send(e -> e.position(p.account(), p.contract(), p.quantity(), p.averageCost()));
        }
        peer.send(FakeTwsEncoder::positionEnd);
    }

    /**
     * One ACCOUNT_SUMMARY per managed account and requested tag that has a value, then
     * ACCOUNT_SUMMARY_END. {@code $LEDGER:ALL} reports each currency of the ledger, with its
     * ExchangeRate into the base currency, and the base itself as {@code BASE}.
     */
    void accountSummary(FakeTwsPeer peer, int reqId, String tags) {
        for (String account : ledger.accounts()) {
            for (String tag : tags.split(",")) {
                if (tag.strip().equals("$LEDGER:ALL")) {
                    peer.send(e -> e.accountSummary(reqId, account, "ExchangeRate", "1.00", "BASE"));
                    ledger.exchangeRates().forEach((currency, rate) -> peer.send(e -> e.accountSummary(reqId,
                            account, "ExchangeRate", rate, currency)));
                    continue;
                }
                String value = ledger.value(tag.strip());
                if (value != null) {
                    peer.send(e -> e.accountSummary(reqId, account, tag.strip(), value, "USD"));
                }
            }
        }
        peer.send(e -> e.accountSummaryEnd(reqId));
    }

    /** Every matching definition, then CONTRACT_DATA_END; none is error 200 (and no end, as TWS does). */
    void contractDetails(FakeTwsPeer peer, int reqId, IbContract query) {
        List<IbContractDetails> matches = contracts.match(query, venue.today());
        if (matches.isEmpty()) {
            peer.send(e -> e.error(reqId, 200, FakeTwsVenue.NO_DEFINITION, ""));
            return;
        }
        matches.forEach(details -> peer.send(e -> e.contractDetails(reqId, details)));
        peer.send(e -> e.contractDetailsEnd(reqId));
    }

    /**
     * One set of ticks at the current price: MARKET_DATA_TYPE, bid and ask one tick away, last,
     * each with size 100 (delayed tick types for market data types 3 and 4), and for a snapshot
     * TICK_SNAPSHOT_END. Later price moves are not streamed.
     */
    void marketData(FakeTwsPeer peer, FakeTwsRequests.ReqMktData request, int marketDataType) {
        int reqId = request.reqId();
        List<IbContractDetails> matches = contracts.match(request.contract(), venue.today());
        if (matches.size() != 1) {
            peer.send(e -> e.error(reqId, 200, FakeTwsVenue.NO_DEFINITION, ""));
            return;
        }
        BigDecimal price = venue.book().price(matches.get(0).contract().symbol());
        if (price == null) {
            peer.send(e -> e.error(reqId, 354, "Requested market data is not subscribed.", ""));
            return;
        }
        BigDecimal tick = matches.get(0).minTick();
        BigDecimal size = BigDecimal.valueOf(100);
        int delayed = marketDataType >= 3 ? 65 : 0;
        peer.send(e -> e.marketDataType(reqId, marketDataType));
        peer.send(e -> e.tickPrice(reqId, delayed + 1, price.subtract(tick), size, 0));
        peer.send(e -> e.tickPrice(reqId, delayed + 2, price.add(tick), size, 0));
        peer.send(e -> e.tickPrice(reqId, delayed == 0 ? 4 : 68, price, size, 0));
        if (request.snapshot()) {
            peer.send(e -> e.tickSnapshotEnd(reqId));
        }
    }
}
