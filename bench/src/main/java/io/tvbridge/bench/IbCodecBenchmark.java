package io.tvbridge.bench;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbDecoder;
import io.tvbridge.broker.ibkr.codec.IbEncoder;
import io.tvbridge.broker.ibkr.codec.IbExecution;
import io.tvbridge.broker.ibkr.codec.IbListener;
import io.tvbridge.broker.ibkr.codec.IbOrder;
import io.tvbridge.broker.ibkr.codec.IbOrderStatus;
import io.tvbridge.broker.ibkr.codec.TwsWire;
import io.tvbridge.broker.ibkr.fake.FakeTwsEncoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The IBKR codec at server version 193, bytes to bytes: a market order encoded and framed as
 * PLACE_ORDER; ORDER_STATUS and EXECUTION_DATA frames (written by the fake TWS's encoder, as TWS
 * writes them) read from their bytes and decoded into a listener.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class IbCodecBenchmark {
    private static final int VERSION = IbEncoder.MAX_VERSION;

    private final IbEncoder encoder = new IbEncoder(VERSION);
    private final IbDecoder decoder = new IbDecoder(VERSION);
    private final IbContract contract = IbContract.of("AAPL", "STK", "SMART", "USD").withConId(265598)
            .withPrimaryExch("NASDAQ");
    private final IbOrder order = IbOrder.of("BUY", new BigDecimal("10"), "MKT", "DAY")
            .withAccountAndRef("DU1234567", "tvb-k3x9qa-1-1");
    private byte[] orderStatusFrame;
    private byte[] executionFrame;
    private int orderId;

    @Setup
    public void prepare() {
        FakeTwsEncoder tws = new FakeTwsEncoder(VERSION);
        orderStatusFrame = TwsWire.frame(tws.orderStatus(new IbOrderStatus(7, "Filled", new BigDecimal("10"),
                BigDecimal.ZERO, new BigDecimal("187.35"), 1_234_567_890L, 0, new BigDecimal("187.35"), 5, "", null)));
        executionFrame = TwsWire.frame(tws.execution(-1, contract, new IbExecution(7, "0000e0d5.6571c1f1.01.01",
                "20260302 10:00:01 US/Eastern", "DU1234567", "ISLAND", "BOT", new BigDecimal("10"),
                new BigDecimal("187.35"), 1_234_567_890L, 5, 0, new BigDecimal("10"), new BigDecimal("187.35"),
                "tvb-k3x9qa-1-1", "", null, "", 1, false)));
    }

    @Benchmark
    public byte[] encodePlaceOrder() {
        return TwsWire.frame(encoder.placeOrder(++orderId, contract, order));
    }

    @Benchmark
    public void decodeOrderStatus(Blackhole sink) throws IOException {
        decoder.decode(TwsWire.readFrame(new ByteArrayInputStream(orderStatusFrame)), new Sink(sink));
    }

    @Benchmark
    public void decodeExecution(Blackhole sink) throws IOException {
        decoder.decode(TwsWire.readFrame(new ByteArrayInputStream(executionFrame)), new Sink(sink));
    }

    /** Hands every decoded event to JMH, so that decoding is not optimised away. */
    private record Sink(Blackhole sink) implements IbListener {
        @Override
        public void orderStatus(IbOrderStatus status) {
            sink.consume(status);
        }

        @Override
        public void execution(int reqId, IbContract contract, IbExecution execution) {
            sink.consume(execution);
        }

        @Override
        public void unhandled(int messageId, List<String> fields) {
            throw new IllegalStateException("the codec should decode message " + messageId);
        }
    }
}
