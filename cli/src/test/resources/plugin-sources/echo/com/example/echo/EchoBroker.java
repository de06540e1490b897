package com.example.echo;

import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerCapability;
import io.tvbridge.broker.spi.BrokerContext;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.BrokerHealth;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Holding;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.OrderUpdate;
import io.tvbridge.broker.spi.model.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An in-memory venue that fills market orders at once. It reports what its class loader can see. */
final class EchoBroker implements Broker {
    private final BigDecimal commission;
    private final BrokerContext context;
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "echo-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<ClientOrderId, OrderState> orders = new LinkedHashMap<>();
    private final Map<ClientOrderId, Fill> fills = new LinkedHashMap<>();
    private final Map<String, Holding> holdings = new LinkedHashMap<>();

    EchoBroker(BigDecimal commission, BrokerContext context) {
        this.commission = commission;
        this.context = context;
    }

    private static boolean sees(String className) {
        try {
            Class.forName(className, false, EchoBroker.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public Set<BrokerCapability> capabilities() {
        return Set.of(BrokerCapability.SHORT_SELLING);
    }

    @Override
    public void connect() {
        Instant now = context.clock().instant();
        events.execute(() -> context.listener().onConnection(ConnectionEvent.up("echo ready", now)));
    }

    @Override
    public BrokerHealth health() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("sees_tvbridge_core", Boolean.toString(sees("io.tvbridge.core.Version")));
        details.put("sees_jackson", Boolean.toString(sees("com.fasterxml.jackson.databind.ObjectMapper")));
        details.put("sees_slf4j", Boolean.toString(sees("org.slf4j.LoggerFactory")));
        details.put("sees_spi", Boolean.toString(sees("io.tvbridge.broker.spi.Broker")));
        return new BrokerHealth(true, Optional.of("ECHO"), Optional.empty(), "echo venue", details);
    }

    @Override
    public Instrument resolve(InstrumentRef ref) {
        return Instrument.simple(ref.symbol(), AssetClass.STOCK, "ECHO", "USD");
    }

    @Override
    public synchronized OrderAck submit(OrderRequest request) throws BrokerException {
        Instant now = context.clock().instant();
        OrderState known = orders.get(request.clientOrderId());
        if (known != null) {
            return new OrderAck(request.clientOrderId(), known.brokerOrderId(), known.status(), true, now);
        }
        BigDecimal price = request.referencePrice().orElseThrow(
                () -> new BrokerException(BrokerException.Kind.REJECTED, "echo needs the alert's price"));
        String id = "E" + (orders.size() + 1);
        Fill fill = new Fill(request.clientOrderId(), id + "-1", request.instrument().symbol(), request.side(),
                request.quantity(), price, commission, "USD", now);
        OrderState state = new OrderState(request.clientOrderId(), id, request.instrument().symbol(), request.side(),
                request.quantity(), request.type(), request.limitPrice(), request.stopPrice(), OrderStatus.FILLED,
                request.quantity(), Optional.of(price), Optional.empty(), now);
        orders.put(request.clientOrderId(), state);
        fills.put(request.clientOrderId(), fill);
        holdings.merge(request.instrument().symbol(), Holding.FLAT.apply(request.side(), request.quantity(), price,
                BigDecimal.ONE), (a, b) -> a.apply(request.side(), request.quantity(), price, BigDecimal.ONE));
        events.execute(() -> {
            context.listener().onFill(fill);
            context.listener().onOrderUpdate(new OrderUpdate(request.clientOrderId(), Optional.of(id),
                    OrderStatus.FILLED, request.quantity(), Optional.of(price), Optional.empty(), now));
        });
        return new OrderAck(request.clientOrderId(), id, OrderStatus.ACCEPTED, false, now);
    }

    @Override
    public void cancel(ClientOrderId id) throws BrokerException {
        if (!orders.containsKey(id)) {
            throw new BrokerException(BrokerException.Kind.INVALID_REQUEST, "echo has no order " + id);
        }
    }

    @Override
    public synchronized List<OrderState> openOrders() {
        return List.of();
    }

    @Override
    public synchronized Optional<OrderState> lookup(ClientOrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public synchronized List<Fill> executions(ClientOrderId id) {
        return fills.containsKey(id) ? List.of(fills.get(id)) : List.of();
    }

    @Override
    public synchronized List<Position> positions() {
        List<Position> positions = new ArrayList<>();
        holdings.forEach((symbol, h) -> positions.add(new Position(symbol, AssetClass.STOCK, h.quantity(),
                h.averageCost(), "USD", Optional.empty(), Optional.empty(), Optional.of(h.realizedPnl()))));
        return positions;
    }

    @Override
    public AccountSnapshot account() {
        BigDecimal money = new BigDecimal("100000");
        return new AccountSnapshot("ECHO", "USD", money, money, money, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, context.clock().instant());
    }

    @Override
    public void close() {
        events.shutdown();
    }
}
