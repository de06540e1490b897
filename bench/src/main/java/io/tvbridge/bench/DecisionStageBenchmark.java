package io.tvbridge.bench;

import io.tvbridge.broker.paper.PaperBrokerFactory;
import io.tvbridge.broker.spi.Broker;
import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.BrokerListener;
import io.tvbridge.core.calendar.TradingHours;
import io.tvbridge.core.model.OrderIds;
import io.tvbridge.core.model.Outcome;
import io.tvbridge.core.order.Ledger;
import io.tvbridge.core.order.OrderSink;
import io.tvbridge.core.risk.RiskEngine;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.routing.BrokerHandle;
import io.tvbridge.core.routing.HostBrokerContext;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.signal.DecisionStage;
import io.tvbridge.core.signal.OrderPlanner;
import io.tvbridge.core.store.StoredOrder;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One signal through the decision stage into an H2 file store in a temporary folder, from
 * {@code decide} to its committed outcome: duplicate check, planning, risk checks, the signal and
 * order rows, and the commit (written to disk, WRITE_DELAY=0) before the outcome completes. One
 * caller at a time, so every batch holds one signal: the cost of an alert that arrives alone.
 * Orders go nowhere (the submitter is left out).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class DecisionStageBenchmark {
    private Path folder;
    private MyBatisStore store;
    private Broker paper;
    private DecisionStage stage;
    private long next;

    @Setup(Level.Trial)
    public void start() throws IOException, BrokerException {
        folder = Files.createTempDirectory("tvbridge-jmh-decision");
        Clock clock = Clock.systemUTC();
        TradingHours hours = new TradingHours(true);
        store = MyBatisStore.openH2(folder, clock);
        PaperBrokerFactory factory = new PaperBrokerFactory();
        paper = factory.create(new BrokerConfig("paper", Map.of("starting-cash", "1000000000000"),
                factory.configKeys()), new HostBrokerContext(clock, BrokerListener.IGNORE, folder.resolve("paper"),
                hours));
        paper.connect();
        BrokerHandle broker = new BrokerHandle("paper", "bench", "", paper);
        stage = new DecisionStage(store, broker, new Ledger("paper", "", clock), new OrderPlanner(broker.name(), broker.capabilities()),
                RiskEngine.standard(), new OrderIds(OrderIds.newInstallationId()), Duration.ofSeconds(60),
                RiskSettings.defaults(), TradingHalt.NONE, Optional::empty, hours, clock, new OrderSink() {
                    @Override
                    public void submit(StoredOrder order) {
                    }

                    @Override
                    public void cancel(StoredOrder order) {
                    }
                });
        stage.accountUpdated(paper.account());
    }

    @Benchmark
    public Outcome decideOneSignal() throws InterruptedException, ExecutionException {
        return stage.decide(BenchAlerts.candidate(next++, Instant.now())).get();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        stage.close();
        paper.close();
        store.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
