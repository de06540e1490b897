package io.tvbridge.broker.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.BrokerHealth;
import io.tvbridge.broker.spi.model.ClientOrderId;
import io.tvbridge.broker.spi.model.Fill;
import io.tvbridge.broker.spi.model.Instrument;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.broker.spi.model.OrderAck;
import io.tvbridge.broker.spi.model.OrderRequest;
import io.tvbridge.broker.spi.model.OrderState;
import io.tvbridge.broker.spi.model.OrderStatus;
import io.tvbridge.broker.spi.model.Position;
import io.tvbridge.broker.spi.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** A broker written before {@link Broker#submitAsync} existed keeps its behaviour through the default. */
class SubmitAsyncDefaultTest {
    private static final Instant AT = Instant.parse("2026-01-05T14:30:00Z");
    private static final OrderRequest ORDER = OrderRequest.market(ClientOrderId.of("tvb-test-1-1"),
            Instrument.simple("AAPL", AssetClass.STOCK, "NASDAQ", "USD"), Side.BUY, BigDecimal.ONE);

    @Test
    void theDefaultAnswersWithWhatSubmitReturnedOnTheCallersThread() throws Exception {
        Thread caller = Thread.currentThread();
        OldBroker broker = new OldBroker(request -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            return new OrderAck(request.clientOrderId(), "42", OrderStatus.ACCEPTED, false, AT);
        });

        CompletableFuture<OrderAck> answer = broker.submitAsync(ORDER);

        assertThat(answer).isCompletedWithValue(new OrderAck(ORDER.clientOrderId(), "42", OrderStatus.ACCEPTED,
                false, AT));
    }

    @Test
    void theDefaultFailsTheAnswerWithWhatSubmitThrew() {
        BrokerException refusal = new BrokerException(BrokerException.Kind.TIMEOUT, "no answer");
        OldBroker broker = new OldBroker(request -> {
            throw refusal;
        });

        CompletableFuture<OrderAck> answer = broker.submitAsync(ORDER);

        assertThat(answer).isCompletedExceptionally();
        assertThatThrownBy(answer::get).isInstanceOf(ExecutionException.class).hasCause(refusal);
    }

    /** What a broker's submit does. */
    @FunctionalInterface
    private interface Submit {
        OrderAck submit(OrderRequest request) throws BrokerException;
    }

    /** A broker that implements only what the contract asked before {@link Broker#submitAsync}. */
    private record OldBroker(Submit submit) implements Broker {
        @Override
        public OrderAck submit(OrderRequest request) throws BrokerException {
            return submit.submit(request);
        }

        @Override
        public Set<BrokerCapability> capabilities() {
            return Set.of();
        }

        @Override
        public void connect() {
        }

        @Override
        public BrokerHealth health() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instrument resolve(InstrumentRef ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(ClientOrderId clientOrderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<OrderState> openOrders() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<OrderState> lookup(ClientOrderId clientOrderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Fill> executions(ClientOrderId clientOrderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Position> positions() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AccountSnapshot account() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
