package io.tvbridge.bench;

import io.tvbridge.broker.spi.BrokerCapability;
import io.tvbridge.broker.spi.model.AccountSnapshot;
import io.tvbridge.core.alert.Alert;
import io.tvbridge.core.risk.RiskEngine;
import io.tvbridge.core.risk.RiskState;
import io.tvbridge.core.risk.TradingHalt;
import io.tvbridge.core.settings.RiskSettings;
import io.tvbridge.core.signal.OrderPlanner;
import io.tvbridge.core.signal.Plan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
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

/**
 * The in-memory part of a decision: plan and size the orders of one alert and run every risk
 * check against the risk state, with no store and no thread hand-off (what the decision thread
 * spends per signal besides the database).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PlanningBenchmark {
    private final OrderPlanner planner = new OrderPlanner("paper", EnumSet.allOf(BrokerCapability.class));
    private final RiskEngine risk = RiskEngine.standard();
    private final RiskSettings settings = RiskSettings.defaults();
    private final RiskState state = new RiskState("paper");
    private final Alert[] alerts = new Alert[BenchAlerts.SYMBOLS];
    private int next;

    @Setup
    public void prepare() {
        BigDecimal cash = new BigDecimal("1000000000");
        state.accountUpdated(new AccountSnapshot("PAPER", "USD", cash, cash, cash, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, Instant.now()));
        for (int i = 0; i < alerts.length; i++) {
            alerts[i] = BenchAlerts.candidate(i, Instant.now()).alert();
        }
    }

    @Benchmark
    public Optional<String> planAndCheckOneAlert() {
        Alert alert = alerts[next++ % alerts.length];
        Plan plan = planner.plan(alert, state, settings);
        return risk.refuse(alert, plan.orders(), settings, state, TradingHalt.NONE, Optional.empty(), Instant.now());
    }
}
